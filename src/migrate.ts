import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { loadConfigOrExit } from './config';
import { describeDatabaseError, migrate, schemaVersion } from './store';
import { createPool, migratePostgres, postgresSchemaVersion } from './store/postgres';

/**
 * `npm run migrate`: apply the numbered migrations to the database the bot
 * uses: Postgres at `DATABASE_URL` when set, else SQLite at `DATABASE_PATH`
 * (created with its folder). Prints what it applied; exits 1 with one line on
 * failure. The bot also migrates at start, so this is for deploys that
 * migrate before rolling out new replicas.
 */
const config = loadConfigOrExit();

/** Where, without a password. */
function describeTarget(): string {
  if (!config.databaseUrl) return `SQLite at ${config.databasePath}`;
  const url = new URL(config.databaseUrl);
  return `Postgres at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

async function run(): Promise<{ applied: number[]; version: number }> {
  if (config.databaseUrl) {
    const pool = createPool(config.databaseUrl, () => undefined, 1);
    try {
      const applied = await migratePostgres(pool);
      return { applied, version: await postgresSchemaVersion(pool) };
    } finally {
      await pool.end();
    }
  }
  if (config.databasePath !== ':memory:') mkdirSync(dirname(config.databasePath), { recursive: true });
  const db = new BetterSqlite3(config.databasePath);
  try {
    const applied = migrate(db);
    return { applied, version: schemaVersion(db) };
  } finally {
    db.close();
  }
}

try {
  const { applied, version } = await run();
  process.stdout.write(applied.length
    ? `Migrated ${describeTarget()}: applied ${applied.join(', ')}; now at version ${version}.\n`
    : `${describeTarget()} is up to date (version ${version}).\n`);
} catch (error) {
  // SQLite: the same reasons as the bot's start-up line (unable to open (…), is not a Briefing database or is corrupt (…)).
  const message = config.databaseUrl ? (error instanceof Error ? error.message : String(error)).split('\n')[0]! : describeDatabaseError(config.databasePath, error);
  const secret = config.databaseUrl ? new URL(config.databaseUrl).password : '';
  process.stderr.write(`Migrate failed (${describeTarget()}): ${secret ? message.split(secret).join('[redacted]') : message}\n`);
  process.exitCode = 1;
}
