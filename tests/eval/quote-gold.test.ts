import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../eval/normalize';
import { loadAnnotated } from '../../eval/quote-gold';
import { containsRun } from '../../eval/quote-match';

const DIR = fileURLToPath(new URL('../../eval/quotes/', import.meta.url));
const articles = await loadAnnotated(DIR);

describe('the annotated quote articles', () => {
  it.each(['ar', 'en', 'fr'])('has at least 4 articles in %s', (language) => {
    expect(articles.filter((a) => a.language === language).length).toBeGreaterThanOrEqual(4);
  });

  const golds = articles.flatMap((a) => a.gold.quotes.map((g) => [`${a.language}/${a.name}`, g.text, a.text, g.speaker_any] as const));
  it.each(golds)('%s: gold quote “%s” is verbatim in the article, and so is a speaker form', (_id, quote, text, speakers) => {
    const words = tokenize(text);
    expect(containsRun(words, tokenize(quote))).toBe(true);
    expect(speakers.some((s) => containsRun(words, tokenize(s)))).toBe(true);
  });
});

describe('loadAnnotated', () => {
  it.each([
    ['a missing gold file', null, /a\.json/],
    ['an unknown field', JSON.stringify({ quotes: [], speakers: [] }), /Unrecognized key|unrecognized/i],
    ['a quote without speaker_any', JSON.stringify({ quotes: [{ text: 'x' }] }), /quotes\.0\.speaker_any/],
  ])('names the file on %s', async (_name, json, message) => {
    const dir = await mkdtemp(join(os.tmpdir(), 'gold-'));
    try {
      await mkdir(join(dir, 'fr'));
      await writeFile(join(dir, 'fr', 'a.txt'), 'Texte.');
      if (json !== null) await writeFile(join(dir, 'fr', 'a.json'), json);
      await expect(loadAnnotated(dir)).rejects.toThrow(message);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
