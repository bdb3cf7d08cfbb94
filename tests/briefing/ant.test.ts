import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefingSchema, createBriefing, MAX_HEADLINE_LENGTH } from '../../src/briefing';
import { sharedCorpus } from '../support/shared-data';

/** ANT Corpus v2.1 (Chouigui, Ben Khiroun, Elayeb, AJSE 2021): 11,298 Arabic news articles from BBC, CNN and France24. */
const { path: ANT, present } = sharedCorpus('ant', 'ANT corpus');

function* articles(): Generator<{ file: string; title: string; text: string }> {
  for (const source of readdirSync(ANT)) {
    for (const category of readdirSync(join(ANT, source))) {
      for (const name of readdirSync(join(ANT, source, category))) {
        const xml = readFileSync(join(ANT, source, category, name), 'utf8');
        yield {
          file: `${source}/${category}/${name}`,
          title: /<TITLE>([\s\S]*?)<\/TITLE>/.exec(xml)?.[1]?.trim() ?? '',
          text: /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '',
        };
      }
    }
  }
}

describe.skipIf(!present)('the ANT corpus (real Arabic news)', () => {
  it('briefs every article without throwing, into a valid briefing with a headline of 1 to 256 characters', { timeout: 180_000 }, () => {
    let count = 0;
    let quotes = 0;
    let attributed = 0;
    let withQuotes = 0;
    let emptySummaries = 0;
    const bad: string[] = [];
    for (const { file, text } of articles()) {
      const briefing = createBriefing(text);
      count++;
      if (briefing.headline.length === 0 || briefing.headline.length > MAX_HEADLINE_LENGTH || !BriefingSchema.safeParse(briefing).success) bad.push(file);
      quotes += briefing.quotes.length;
      attributed += briefing.quotes.filter((q) => q.speaker !== null).length;
      if (briefing.quotes.length > 0) withQuotes++;
      if (briefing.summary.length === 0) emptySummaries++;
    }
    console.log(
      `ANT: ${count} articles, ${quotes} quotes, ${attributed} with a speaker (${((100 * attributed) / Math.max(1, quotes)).toFixed(1)}%), ` +
        `${withQuotes} articles with quotes, ${emptySummaries} empty summaries`,
    );
    expect(count).toBe(11_298);
    expect(bad).toEqual([]);
  });

  it('uses the <TITLE> as the headline when given', () => {
    let checked = 0;
    for (const { title, text } of articles()) {
      if (checked >= 300) break;
      if (title === '') continue;
      const briefing = createBriefing(text, { title });
      expect(briefing.headline.length).toBeLessThanOrEqual(MAX_HEADLINE_LENGTH);
      expect(title.normalize('NFC').replace(/\s+/g, ' ')).toContain(briefing.headline.replace(/…$/, ''));
      checked++;
    }
    expect(checked).toBe(300);
  });
});
