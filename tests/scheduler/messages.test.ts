import { describe, expect, it } from 'vitest';
import { InvalidOptionError, type LocalizedText, type UserError } from '../../src/errors';
import { parseScheduleId } from '../../src/scheduler/actions';
import { arabicDuration, channelMessages, scheduleListTexts, scheduleMessages, scheduleReplies } from '../../src/scheduler/messages';
import { parseTimeZone, parseTiming, parseWhen } from '../../src/scheduler/timing';
import { expectLocalized } from '../support/localized-text';

const CHANNEL = '200000000000000001';

/** Every scheduler message with sample arguments; the key check below keeps it complete. */
const SCHEDULE: Record<keyof typeof scheduleMessages, LocalizedText> = {
  guildFull: scheduleMessages.guildFull(25),
  duplicate: scheduleMessages.duplicate(CHANNEL, 3, '0 8 * * 1-5', 'Asia/Riyadh'),
  neverRuns: scheduleMessages.neverRuns('0 0 30 2 *'),
  notAnId: scheduleMessages.notAnId('abc'),
  noSuchSchedule: scheduleMessages.noSuchSchedule(7),
  alreadyPaused: scheduleMessages.alreadyPaused(3, 'paused with /schedule pause'),
  notPaused: scheduleMessages.notPaused(3),
  noFurtherRun: scheduleMessages.noFurtherRun(3, '0 0 1 1 * 2020'),
  whenMissing: scheduleMessages.whenMissing(),
  notTimeOfDay: scheduleMessages.notTimeOfDay('25:00'),
  cronFields: scheduleMessages.cronFields('0 8 * *', 4),
  badCron: scheduleMessages.badCron('99 8 * * *', 'Invalid value for minute'),
  unknownZone: scheduleMessages.unknownZone('Mars/Olympus'),
  noSuchDate: scheduleMessages.noSuchDate('0 0 30 2 *'),
  tooOften: scheduleMessages.tooOften('*/5 * * * *', 300, 900),
};

const CHANNEL_CHECK: Record<keyof typeof channelMessages, LocalizedText> = {
  missing: channelMessages.missing(CHANNEL, ['Send Messages', 'Embed Links']),
  notText: channelMessages.notText(CHANNEL),
  notMember: channelMessages.notMember(),
  cannotSee: channelMessages.cannotSee(CHANNEL),
  otherServer: channelMessages.otherServer(CHANNEL),
  gone: channelMessages.gone(CHANNEL),
};

describe('scheduler messages in English, Arabic and French', () => {
  it.each(Object.entries({ ...SCHEDULE, ...CHANNEL_CHECK }))('%s: three distinct one-liners, the Arabic right-to-left safe', (_name, text) => {
    expectLocalized(text);
  });

  it('keeps channel mentions, option values and time zones as the user typed them', () => {
    for (const text of [SCHEDULE.duplicate.ar, SCHEDULE.duplicate.fr]) {
      expect(text).toContain(`<#${CHANNEL}>`);
      expect(text).toContain('`0 8 * * 1-5`');
      expect(text).toContain('Asia/Riyadh');
    }
    expect(SCHEDULE.unknownZone.ar).toContain('`Asia/Riyadh`');
    expect(SCHEDULE.notAnId.ar).toContain('`/schedule list`');
  });

  it('names the missing permissions as each Discord client does', () => {
    expect(CHANNEL_CHECK.missing.ar).toContain('`Send Messages`، `Embed Links`');
    expect(CHANNEL_CHECK.missing.fr).toContain('«\u202fEnvoyer des messages\u202f», «\u202fIntégrer des liens\u202f»');
  });
});

const NEXT = '<t:1800000000:R>';
const ADDED = { id: 3, channelId: CHANNEL, when: '0 8 * * 1-5', timezone: 'Asia/Riyadh' };

/** Every /schedule success reply with sample arguments; the key check below keeps it complete. */
const REPLIES: Record<keyof typeof scheduleReplies, LocalizedText> = {
  added: scheduleReplies.added(ADDED, NEXT, false),
  noSchedules: scheduleReplies.noSchedules(),
  listTitle: scheduleReplies.listTitle(4),
  removed: scheduleReplies.removed(3, CHANNEL),
  paused: scheduleReplies.paused(3),
  resumed: scheduleReplies.resumed(3, NEXT, false),
};

/** Discord's timestamp markup, which each reader's client shows in their own locale, taken out like a code span. */
const withoutTimestamps = (text: LocalizedText): LocalizedText => ({
  en: text.en.replace(/<t:\d+:\w>/g, ''),
  ar: text.ar.replace(/<t:\d+:\w>/g, ''),
  fr: text.fr.replace(/<t:\d+:\w>/g, ''),
});

