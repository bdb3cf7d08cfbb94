import type pg from 'pg';
import type { Async, NewSchedule, RunClaim, RunRecord, ScheduleRecord, ScheduleStore, StreamPosition } from '../types';
import { SCHEDULE_COLUMNS as COLUMNS, scheduleFromRow as toRecord, type ScheduleRow } from '../rows';
import { claimDueRows } from './pool';


/** {@link ScheduleStore} on Postgres (the same contract as SQLite's, as promises). */
export class PostgresScheduleStore implements Async<ScheduleStore> {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, params: unknown[]): Promise<ScheduleRecord[]> {
    return (await this.pool.query<ScheduleRow>(sql, params)).rows.map(toRecord);
  }

  async create(s: NewSchedule): Promise<ScheduleRecord> {
    const [created] = await this.rows(`INSERT INTO schedules (guild_id, channel_id, when_text, pattern, timezone, created_by, created_at, next_run_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`, [s.guildId, s.channelId, s.when, s.pattern, s.timezone, s.createdBy, s.createdAt, s.nextRunAt]);
    return created!;
  }

  async get(id: number): Promise<ScheduleRecord | undefined> {
    return (await this.rows(`SELECT ${COLUMNS} FROM schedules WHERE id = $1`, [id]))[0];
  }

  async getInGuild(guildId: string, id: number): Promise<ScheduleRecord | undefined> {
    return (await this.rows(`SELECT ${COLUMNS} FROM schedules WHERE guild_id = $1 AND id = $2`, [guildId, id]))[0];
  }

  listByGuild(guildId: string): Promise<ScheduleRecord[]> {
    return this.rows(`SELECT ${COLUMNS} FROM schedules WHERE guild_id = $1 ORDER BY id`, [guildId]);
  }

  async remove(guildId: string, id: number): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM schedules WHERE guild_id = $1 AND id = $2', [guildId, id])).rowCount ?? 0) > 0;
  }

  async pause(id: number, reason: string, at: number): Promise<void> {
    await this.pool.query(`UPDATE schedules SET paused_reason = $1, paused_at = $2, last_result = 'paused', last_detail = $1 WHERE id = $3`, [reason, at, id]);
  }

  async resume(id: number, nextRunAt: number): Promise<void> {
    await this.pool.query('UPDATE schedules SET paused_reason = NULL, paused_at = NULL, next_run_at = $1 WHERE id = $2', [nextRunAt, id]);
  }

  due(now: number, limit = 1000): Promise<ScheduleRecord[]> {
    return this.rows(`SELECT ${COLUMNS} FROM schedules WHERE paused_reason IS NULL AND next_run_at <= $1 ORDER BY next_run_at LIMIT $2`, [now, limit]);
  }

  async setNextRun(id: number, nextRunAt: number): Promise<void> {
    await this.pool.query('UPDATE schedules SET next_run_at = $1 WHERE id = $2', [nextRunAt, id]);
  }

  async setNextRuns(entries: ReadonlyArray<{ id: number; nextRunAt: number }>): Promise<void> {
    if (!entries.length) return;
    await this.pool.query(`UPDATE schedules s SET next_run_at = e.next_run_at
      FROM unnest($1::bigint[], $2::bigint[]) AS e (id, next_run_at) WHERE s.id = e.id`, [entries.map((e) => e.id), entries.map((e) => e.nextRunAt)]);
  }

  /** One statement: each row moves only where `next_run_at` is still the lease the claim wrote and the schedule is active. */
  async claimRuns(entries: readonly RunClaim[]): Promise<number[]> {
    if (!entries.length) return [];
    const result = await this.pool.query<{ id: number }>(`UPDATE schedules s SET next_run_at = e.next_to
      FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS e (id, next_from, next_to)
      WHERE s.id = e.id AND s.next_run_at = e.next_from AND s.paused_reason IS NULL RETURNING s.id`,
    [entries.map((e) => e.id), entries.map((e) => e.from), entries.map((e) => e.to)]);
    const won = new Set(result.rows.map((r) => r.id));
    return entries.filter((e) => won.has(e.id)).map((e) => e.id);
  }

  async recordRun(id: number, run: RunRecord): Promise<void> {
    await this.pool.query('UPDATE schedules SET last_run_at = $1, last_result = $2, last_detail = $3 WHERE id = $4', [run.at, run.result, run.detail, id]);
  }

  async markPrimed(id: number, position: StreamPosition | null = null): Promise<void> {
    await this.pool.query('UPDATE schedules SET primed = TRUE, position_at = $1, position_id = $2 WHERE id = $3', [position?.at ?? null, position?.id ?? null, id]);
  }

  async earliestNextRun(): Promise<number | undefined> {
    const row = await this.pool.query<{ v: number | null }>('SELECT min(next_run_at) AS v FROM schedules WHERE paused_reason IS NULL');
    return row.rows[0]?.v ?? undefined;
  }

  async makeDueForChannels(channelIds: readonly string[], now: number): Promise<number> {
    if (!channelIds.length) return 0;
    const result = await this.pool.query('UPDATE schedules SET next_run_at = LEAST(next_run_at, $1) WHERE paused_reason IS NULL AND channel_id = ANY($2::text[])', [now, [...channelIds]]);
    return result.rowCount ?? 0;
  }

  /** `FOR UPDATE SKIP LOCKED`: workers claiming at the same moment split the due schedules between them without waiting. */
  async claimDue(now: number, limit: number, leaseMs: number): Promise<ScheduleRecord[]> {
    return (await claimDueRows<ScheduleRow>(this.pool, { table: 'schedules', columns: COLUMNS, dueColumn: 'next_run_at' }, now, limit, leaseMs)).map(toRecord);
  }
}
