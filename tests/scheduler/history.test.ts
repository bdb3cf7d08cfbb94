import { describe, expect, it } from 'vitest';
import { isOurPost, postSignature, snowflakeTime } from '../../src/scheduler/history';
import type { ChannelMessage } from '../../src/scheduler';

const ours: ChannelMessage = {
  embeds: [{ title: 'الوزير: «الخطة ستبدأ الشهر المقبل»', url: 'https://news.example/ar-plan', footer: { text: 'وكالة · 2024-02-01 · ar' } }],
  allowed_mentions: { parse: [] },
};

describe('finding our post in a channel’s history', () => {
  it.each([
    ['the same nonce, whatever the content', { id: '1', nonce: 'abc', content: 'edited' }, true],
    ['the same embed title, link and footer (no nonce in history)', { id: '1', embeds: [{ ...ours.embeds[0], title: ` ${ours.embeds[0]!.title}  ` }] }, true],
    ['another article’s embed', { id: '1', embeds: [{ ...ours.embeds[0], title: 'Council approves the plan' }] }, false],
    ['the same title with another footer (another source or date)', { id: '1', embeds: [{ ...ours.embeds[0], footer: { text: 'Dépêche · 2024-02-02 · fr' } }] }, false],
    ['a message without embeds', { id: '1', content: 'chatter' }, false],
    ['another nonce and another embed', { id: '1', nonce: 'other', embeds: [{ title: 'x' }] }, false],
  ])('%s → %s', (_label, candidate, expected) => {
    expect(isOurPost(candidate, ours, 'abc')).toBe(expected);
  });

  it('folds white space in the signature', () => {
    expect(postSignature({ content: ' a\n b ' })).toBe(postSignature({ content: 'a b' }));
  });

  it('reads the creation time from a snowflake', () => {
    expect(snowflakeTime('175928847299117063')).toBe(Date.UTC(2016, 3, 30, 11, 18, 25, 796));
    expect(snowflakeTime('not-an-id')).toBeNaN();
  });
});
