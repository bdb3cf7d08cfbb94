import pg from 'pg';
import { migratePostgres } from './migrate';

/** Postgres's type id of BIGINT (int8): epoch ms and ids, read as numbers (they stay far below 2^53). */
const INT8_OID = 20;

/**
 * A connection pool to `url` whose BIGINT columns read as numbers (pg reads
 * them as strings by default). The pool never crashes the process on an idle
 * client's error (a restarted server): it is logged by `onError` and the
 * client is replaced.
 */
export function createPool(url: string, onError: (error: Error) => void = () => undefined, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format ?? 'text'))) as typeof pg.types.getTypeParser },
  });
  pool.on('error', onError);
  return pool;
}

/**
 * {@link createPool}, then the migrations applied ({@link migratePostgres}):
 * how every Postgres part starts. A failed migration ends the pool before
 * the error is thrown, so nothing is left connected.
 */
export async function openMigratedPool(url: string, onError?: (error: Error) => void, max?: number): Promise<pg.Pool> {
  const pool = createPool(url, onError, max);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

/** Run `work` in one transaction on one client of `pool` (rolled back if it throws). */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Where {@link claimDueRows} claims: a table of the schema, its columns read, and its due-time column. Constants of the code, never input. */
export interface LeasedTable {
  table: 'schedules' | 'feeds';
  columns: string;
  dueColumn: 'next_run_at' | 'next_check_at';
}

/**
 * Claim up to `limit` active rows of `table` due by `now`, earliest first,
 * in one transaction: `FOR UPDATE SKIP LOCKED` (workers claiming at the same
 * moment split the rows between them without waiting), then each claimed
 * row's due time becomes `now + leaseMs`, the lease.
 */
export function claimDueRows<Row extends { id: number }>(pool: pg.Pool, { table, columns, dueColumn }: LeasedTable, now: number, limit: number, leaseMs: number): Promise<Row[]> {
  return inTransaction(pool, async (client) => {
    const picked = await client.query<Row>(`SELECT ${columns} FROM ${table} WHERE paused_reason IS NULL AND ${dueColumn} <= $1
      ORDER BY ${dueColumn} LIMIT $2 FOR UPDATE SKIP LOCKED`, [now, limit]);
    if (picked.rows.length) await client.query(`UPDATE ${table} SET ${dueColumn} = $1 WHERE id = ANY($2::bigint[])`, [now + leaseMs, picked.rows.map((r) => r.id)]);
    return picked.rows;
  });
}
