import { describe, expect, it } from 'vitest';
import { competitorRow } from '../../bench/engine';
import { searchRow } from '../../bench/library';
import { buildQueries } from '../../bench/library-queries';
import { formatMachine, machineInfo } from '../../bench/machine';
import type { Quote } from '../../src/briefing/schema';
import type { LibraryArticle } from '../../src/library/types';

describe('competitorRow', () => {
  it.each([
    ['a faster competitor run', { ok: true as const, times: [20, 10, 30], summarySentences: 3 }, 2, 10, /lexrank 20\.0 ms \(median of 3\) \/ ours 2\.0 ms: ours is faster/],
    ['a slower competitor run', { ok: true as const, times: [1], summarySentences: 3 }, 4, 0.25, /ours is slower/],
  ])('%s gives their median over ours', (_name, outcome, ours, ratio, note) => {
    const row = competitorRow('lexrank', 'seed', ours, outcome);
    expect(row).toMatchObject({ group: 'engine', name: 'vs lexrank, seed', unit: '×' });
    expect(row.value).toBeCloseTo(ratio, 12);
    expect(row.note).toMatch(note);
    expect(row.pass).toBeUndefined();
  });

  it.each([
    ['a timeout', { ok: false as const, error: 'no answer within 10 s', timedOut: true as const }, 'lexrank no answer within 10 s (killed); ours 120 ms'],
    ['a failure on Arabic', { ok: false as const, error: 'Not Enough similarities to be summarized' }, 'lexrank fails: Not Enough similarities to be summarized; ours 120 ms'],
  ])('reports %s in the note without a figure', (_name, outcome, note) => {
    const row = competitorRow('lexrank', '1 MB', 120, outcome);
    expect(row.value).toBeNaN();
    expect(row.note).toBe(note);
  });
});

describe('searchRow', () => {
  const times = Array.from({ length: 100 }, (_, i) => (i + 1) / 10); // 0.1 … 10 ms
  it.each([
    ['within the goal', 10, true],
    ['over the goal', 5, false],
  ])('judges p99 %s', (_name, goal, pass) => {
    const row = searchRow('autocomplete article', times, goal);
    expect(row).toMatchObject({ group: 'library', name: 'autocomplete article p99', unit: 'ms', goal: `≤ ${goal} ms`, pass });
    expect(row.value).toBeCloseTo(9.9, 12);
    expect(row.note).toContain('p50 5.00 ms');
    expect(row.note).toContain('over 100 queries');
  });
});

function article(id: string, title: string, quotes: [string, string | null][]): LibraryArticle {
  const q: Quote[] = quotes.map(([text, speaker]) => ({ text, speaker, paragraph: 0, partial: false }));
  return {
    id, format: 'md', meta: { title }, timestamp: 0, mtimeMs: 0,
    briefing: { headline: title, language: 'ar', direction: 'rtl', sections: [], quotes: q, summary: ['x'] },
  };
}

describe('buildQueries', () => {
  const articles = [
    article('a', 'لافروف يصل إلى بيونغ يانغ', [['روسيا تلتزم بشكل صارم بالتزاماتها الدولية', 'بورميستروف'], ['لكن هناك أشياء يمكننا التحدث عنها', 'فلاديمير بوتين']]),
    article('b', 'Mayor wins budget vote', [['This budget puts neighborhoods first', 'Linda Alvarez'], ['no speaker here at all', null]]),
  ];

  it('draws words, speakers and typed title prefixes from the library, deterministically', () => {
    const q = buildQueries(articles, 40);
    expect(q).toEqual(buildQueries(articles, 40));
    expect(q.quoteWords).toContain('ترامب');
    expect(q.quoteWords).toContain('صارم'); // the middle word of 4+ letters of the first quote
    expect(q.speakers).toEqual(['بورميستروف', 'فلاد', 'Linda Alvarez']);
    expect(q.typed).toEqual(['', 'ل', 'لاف', 'لافروف', 'لافروف يصل إ', 'M', 'May', 'Mayor ', 'Mayor wins b']);
  });

  it('copes with a library without quotes', () => {
    const q = buildQueries([article('c', 'عنوان', [])]);
    expect(q.speakers).toEqual([]);
    expect(q.quoteWords.length).toBeGreaterThan(0);
  });
});

describe('machine', () => {
  it('describes the machine on one line', () => {
    const m = machineInfo(new Date('2026-11-29T09:10:00Z'));
    expect(m.cpus).toBeGreaterThan(0);
    expect(formatMachine(m)).toMatch(/^\d+ × .+, [\d.]+ GB RAM, Node v\d+\.\d+\.\d+, \w+ \w+, load [\d.]+, 2026-11-29T09:10:00\.000Z$/);
  });
});
