import { describe, expect, it } from 'vitest';
import { growFeed } from '../../bench/feeds';
import { parseFeedText } from '../../src/content/feeds';
import { feedBytes } from '../support/web-fixtures';

describe('growFeed (the 1 MB feed of the feeds bench)', () => {
  it('repeats the real feed’s items to the size asked, each copy a distinct item', () => {
    const source = feedBytes('rss2-iso-8859-1-jn.rss').toString('latin1');
    const grown = growFeed(source, 100_000);
    expect(Buffer.byteLength(grown)).toBeGreaterThanOrEqual(100_000);
    const items = parseFeedText(grown).items;
    expect(items.length).toBeGreaterThan(40);
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
  });
});
