/**
 * The rows of the stores' tables and how they become records: one definition
 * for the SQLite and the Postgres stores.
 */
import type { DeliveryRecord, DeliveryStatus, RunResult, ScheduleRecord } from './types';

/**
 * How long a claimed delivery is held by its worker (ms) unless a caller says
 * otherwise: longer than any send (see `SEND_TIMEOUT_MS`), shorter than
 * Discord's nonce window, so a take-over re-sends while the nonce still folds.
 */
export const DEFAULT_DELIVERY_LEASE_MS = 3 * 60_000;

/** A `schedules` row as both databases return it (SQLite stores `primed` as 0/1, Postgres as a boolean). */
export interface ScheduleRow {
  id: number;
  guild_id: string;
  channel_id: string;
  when_text: string;
  pattern: string;
  timezone: string;
  created_by: string;
  created_at: number;
  paused_reason: string | null;
  last_run_at: number | null;
  last_result: RunResult | null;
  last_detail: string | null;
  next_run_at: number;
  primed: number | boolean;
  position_at: number | null;
  position_id: string | null;
  lease_until: number | null;
}

/** The columns of {@link ScheduleRow}, in order. */
export const SCHEDULE_COLUMNS = 'id, guild_id, channel_id, when_text, pattern, timezone, created_by, created_at, paused_reason, last_run_at, last_result, last_detail, next_run_at, primed, position_at, position_id, lease_until';

/** A row as the store interfaces give it. */
export function scheduleFromRow(row: ScheduleRow): ScheduleRecord {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    when: row.when_text,
    pattern: row.pattern,
    timezone: row.timezone,
    createdBy: row.created_by,
    createdAt: row.created_at,
    pausedReason: row.paused_reason,
    lastRunAt: row.last_run_at,
    lastResult: row.last_result,
    lastDetail: row.last_detail,
    nextRunAt: row.next_run_at,
    leaseUntil: row.lease_until,
    primed: row.primed === true || row.primed === 1,
    position: row.position_at === null || row.position_id === null ? null : { at: row.position_at, id: row.position_id },
  };
}

/** A `deliveries` row as both databases return it. */
export interface DeliveryRow {
  channel_id: string;
  article_id: string;
  schedule_id: number | null;
  status: DeliveryStatus;
  nonce: string;
  message_id: string | null;
  attempts: number;
  error: string | null;
  created_at: number;
  updated_at: number;
  content_key: string | null;
  owner: string | null;
  lease_until: number | null;
}

/** The columns of {@link DeliveryRow}, in order. */
export const DELIVERY_COLUMNS = 'channel_id, article_id, schedule_id, status, nonce, message_id, attempts, error, created_at, updated_at, content_key, owner, lease_until';

/** A row as the store interfaces give it. */
export function deliveryFromRow(row: DeliveryRow): DeliveryRecord {
  return {
    channelId: row.channel_id,
    articleId: row.article_id,
    scheduleId: row.schedule_id,
    status: row.status,
    nonce: row.nonce,
    messageId: row.message_id,
    attempts: row.attempts,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    contentKey: row.content_key,
    owner: row.owner,
    leaseUntil: row.lease_until,
  };
}
