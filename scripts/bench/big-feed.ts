/**
 * npm run bench -- big-feed [--db sqlite|postgres|both] [--count 50000]: one stock sync of a big
 * feed on a fresh Strapi in a fresh process per database (PostgreSQL when reachable); prints the
 * time and the peak RSS growth (goal: at most 300 MB for 50,000 vehicles). docs/performance.md.
 */
import { Client } from 'pg';
import { runInFreshProcess } from './stock';

async function postgresReachable(): Promise<boolean> {
  const client = new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database: 'postgres',
    connectionTimeoutMillis: 3_000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function runBigFeed(db: string, count: number) {
  console.log(`\n## Big feed — ${count} vehicles, no images, one sync in a fresh process (Node ${process.version})`);
  for (const client of db === 'both' ? (['sqlite', 'postgres'] as const) : [db as 'sqlite' | 'postgres']) {
    if (client === 'postgres' && !(await postgresReachable())) {
      console.log('PostgreSQL is not reachable (DATABASE_HOST/PORT/USERNAME/PASSWORD): skipped');
      continue;
    }
    runInFreshProcess(client, count);
  }
}
