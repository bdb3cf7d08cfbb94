import { escapeMarkdown } from '../discord/text';
import { textIn } from '../errors';
import type { ScheduleRecord } from '../store/types';
import { discordTime, displayWhen } from './display';
import { scheduleListTexts as say } from './messages';

export { discordTime, displayWhen } from './display';

/** Longest description of the list embed we fill (Discord allows 4096). */
const MAX_LIST_LENGTH = 3900;

/** The state part of a list line: ok / failed / paused, with the reason or detail, in `language` (`ar`, `fr`; English otherwise). */
export function describeState(schedule: ScheduleRecord, language?: string): string {
  if (schedule.pausedReason) return textIn(say.paused(escapeMarkdown(schedule.pausedReason)), language);
  if (!schedule.lastResult || schedule.lastRunAt === null) return textIn(say.notRunYet(), language);
  const detail = schedule.lastDetail ? ` (${escapeMarkdown(schedule.lastDetail)})` : '';
  const mark = textIn(schedule.lastResult === 'ok' ? say.ok() : say.failed(), language);
  return `${mark}${detail} ${discordTime(schedule.lastRunAt)}`;
}

/** The warning of a channel with posts that may or may not have landed (see `DeliveryStatus` `uncertain`), or ''. */
export function uncertainNote(count: number, language?: string): string {
  if (count <= 0) return '';
  return textIn(say.uncertain(count), language);
}

/** One line of `/schedule list`; `uncertain`: how many of its channel's deliveries are uncertain. */
export function scheduleLine(schedule: ScheduleRecord, uncertain = 0, language?: string): string {
  const next = textIn(schedule.pausedReason ? say.noNext() : say.next(discordTime(schedule.nextRunAt)), language);
  const last = textIn(say.last(describeState(schedule, language)), language);
  return `**#${schedule.id}** · <#${schedule.channelId}> · ${displayWhen(schedule.when)} ${escapeMarkdown(schedule.timezone)} · ${next} · ${last}${uncertainNote(uncertain, language)}`;
}

/**
 * The lines of `/schedule list` in `language`, cut to fit one embed, with a
 * "… and N more" line when cut. `uncertainIn` counts a channel's uncertain deliveries.
 */
export function scheduleList(schedules: readonly ScheduleRecord[], uncertainIn: (channelId: string) => number = () => 0, language?: string): string {
  const lines: string[] = [];
  let length = 0;
  for (const [index, schedule] of schedules.entries()) {
    const line = scheduleLine(schedule, uncertainIn(schedule.channelId), language);
    const rest = schedules.length - index;
    if (length + line.length + 1 > MAX_LIST_LENGTH - 40) {
      lines.push(textIn(say.more(rest), language));
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** One autocomplete choice name for a schedule (≤ 100 characters), in `language`. */
export function scheduleChoiceName(schedule: ScheduleRecord, channelName: string | undefined, language?: string): string {
  const state = schedule.pausedReason ? textIn(say.choicePaused(), language) : '';
  const name = `#${schedule.id} · #${channelName ?? schedule.channelId} · ${schedule.when} ${schedule.timezone}${state}`;
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}
