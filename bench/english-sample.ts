import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const DIR = fileURLToPath(new URL('../eval/quotes/en/', import.meta.url));

/**
 * An English text for the comparison with node-summarizer, whose TextRank
 * relies on English part-of-speech tags: the English news articles written
 * for the quote evaluation (eval/quotes/en/*.txt), joined in file order.
 * Undefined when there are none.
 */
export async function englishSample(): Promise<string | undefined> {
  let names: string[];
  try {
    names = (await readdir(DIR)).filter((n) => n.endsWith('.txt')).sort();
  } catch {
    return undefined;
  }
  if (names.length === 0) return undefined;
  const texts = await Promise.all(names.map((n) => readFile(join(DIR, n), 'utf8')));
  return texts.map((t) => t.trim()).join('\n\n');
}
