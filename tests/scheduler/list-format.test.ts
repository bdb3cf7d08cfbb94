import { describe, expect, it } from 'vitest';
import { describeState, discordTime, scheduleChoiceName, scheduleLine, scheduleList } from '../../src/scheduler/list-format';
import type { ScheduleRecord } from '../../src/store';
import { CHANNEL_A, GUILD } from './helpers';

const base: ScheduleRecord = {
  id: 4, guildId: GUILD, channelId: CHANNEL_A, when: '08:30', pattern: '30 8 * * *', timezone: 'Asia/Riyadh', createdBy: '300000000000000001',
  createdAt: 0, pausedReason: null, lastRunAt: null, lastResult: null, lastDetail: null, nextRunAt: 1_800_000_000_000, primed: false, position: null, leaseUntil: null,
};

describe('schedule list lines', () => {
  it('shows id, channel mention, timing, zone and next run as a Discord timestamp', () => {
    expect(scheduleLine(base)).toBe(`**#4** · <#${CHANNEL_A}> · \`08:30\` Asia/Riyadh · next <t:1800000000:R> · last: not run yet`);
  });

  it.each([
    [{ lastRunAt: 1_700_000_000_000, lastResult: 'ok' as const, lastDetail: 'posted 2' }, /✅ ok \(posted 2\) <t:1700000000:R>/],
    [{ lastRunAt: 1_700_000_000_000, lastResult: 'failed' as const, lastDetail: 'HTTP 503: Service Unavailable' }, /⚠️ failed \(HTTP 503: Service Unavailable\)/],
    [{ pausedReason: 'Missing Permissions (50013): the bot cannot post there', lastResult: 'paused' as const }, /⏸ paused: Missing Permissions \(50013\)/],
  ])('last result %#', (overrides, expected) => {
    expect(describeState({ ...base, ...overrides })).toMatch(expected);
  });

  it.each([
    [0, null],
    [1, /❓ 1 post uncertain: .*Read Message History/],
    [3, /❓ 3 posts uncertain: .*Read Message History/],
  ])('says when %i of the channel\'s posts are uncertain', (count, expected) => {
    const line = scheduleList([base], (channelId) => (channelId === CHANNEL_A ? count : 0));
    if (expected) expect(line).toMatch(expected);
    else expect(line).not.toMatch(/uncertain/);
  });

  it('a paused schedule has no next run', () => {
    expect(scheduleLine({ ...base, pausedReason: 'paused with /schedule pause' })).toMatch(/next: —/);
  });

  it('escapes markdown and mentions in reasons, and backticks in `when`', () => {
    const line = scheduleLine({ ...base, when: '0 8 `*` * *', pausedReason: 'Forbidden (403): @everyone **bold**' });
    expect(line).toContain("`0 8 '*' * *`");
    expect(line).not.toContain('**bold**');
    expect(line).not.toMatch(/@everyone/);
  });

  it('cuts a long list to fit one embed and says how many are left', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...base, id: i + 1 }));
    const text = scheduleList(many);
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).toMatch(/… and \d+ more$/);
  });

  it('choice names stay within 100 characters', () => {
    expect(scheduleChoiceName({ ...base, timezone: 'America/Argentina/ComodRivadavia', when: '0 0 8 * * 1,2,3,4,5,6,0' }, 'x'.repeat(100)).length).toBeLessThanOrEqual(100);
    expect(scheduleChoiceName(base, 'الأخبار')).toBe('#4 · #الأخبار · 08:30 Asia/Riyadh');
  });

  it.each([
    ['en', `**#4** · <#${CHANNEL_A}> · \`08:30\` Asia/Riyadh · next <t:1800000000:R> · last: not run yet`],
    ['ar', `**#4** · <#${CHANNEL_A}> · \`08:30\` Asia/Riyadh · التالي <t:1800000000:R> · الأخير: لم يعمل بعد`],
    ['fr', `**#4** · <#${CHANNEL_A}> · \`08:30\` Asia/Riyadh · prochaine <t:1800000000:R> · dernière : pas encore exécutée`],
  ])('a line not run yet in %s', (language, line) => {
    expect(scheduleLine(base, 0, language)).toBe(line);
  });

  const ran = { lastRunAt: 1_700_000_000_000, lastDetail: 'posted 2' };
  const paused = { pausedReason: 'Missing Permissions (50013): the bot cannot post there', lastResult: 'paused' as const };
  it.each([
    ['ar', { ...ran, lastResult: 'ok' as const }, 'التالي <t:1800000000:R> · الأخير: ✅ نجح (posted 2) <t:1700000000:R>'],
    ['ar', { ...ran, lastResult: 'failed' as const }, 'الأخير: ⚠️ فشل (posted 2) <t:1700000000:R>'],
    ['ar', paused, 'التالي: — · الأخير: ⏸ موقوف مؤقتًا: Missing Permissions (50013)'],
    ['fr', { ...ran, lastResult: 'ok' as const }, 'prochaine <t:1800000000:R> · dernière : ✅ réussie (posted 2) <t:1700000000:R>'],
    ['fr', { ...ran, lastResult: 'failed' as const }, 'dernière : ⚠️ échouée (posted 2) <t:1700000000:R>'],
    ['fr', paused, 'prochaine : — · dernière : ⏸ en pause : Missing Permissions (50013)'],
    ['en', paused, 'next: — · last: ⏸ paused: Missing Permissions (50013)'],
  ])('last result in %s, case %#', (language, overrides, expected) => {
    expect(scheduleLine({ ...base, ...overrides }, 0, language)).toContain(expected);
  });

  it.each([
    ['en', 1, ' · ❓ 1 post uncertain: ', 'Read Message History'],
    ['ar', 1, ' · ❓ منشورات غير مؤكدة: 1، ', '`Read Message History`'],
    ['ar', 3, ' · ❓ منشورات غير مؤكدة: 3، ', '`Read Message History`'],
    ['fr', 1, ' · ❓ 1 publication incertaine : ', '«\u202fVoir les anciens messages\u202f»'],
    ['fr', 3, ' · ❓ 3 publications incertaines : ', '«\u202fVoir les anciens messages\u202f»'],
  ])('the uncertain warning in %s for %i post(s)', (language, count, start, permission) => {
    const line = scheduleList([base], () => count, language);
    expect(line).toContain(start);
    expect(line).toContain(permission);
    expect(line).not.toContain('\n');
  });

  it.each([
    ['en', /\n… and (\d+) more$/],
    ['ar', /\n… و(\d+) أخرى$/],
    ['fr', /\n… et (\d+) de plus$/],
  ])('cuts a long list in %s to fit one embed and counts the rest', (language, more) => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...base, id: i + 1, pausedReason: 'x'.repeat(i % 7) || null }));
    const text = scheduleList(many, () => 2, language);
    expect(text.length).toBeLessThanOrEqual(4096);
    const shown = text.split('\n').length - 1;
    expect(Number(more.exec(text)?.[1])).toBe(200 - shown);
  });

  it.each([
    ['en', '#4 · #news · 08:30 Asia/Riyadh · paused'],
    ['ar', '#4 · #news · 08:30 Asia/Riyadh · موقوف'],
    ['fr', '#4 · #news · 08:30 Asia/Riyadh · en pause'],
  ])('a paused schedule\'s choice name in %s', (language, name) => {
    expect(scheduleChoiceName({ ...base, pausedReason: 'paused with /schedule pause' }, 'news', language)).toBe(name);
  });

  it('discordTime floors to seconds', () => {
    expect(discordTime(1_700_000_000_999, 'f')).toBe('<t:1700000000:f>');
  });
});
