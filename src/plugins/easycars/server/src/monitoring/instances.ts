/**
 * Each running Strapi instance writes a heartbeat row every flush interval: memory, event-loop lag
 * and when its scheduler last ticked. Health reads every row; rows silent for a day are removed.
 */
import os from 'node:os';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Core } from '@strapi/strapi';
import { pluginUid } from '../utils/plugin';

export interface InstanceStats {
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  eventLoopLagMs: number;
  eventLoopLagP99Ms: number;
  uptimeSeconds: number;
}

const FORGET_AFTER_MS = 24 * 3_600_000;

export function createInstanceHeartbeat(strapi: Core.Strapi, instanceId: string) {
  const query = () => strapi.db.query(pluginUid('instance'));
  const startedAt = new Date();
  let lag: IntervalHistogram | undefined;
  let schedulerTickAt: Date | null = null;

  const stats = (): InstanceStats => {
    const mem = process.memoryUsage();
    const ms = (ns: number) => Math.round((Number.isFinite(ns) ? ns : 0) / 1e4) / 100;
    const result = {
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      heapTotalBytes: mem.heapTotal,
      eventLoopLagMs: ms(lag?.mean ?? 0),
      eventLoopLagP99Ms: ms(lag?.percentile(99) ?? 0),
      uptimeSeconds: Math.round(process.uptime()),
    };
    lag?.reset();
    return result;
  };

  return {
    start() {
      lag = monitorEventLoopDelay({ resolution: 20 });
      lag.enable();
    },
    stop() {
      lag?.disable();
    },
    schedulerTicked(at = new Date()) {
      schedulerTickAt = at;
    },
    /** `lastSuccessfulCall`: per EasyCars environment, this instance's last successful call (ISO time). */
    async beat(lastSuccessfulCall: Record<string, string>, now = new Date()) {
      const data = { hostname: os.hostname(), pid: process.pid, startedAt, heartbeatAt: now, schedulerTickAt, stats: { ...stats(), lastSuccessfulCall } };
      const existing = await query().findOne({ where: { instanceId }, select: ['id'] });
      if (existing) await query().update({ where: { id: existing.id }, data });
      else await query().create({ data: { instanceId, ...data } });
      await query().deleteMany({ where: { heartbeatAt: { $lt: new Date(now.getTime() - FORGET_AFTER_MS) } } });
    },
    async remove() {
      await query().deleteMany({ where: { instanceId } });
    },
  };
}

export type InstanceHeartbeat = ReturnType<typeof createInstanceHeartbeat>;
