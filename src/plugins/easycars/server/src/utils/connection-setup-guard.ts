import type { Core } from '@strapi/strapi';

type Dialect = { initialize?: (connection: unknown) => Promise<void>; easycarsSetupGuarded?: boolean };

/**
 * Strapi's database layer runs its per-connection setup (PostgreSQL with a schema: `SET search_path`) on every new
 * pool connection without catching its failure. When the database drops connections (a restart, a failover,
 * pg_terminate_backend) while one is being opened, that rejection is unhandled and Node stops the whole Strapi
 * process. Caught here: the connection still goes to the pool, already marked broken by knex, so the query that
 * would have used it fails with an ordinary, handled error and the pool opens another.
 */
export function guardConnectionSetup(strapi: Core.Strapi): void {
  const dialect = (strapi.db as unknown as { dialect?: Dialect } | undefined)?.dialect;
  if (!dialect?.initialize || dialect.easycarsSetupGuarded) return;
  const initialize = dialect.initialize.bind(dialect);
  dialect.initialize = (connection) =>
    initialize(connection).catch((error: unknown) => {
      strapi.log.warn(`[easycars] a new database connection failed its set-up and is dropped: ${(error as Error)?.message ?? String(error)}`);
    });
  dialect.easycarsSetupGuarded = true;
}