describe('/schedule success replies in English, Arabic and French', () => {
  it('covers every reply', () => {
    expect(Object.keys(REPLIES).sort()).toEqual(Object.keys(scheduleReplies).sort());
  });

  it.each(Object.entries(REPLIES))('%s: three distinct one-liners, the Arabic right-to-left safe', (_name, text) => {
    expectLocalized(withoutTimestamps(text));
  });

  it.each([
    ['added', REPLIES.added, scheduleReplies.added(ADDED, NEXT, true)],
    ['resumed', REPLIES.resumed, scheduleReplies.resumed(3, NEXT, true)],
  ])('%s when the permissions could not be checked: the same reply, then the note in the same language', (_name, checked, unchecked) => {
    const note = { en: '', ar: '', fr: '' };
    for (const language of ['en', 'ar', 'fr'] as const) {
      expect(unchecked[language].startsWith(checked[language])).toBe(true);
      note[language] = unchecked[language].slice(checked[language].length);
      expect(note[language]).toMatch(/^ \S/);
    }
    expectLocalized(note);
  });

  it.each([
    ['added', REPLIES.added.en, `Schedule #3: new briefings go to <#${CHANNEL}> at \`0 8 * * 1-5\` (Asia/Riyadh); next run ${NEXT}. The first run posts the newest article only.`],
    ['added, unchecked', scheduleReplies.added(ADDED, NEXT, true).en, `Schedule #3: new briefings go to <#${CHANNEL}> at \`0 8 * * 1-5\` (Asia/Riyadh); next run ${NEXT}. The first run posts the newest article only. I could not check my permissions there right now: if Discord refuses my posts, the schedule pauses and /schedule list says why.`],
    ['noSchedules', REPLIES.noSchedules.en, 'No schedules in this server yet. Add one with /schedule add.'],
    ['listTitle', REPLIES.listTitle.en, 'Schedules (4)'],
    ['removed', REPLIES.removed.en, `Schedule #3 removed: nothing more will be posted to <#${CHANNEL}> by it.`],
    ['paused', REPLIES.paused.en, 'Schedule #3 paused. Resume it with /schedule resume.'],
    ['resumed', REPLIES.resumed.en, `Schedule #3 resumed; next run ${NEXT}.`],
    ['resumed, unchecked', scheduleReplies.resumed(3, NEXT, true).en, `Schedule #3 resumed; next run ${NEXT}. I could not check my permissions there right now: if Discord refuses my posts, the schedule pauses and /schedule list says why.`],
  ])('%s: the English answer is unchanged', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it.each(['ar', 'fr'] as const)('%s: channel mention, timestamp, pattern and time zone kept as Discord and the user wrote them', (language) => {
    const added = REPLIES.added[language];
    expect(added).toContain(`<#${CHANNEL}>`);
    expect(added).toContain(NEXT);
    expect(added).toContain('`0 8 * * 1-5`');
    expect(added).toContain('Asia/Riyadh');
    expect(REPLIES.removed[language]).toContain(`<#${CHANNEL}>`);
    expect(REPLIES.resumed[language]).toContain(NEXT);
  });

  it('the Arabic puts the time zone and the commands in code spans', () => {
    expect(REPLIES.added.ar).toContain('`Asia/Riyadh`');
    expect(REPLIES.noSchedules.ar).toContain('`/schedule add`');
    expect(REPLIES.paused.ar).toContain('`/schedule resume`');
    expect(scheduleReplies.resumed(3, NEXT, true).ar).toContain('`/schedule list`');
  });

  it('list words differ in each language and stay on one line', () => {
    const texts = [
      scheduleListTexts.paused('r'), scheduleListTexts.notRunYet(), scheduleListTexts.ok(), scheduleListTexts.failed(),
      scheduleListTexts.next(NEXT), scheduleListTexts.noNext(), scheduleListTexts.last('s'), scheduleListTexts.uncertain(2),
      scheduleListTexts.more(5), scheduleListTexts.choicePaused(),
    ];
    expect(texts).toHaveLength(Object.keys(scheduleListTexts).length);
    for (const text of texts) {
      expect(new Set([text.en, text.ar, text.fr]).size).toBe(3);
      for (const line of [text.en, text.ar, text.fr]) expect(line).not.toMatch(/[\r\n]/);
    }
  });
});

describe('scheduler refusals thrown in every language', () => {
  const thrown = (run: () => unknown): UserError => {
    try {
      run();
    } catch (error) {
      if (error instanceof InvalidOptionError) return error;
      throw error;
    }
    throw new Error('did not throw');
  };
  const now = new Date(Date.UTC(2026, 0, 1));

  it.each([
    ['an empty when', () => parseWhen(' '), 'give a time'],
    ['a time out of the day', () => parseWhen('25:00'), 'not a time of day'],
    ['a cron with 4 fields', () => parseWhen('0 8 * *'), 'needs 5 fields'],
    ['a cron croner refuses', () => parseWhen('99 8 * * *'), 'not a valid cron'],
    ['an unknown time zone', () => parseTimeZone('Mars/Olympus'), 'not an IANA time zone'],
    ['a date not in the calendar', () => parseTiming('0 0 30 2 *', 'UTC', 0, now), 'never runs'],
    ['a pattern too frequent', () => parseTiming('*/5 * * * *', 'UTC', 900, now), 'minimum gap'],
    ['an id that is no number', () => parseScheduleId('abc'), 'not a schedule id'],
  ])('%s: English message unchanged, Arabic and French for Discord', (_name, run, english) => {
    const error = thrown(run);
    expect(error.message).toMatch(/^Invalid \w+: /);
    expect(error.message).toContain(english);
    expect(error.messageIn('en')).toBe(error.message);
    expectLocalized({ en: error.message, ar: error.messageIn('ar'), fr: error.messageIn('fr') });
  });
});

describe('arabicDuration', () => {
  it.each([
    [1, 'ثانية'],
    [2, 'ثانيتين'],
    [30, '30 ثانية'],
    [60, 'دقيقة'],
    [90, 'دقيقة و30 ثانية'],
    [300, '5 دقائق'],
    [900, '15 دقيقة'],
    [7200, 'ساعتين'],
    [5400, 'ساعة و30 دقيقة'],
    [36_000, '10 ساعات'],
  ])('%d s → %s', (seconds, text) => {
    expect(arabicDuration(seconds)).toBe(text);
  });
});
