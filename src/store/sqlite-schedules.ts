import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
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
    // Runs whose worker died holding them (lease ended), then due ones nobody holds: both by index.
    redo: db.prepare('SELECT id FROM schedules WHERE paused_reason IS NULL AND lease_until <= ? ORDER BY lease_until LIMIT ?').pluck(),
    dueFree: db.prepare('SELECT id FROM schedules WHERE paused_reason IS NULL AND next_run_at <= ? AND lease_until IS NULL ORDER BY next_run_at LIMIT ?').pluck(),
    lease: db.prepare(`UPDATE schedules SET lease_owner = @owner, lease_until = @until WHERE id = @id RETURNING ${COLUMNS}`),
    confirm: db.prepare('UPDATE schedules SET next_run_at = @to WHERE id = @id AND lease_owner = @owner AND paused_reason IS NULL'),
    renew: db.prepare('UPDATE schedules SET lease_until = @until WHERE id = @id AND lease_owner = @owner'),
    release: db.prepare('UPDATE schedules SET next_run_at = @nextRunAt, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner'),
    // Every SET reads the row as it was: both CASEs see the old owner.
    finish: db.prepare(`UPDATE schedules SET last_run_at = @at, last_result = @result, last_detail = @detail,
      lease_owner = CASE WHEN lease_owner = @owner THEN NULL ELSE lease_owner END, lease_until = CASE WHEN lease_owner = @owner THEN NULL ELSE lease_until END WHERE id = @id`),
    recordRun: db.prepare('UPDATE schedules SET last_run_at = ?, last_result = ?, last_detail = ? WHERE id = ?'),
    endOthers: db.prepare('UPDATE schedules SET lease_until = @now WHERE lease_until > @now AND lease_owner IS NOT @owner'),
    markPrimed: db.prepare('UPDATE schedules SET primed = 1, position_at = ?, position_id = ? WHERE id = ?'),
    earliest: db.prepare(`SELECT min(v) FROM (
      SELECT * FROM (SELECT next_run_at AS v FROM schedules WHERE paused_reason IS NULL AND lease_until IS NULL ORDER BY next_run_at LIMIT 1)
      UNION ALL SELECT * FROM (SELECT lease_until FROM schedules WHERE paused_reason IS NULL AND lease_until IS NOT NULL ORDER BY lease_until LIMIT 1))`).pluck(),
    makeDue: db.prepare('UPDATE schedules SET next_run_at = min(next_run_at, ?) WHERE paused_reason IS NULL AND channel_id = ?'),
  };
}

/** {@link ScheduleStore} on SQLite; statements are prepared once. */
export class SqliteScheduleStore implements ScheduleStore {
  private q: ReturnType<typeof prepare>;

  /** @param owner This store instance's id on the leases it takes (random per process start). */
  constructor(db: Database, readonly owner: string = randomUUID()) {
    this.q = prepare(db);
    this.bind(db);
  }

  /** Prepare the statements again on another connection (the database file was restored and reopened). */
  rebind(db: Database): void {
    this.q = prepare(db);
    this.bind(db);
  }

  private bind(db: Database): void {
    const owner = this.owner;
    this.confirmMany = db.transaction((entries: readonly RunClaim[]) => entries.filter((entry) => this.q.confirm.run({ ...entry, owner }).changes > 0).map((entry) => entry.id));
    this.renewMany = db.transaction((ids: readonly number[], until: number) => ids.filter((id) => this.q.renew.run({ id, until, owner }).changes > 0));
    this.releaseMany = db.transaction((entries: ReadonlyArray<{ id: number; nextRunAt: number }>) => {
      for (const entry of entries) this.q.release.run({ ...entry, owner });
    });
    this.makeDueMany = db.transaction((channelIds: readonly string[], now: number) =>
      channelIds.reduce((n, channelId) => n + this.q.makeDue.run(now, channelId).changes, 0),
    );
    this.setNextMany = db.transaction((entries: ReadonlyArray<{ id: number; nextRunAt: number }>) => {
      for (const entry of entries) this.q.setNextRun.run(entry.nextRunAt, entry.id);
    });
    const claim = db.transaction((now: number, limit: number, leaseMs: number) => {
      const redo = this.q.redo.all(now, limit) as number[];
      const ids = [...redo, ...(this.q.dueFree.all(now, limit - redo.length) as number[])];
      return ids.map((id) => toRecord(this.q.lease.get({ id, owner, until: now + leaseMs }) as ScheduleRow));
    });
    // IMMEDIATE: the write lock is taken before the first read, so another connection's claim waits for this one.
    this.claimDueMany = (now, limit, leaseMs) => claim.immediate(now, limit, leaseMs);
  }

  private makeDueMany!: (channelIds: readonly string[], now: number) => number;
  private setNextMany!: (entries: ReadonlyArray<{ id: number; nextRunAt: number }>) => void;
  private confirmMany!: (entries: readonly RunClaim[]) => number[];
  private renewMany!: (ids: readonly number[], until: number) => number[];
  private releaseMany!: (entries: ReadonlyArray<{ id: number; nextRunAt: number }>) => void;
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
    return entries.length ? this.confirmMany(entries) : [];
  }

  renewLeases(ids: readonly number[], until: number): number[] {
    return ids.length ? this.renewMany(ids, until) : [];
  }

  releaseRuns(entries: ReadonlyArray<{ id: number; nextRunAt: number }>): void {
    if (entries.length) this.releaseMany(entries);
  }

  endAbandonedLeases(now: number): number {
    return this.q.endOthers.run({ now, owner: this.owner }).changes;
  }

  finishRun(id: number, run: RunRecord): void {
    this.q.finish.run({ id, at: run.at, result: run.result, detail: run.detail, owner: this.owner });
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
