import type { Database, Transaction } from 'better-sqlite3';
import type { NewSchedule, RunClaim, RunRecord, ScheduleRecord, ScheduleStore, StreamPosition } from './types';
import { SCHEDULE_COLUMNS as COLUMNS, scheduleFromRow as toRecord, type ScheduleRow } from './rows';


function prepare(db: Database) {
  return {
    insert: db.prepare(`INSERT INTO schedules (guild_id, channel_id, when_text, pattern, timezone, created_by, created_at, next_run_at)
      VALUES (@guildId, @channelId, @when, @pattern, @timezone, @createdBy, @createdAt, @nextRunAt) RETURNING ${COLUMNS}`),
    get: db.prepare(`SELECT ${COLUMNS} FROM schedules WHERE id = ?`),
    getInGuild: db.prepare(`SELECT ${COLUMNS} FROM schedules WHERE guild_id = ? AND id = ?`),
    listByGuild: db.prepare(`SELECT ${COLUMNS} FROM schedules WHERE guild_id = ? ORDER BY id`),
    remove: db.prepare('DELETE FROM schedules WHERE guild_id = ? AND id = ?'),
    pause: db.prepare(`UPDATE schedules SET paused_reason = ?, paused_at = ?, last_result = 'paused', last_detail = ? WHERE id = ?`),
    resume: db.prepare('UPDATE schedules SET paused_reason = NULL, paused_at = NULL, next_run_at = ? WHERE id = ?'),
    due: db.prepare(`SELECT ${COLUMNS} FROM schedules WHERE paused_reason IS NULL AND next_run_at <= ? ORDER BY next_run_at LIMIT ?`),
    setNextRun: db.prepare('UPDATE schedules SET next_run_at = ? WHERE id = ?'),
    claim: db.prepare('UPDATE schedules SET next_run_at = @to WHERE id = @id AND next_run_at = @from AND paused_reason IS NULL'),
    recordRun: db.prepare('UPDATE schedules SET last_run_at = ?, last_result = ?, last_detail = ? WHERE id = ?'),
    markPrimed: db.prepare('UPDATE schedules SET primed = 1, position_at = ?, position_id = ? WHERE id = ?'),
    earliest: db.prepare('SELECT min(next_run_at) FROM schedules WHERE paused_reason IS NULL').pluck(),
    makeDue: db.prepare('UPDATE schedules SET next_run_at = min(next_run_at, ?) WHERE paused_reason IS NULL AND channel_id = ?'),
  };
}

/** {@link ScheduleStore} on SQLite; statements are prepared once. */
export class SqliteScheduleStore implements ScheduleStore {
  private q: ReturnType<typeof prepare>;

  constructor(db: Database) {
    this.q = prepare(db);
    this.bind(db);
  }

  /** Prepare the statements again on another connection (the database file was restored and reopened). */
  rebind(db: Database): void {
    this.q = prepare(db);
    this.bind(db);
  }

  private bind(db: Database): void {
    this.claimMany = db.transaction((entries: readonly RunClaim[]) => entries.filter((entry) => this.q.claim.run(entry).changes > 0).map((entry) => entry.id));
    this.makeDueMany = db.transaction((channelIds: readonly string[], now: number) =>
      channelIds.reduce((n, channelId) => n + this.q.makeDue.run(now, channelId).changes, 0),
    );
    this.setNextMany = db.transaction((entries: ReadonlyArray<{ id: number; nextRunAt: number }>) => {
      for (const entry of entries) this.q.setNextRun.run(entry.nextRunAt, entry.id);
    });
    const claim = db.transaction((now: number, limit: number, leaseMs: number) => {
      const rows = this.due(now, limit);
      for (const row of rows) this.q.setNextRun.run(now + leaseMs, row.id);
      return rows;
    });
    this.claimDueMany = (now, limit, leaseMs) => claim.immediate(now, limit, leaseMs);
  }

  private makeDueMany!: (channelIds: readonly string[], now: number) => number;
  private setNextMany!: (entries: ReadonlyArray<{ id: number; nextRunAt: number }>) => void;
  private claimMany!: Transaction<(entries: readonly RunClaim[]) => number[]>;
  private claimDueMany!: (now: number, limit: number, leaseMs: number) => ScheduleRecord[];

  create(schedule: NewSchedule): ScheduleRecord {
    return toRecord(this.q.insert.get(schedule) as ScheduleRow);
  }

  get(id: number): ScheduleRecord | undefined {
    const row = this.q.get.get(id) as ScheduleRow | undefined;
    return row && toRecord(row);
  }

  getInGuild(guildId: string, id: number): ScheduleRecord | undefined {
    const row = this.q.getInGuild.get(guildId, id) as ScheduleRow | undefined;
    return row && toRecord(row);
  }

  listByGuild(guildId: string): ScheduleRecord[] {
    return (this.q.listByGuild.all(guildId) as ScheduleRow[]).map(toRecord);
  }

  remove(guildId: string, id: number): boolean {
    return this.q.remove.run(guildId, id).changes > 0;
  }

  pause(id: number, reason: string, at: number): void {
    this.q.pause.run(reason, at, reason, id);
  }

  resume(id: number, nextRunAt: number): void {
    this.q.resume.run(nextRunAt, id);
  }

  due(now: number, limit = 1000): ScheduleRecord[] {
    return (this.q.due.all(now, limit) as ScheduleRow[]).map(toRecord);
  }

  setNextRun(id: number, nextRunAt: number): void {
    this.q.setNextRun.run(nextRunAt, id);
  }

  setNextRuns(entries: ReadonlyArray<{ id: number; nextRunAt: number }>): void {
    if (entries.length) this.setNextMany(entries);
  }

  claimRuns(entries: readonly RunClaim[]): number[] {
    // IMMEDIATE: the write lock is taken before the first compare, so another connection's claim waits for this one.
    return entries.length ? this.claimMany.immediate(entries) : [];
  }

  recordRun(id: number, run: RunRecord): void {
    this.q.recordRun.run(run.at, run.result, run.detail, id);
  }

  markPrimed(id: number, position: StreamPosition | null = null): void {
    this.q.markPrimed.run(position?.at ?? null, position?.id ?? null, id);
  }

  earliestNextRun(): number | undefined {
    const value = this.q.earliest.get() as number | null;
    return value ?? undefined;
  }

  makeDueForChannels(channelIds: readonly string[], now: number): number {
    return this.makeDueMany(channelIds, now);
  }

  claimDue(now: number, limit: number, leaseMs: number): ScheduleRecord[] {
    return this.claimDueMany(now, limit, leaseMs);
  }
}
