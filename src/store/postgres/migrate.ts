import type pg from 'pg';
import { MIGRATIONS, type Migration } from '../migrations';

/** Advisory lock key of `migrate` (any constant): two processes migrating at once take turns. */
const MIGRATE_LOCK = 7_041_991;

/**
 * Apply to Postgres the migrations not yet recorded in `schema_migrations`
 * (their `postgres` dialect), each in its own transaction, holding an
 * advisory lock so that replicas starting together migrate once. Idempotent.
 *
 * @returns The versions applied by this call.
 * @throws when a pending migration has no Postgres dialect.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT    NOT NULL,
      applied_at BIGINT  NOT NULL
    )`);
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      if (!migration.postgres) throw new Error(`migration ${migration.version} (${migration.name}) has no Postgres dialect`);
      await client.query('BEGIN');
      try {
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      done.push(migration.version);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** The highest applied version, 0 for an empty database. */
export async function postgresSchemaVersion(pool: pg.Pool): Promise<number> {
  const exists = await pool.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return 0;
  const row = await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return row.rows[0]?.v ?? 0;
}
