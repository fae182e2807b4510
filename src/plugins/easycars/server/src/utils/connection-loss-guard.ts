import type { Core } from '@strapi/strapi';

/** PostgreSQL's SQLSTATEs for a connection the server ended or refused (a restart, a failover, pg_terminate_backend). */
const CONNECTION_LOSS_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006']);
const CONNECTION_LOSS_MESSAGES = /Connection terminated|Connection ended unexpectedly|terminating connection due to|ECONNRESET|ECONNREFUSED/i;

/** A database query failed because its connection went away, not because of what it asked. */
export function isConnectionLoss(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (CONNECTION_LOSS_CODES.has(code) || code === 'ECONNRESET' || code === 'ECONNREFUSED')) return true;
  return typeof message === 'string' && CONNECTION_LOSS_MESSAGES.test(message);
}

let logger: Core.Strapi['log'] | undefined;

const onUnhandledRejection = (reason: unknown) => {
  if (isConnectionLoss(reason)) {
    logger?.warn(`[easycars] a background database query was lost with its connection: ${(reason as Error).message}`);
    return;
  }
  // Anything else stops the process, as it would without this listener.
  throw reason;
};

/**
 * Strapi 5 runs some document-middleware work without awaiting it (content-releases' updateActionsOnUpdate after
 * every update of a draft-and-publish entry, as the stock sync makes). When the database drops its connections while
 * such a query is in flight, its rejection is unhandled and Node stops the whole process. Only that kind of rejection
 * is kept from stopping it; any other unhandled rejection still does.
 */
export function guardUnhandledConnectionLoss(strapi: Core.Strapi): void {
  logger = strapi.log;
  if (!process.listeners('unhandledRejection').includes(onUnhandledRejection)) process.on('unhandledRejection', onUnhandledRejection);
}

export function releaseConnectionLossGuard(): void {
  process.off('unhandledRejection', onUnhandledRejection);
  logger = undefined;
}
