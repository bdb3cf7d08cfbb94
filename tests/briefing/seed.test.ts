import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';
import { normalizeArabic } from '../../src/briefing/arabic';
import { fixturePath } from '../support/shared-data';

interface SeedExpectation {
  lang: string;
  headline_any: string[];
  headline_keywords_any: string[];
  quotes: { text: string; speaker_any: string[] }[];
  lead: string;
  never_in_summary: string[];
  never_sentence: string[];
}

const expected = JSON.parse(readFileSync(fixturePath('seed/expected.json'), 'utf8')) as Record<string, SeedExpectation>;
const [seedFile, want] = Object.entries(expected)[0]!;
const projectCopy = readFileSync(new URL('../../content/lavrov-north-korea.txt', import.meta.url), 'utf8');
const original = readFileSync(fixturePath(`seed/${seedFile}`), 'utf8');
const briefing = createBriefing(projectCopy);

/** Compare Arabic text the way a reader would: normalised letters, single spaces. */
const norm = (text: string): string => normalizeArabic(text).replace(/\s+/g, ' ').trim();

describe('the seed article (tests/fixtures/seed/expected.json)', () => {
  it('is copied into content/ unchanged', () => {
    expect(projectCopy).toBe(original);
  });

  it('is detected as right-to-left Arabic', () => {
    expect(briefing.language).toBe(want.lang);
    expect(briefing.direction).toBe('rtl');
  });

  it('has an expected headline, or one naming the visit', () => {
    const exact = want.headline_any.map(norm).includes(norm(briefing.headline));
    const keyword = want.headline_keywords_any.some((k) => norm(briefing.headline).includes(norm(k)));
    expect(exact || keyword, briefing.headline).toBe(true);
  });

  it.each(want.quotes.map((q) => [q.text.slice(0, 40), q] as const))('extracts the quote "%s…" with its speaker', (_label, quote) => {
    const matches = briefing.quotes.filter((q) => norm(q.text).includes(norm(quote.text)));
    expect(matches.length, `no extracted quote contains: ${quote.text}`).toBeGreaterThan(0);
    const attributed = matches.some((q) => quote.speaker_any.some((s) => [q.speaker, q.speakerRole].some((who) => who && norm(who).includes(norm(s)))));
    expect(attributed, JSON.stringify(matches)).toBe(true);
  });

  it('puts the lead sentence in the summary', () => {
    expect(briefing.summary.some((s) => norm(s).includes(norm(want.lead)))).toBe(true);
  });

  it('does not repeat the headline (a standfirst) in the summary', () => {
    expect(briefing.summary.map((s) => norm(s).replace(/\.$/, ''))).not.toContain(norm(briefing.headline));
  });

  it.each(want.never_in_summary)('never has %s in the summary', (marker) => {
    expect(briefing.summary.join('\n')).not.toContain(marker);
  });

  it.each(want.never_sentence)('never makes "%s" a summary sentence, nor puts it in the headline', (line) => {
    expect(briefing.summary.map((s) => s.trim())).not.toContain(line);
    expect(briefing.headline).not.toBe(line);
  });

  it('keeps the heading as a section', () => {
    expect(briefing.sections.map((s) => s.heading)).toContain('تعميق العلاقات');
  });
});
