import { escapeMarkdown } from '../discord/text';
import type { ScheduleRecord } from '../store/types';

/** Longest description of the list embed we fill (Discord allows 4096). */
const MAX_LIST_LENGTH = 3900;

/** Discord timestamp markup (`<t:…:R>` shows "in 3 hours" in each reader's locale). */
export function discordTime(epochMs: number, style: 'R' | 'f' | 'F' | 't' = 'R'): string {
  return `<t:${Math.floor(epochMs / 1000)}:${style}>`;
}

/** `when` for display: inside a code span, so no markdown and no backticks. */
export function displayWhen(when: string): string {
  return `\`${when.replace(/`/g, "'").slice(0, 60)}\``;
}

/** The state part of a list line: ok / failed / paused, with the reason or detail. */
export function describeState(schedule: ScheduleRecord): string {
  if (schedule.pausedReason) return `⏸ paused: ${escapeMarkdown(schedule.pausedReason)}`;
  if (!schedule.lastResult || schedule.lastRunAt === null) return 'not run yet';
  const detail = schedule.lastDetail ? ` (${escapeMarkdown(schedule.lastDetail)})` : '';
  const mark = schedule.lastResult === 'ok' ? '✅ ok' : '⚠️ failed';
  return `${mark}${detail} ${discordTime(schedule.lastRunAt)}`;
}

/** The warning of a channel with posts that may or may not have landed (see `DeliveryStatus` `uncertain`), or ''. */
export function uncertainNote(count: number): string {
  if (count <= 0) return '';
  return ` · ❓ ${count} post${count === 1 ? '' : 's'} uncertain: an answer was lost and I cannot read the channel's history to check (grant Read Message History: I check again at each run)`;
}

/** One line of `/schedule list`; `uncertain`: how many of its channel's deliveries are uncertain. */
export function scheduleLine(schedule: ScheduleRecord, uncertain = 0): string {
  const next = schedule.pausedReason ? 'next: —' : `next ${discordTime(schedule.nextRunAt)}`;
  return `**#${schedule.id}** · <#${schedule.channelId}> · ${displayWhen(schedule.when)} ${escapeMarkdown(schedule.timezone)} · ${next} · last: ${describeState(schedule)}${uncertainNote(uncertain)}`;
}

/**
 * The lines of `/schedule list`, cut to fit one embed, with a "… and N more"
 * line when cut. `uncertainIn` counts a channel's uncertain deliveries.
 */
export function scheduleList(schedules: readonly ScheduleRecord[], uncertainIn: (channelId: string) => number = () => 0): string {
  const lines: string[] = [];
  let length = 0;
  for (const [index, schedule] of schedules.entries()) {
    const line = scheduleLine(schedule, uncertainIn(schedule.channelId));
    const rest = schedules.length - index;
    if (length + line.length + 1 > MAX_LIST_LENGTH - 40) {
      lines.push(`… and ${rest} more`);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** One autocomplete choice name for a schedule (≤ 100 characters). */
export function scheduleChoiceName(schedule: ScheduleRecord, channelName: string | undefined): string {
  const state = schedule.pausedReason ? ' · paused' : '';
  const name = `#${schedule.id} · #${channelName ?? schedule.channelId} · ${schedule.when} ${schedule.timezone}${state}`;
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}
