import path from 'node:path';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type TestDatabaseClient = 'sqlite' | 'postgres';

export const ROOT = path.resolve(__dirname, '..', '..');

export function testDatabaseClient(): TestDatabaseClient {
  const value = process.env.DB_TEST_CLIENT ?? 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres') throw new Error(`DB_TEST_CLIENT must be sqlite or postgres, got ${value}`);
  return value;
}

const pgAdminConfig = () => ({
  host: process.env.DATABASE_HOST ?? '127.0.0.1',
  port: Number(process.env.DATABASE_PORT ?? 5432),
  user: process.env.DATABASE_USERNAME ?? 'postgres',
  password: process.env.DATABASE_PASSWORD ?? '',
  database: 'postgres',
});

export interface TestDatabase {
  client: TestDatabaseClient;
  /** Environment variables that point config/database.ts at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A throw-away database: a temp SQLite file, or a fresh PostgreSQL database. */
export async function createTestDatabase(client: TestDatabaseClient = testDatabaseClient()): Promise<TestDatabase> {
  const name = `easycars_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  if (client === 'sqlite') {
    const relative = path.join('.tmp', 'test', `${name}.db`);
    fs.mkdirSync(path.join(ROOT, '.tmp', 'test'), { recursive: true });
    return {
      client,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: relative },
      async drop() {
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(ROOT, relative + suffix), { force: true });
      },
    };
  }
  const admin = new Client(pgAdminConfig());
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const cfg = pgAdminConfig();
  return {
    client,
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: cfg.host,
      DATABASE_PORT: String(cfg.port),
      DATABASE_USERNAME: cfg.user,
      DATABASE_PASSWORD: cfg.password,
      DATABASE_NAME: name,
      DATABASE_POOL_MIN: '0',
      DATABASE_POOL_MAX: '5',
    },
    async drop() {
      const c = new Client(pgAdminConfig());
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
