import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';

/** A fixture's body and its front-matter title (the content reader passes it as `title`). */
function fixture(name: string): { text: string; title?: string } {
  const raw = readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), 'utf8');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  if (!front) return { text: raw };
  const title = /^title:\s*"?(.*?)"?$/m.exec(front[1]!)?.[1];
  return { text: raw.slice(front[0].length), ...(title ? { title } : {}) };
}

/** Wire and newspaper articles: [file, headline, byline part, dateline, the lead's start, text never in the summary or sections]. */
const ARTICLES = [
  ['en-reuters-fed.txt', 'Fed holds rates steady, signals two cuts later this year', 'Howard Schneider', 'WASHINGTON (Reuters) -', 'The Federal Reserve held interest rates steady', ['Updated', 'REUTERS/', 'RELATED', 'Stocks rally', 'Sign up', 'Reporting by', 'By Howard']],
  ['en-ap-wildfire.txt', 'Wildfire forces thousands to flee in California', undefined, 'LOS ANGELES (AP) —', 'A fast-moving wildfire tore through dry brush', ['Advertisement', 'AP Photo', 'Drone footage', '@dsmithnews', 'Copyright']],
  ['fr-lemonde-retraites.md', 'Réforme des retraites : le gouvernement recourt au 49.3', 'Jean Dupont', 'PARIS (AFP) —', 'La Première ministre, Élisabeth Borne, a engagé jeudi', ['Publié', 'Lire aussi', 'ce que contient', 'Publicité', 'Ludovic Marin', 'arme constitutionnelle', 'Avec AFP']],
] as const;

describe('wire and newspaper styles (AP, Reuters, AFP, Le Monde)', () => {
  it.each(ARTICLES)('%s: headline is the title line alone', (file, headline) => {
    const { text, title } = fixture(file);
    expect(createBriefing(text, title ? { title } : {}).headline).toBe(headline);
  });

  it.each(ARTICLES)('%s: byline and dateline are metadata', (file, _headline, byline, dateline) => {
    const { text, title } = fixture(file);
    const briefing = createBriefing(text, title ? { title } : {});
    if (byline) expect(briefing.byline).toContain(byline);
    expect(briefing.dateline).toBe(dateline);
  });

  it.each(ARTICLES)('%s: the summary opens with the lead, without its dateline', (file, _headline, _byline, _dateline, lead) => {
    const { text, title } = fixture(file);
    const summary = createBriefing(text, title ? { title } : {}).summary;
    expect(summary[0]).toMatch(new RegExp(`^${lead}`));
  });

  it.each(ARTICLES)('%s: no timestamp, caption, credit, link or promotion in summary or sections', (file, _headline, _byline, _dateline, _lead, never) => {
    const { text, title } = fixture(file);
    const briefing = createBriefing(text, { sentences: 20, ...(title ? { title } : {}) });
    const shown = [...briefing.summary, ...briefing.sections.map((s) => s.heading)].join('\n');
    for (const bit of never) expect(shown).not.toContain(bit);
  });

  it('keeps a genuine section heading', () => {
    const { text, title } = fixture('fr-lemonde-retraites.md');
    expect(createBriefing(text, { title: title! }).sections.map((s) => s.heading)).toEqual(['Une mobilisation massive']);
  });
});
