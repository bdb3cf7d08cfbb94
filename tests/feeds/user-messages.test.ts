import { describe, expect, it } from 'vitest';
import { feedMessages as say } from '../../src/feeds/user-messages';

const feed = { id: 7, name: 'Test news', channelId: '123456789012345678' };
const ARABIC = /[\u0600-\u06ff]/;

describe('/feed answers are written in Arabic, English and French', () => {
  it.each([
    // [message, a fragment each language must carry]
    ['added, newest item posted', say.added(feed, 3, true, '<t:1:R>'), ['#7', '**Test news**', '<#123456789012345678>', '3', '<t:1:R>']],
    ['added, nothing posted', say.added(feed, 0, false, '<t:1:R>'), ['#7', '**Test news**', '<#123456789012345678>', '<t:1:R>']],
    ['no feeds', say.noFeeds(), ['/feed add']],
    ['list title', say.listTitle(4), ['4']],
    ['removed', say.removed(feed), ['#7', 'Test news']],
    ['paused', say.paused(7), ['#7', '/feed resume']],
    ['resumed', say.resumed(feed), ['#7', 'Test news']],
  ])('%s: each language names what it is about, and each is its own', (_name, text, fragments) => {
    for (const language of ['en', 'ar', 'fr'] as const) for (const fragment of fragments) expect(text[language], language).toContain(fragment);
    expect(text.ar).toMatch(ARABIC);
    expect(text.en).not.toMatch(ARABIC);
    expect(new Set([text.en, text.ar, text.fr]).size).toBe(3);
  });

  it.each([
    ['en', 'Its newest item is posted there now', 'Feed #7: **Test news** (3 items)'],
    ['ar', 'نُشر أحدث عناصره هناك الآن', 'الموجز #7: **Test news** (3 عنصرًا)'],
    ['fr', 'Son élément le plus récent y est publié maintenant', 'Flux #7 : **Test news** (3 éléments)'],
  ] as const)('the /feed add line in %s says the newest item was posted only when it was', (language, postedLine, opening) => {
    expect(say.added(feed, 3, true, 'soon')[language]).toContain(postedLine);
    expect(say.added(feed, 3, true, 'soon')[language].startsWith(opening)).toBe(true);
    expect(say.added(feed, 3, false, 'soon')[language]).not.toContain(postedLine);
  });
});
