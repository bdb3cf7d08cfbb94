import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listAntFiles, parseAnt } from '../bench/ant';
import { loadEasc } from './easc';
import { loadAnnotated } from './quote-gold';

/** One article to brief: its id in the golden file and its text. */
export interface GoldenArticle {
  id: string;
  text: string;
}

/** A corpus with a golden file: `golden/<name>.jsonl`. */
export interface GoldenCorpus {
  name: string;
  /** Shorten quote texts and summary sentences (large corpora, and pages whose text belongs to their publishers). */
  compact: boolean;
  /** Where the corpus is read from. */
  dir: (sharedDir: string) => string;
  load: (dir: string) => Promise<GoldenArticle[]>;
}

/** An ANT document as the quotes-dev set gives it to the engine: title, blank line, paragraphs separated by blank lines. */
export function antArticleText(title: string, body: string): string {
  const paragraphs = body.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return `${title.trim()}\n\n${paragraphs.join('\n\n')}\n`;
}

async function loadAnt(dir: string): Promise<GoldenArticle[]> {
  const out: GoldenArticle[] = [];
  for (const file of await listAntFiles(dir)) {
    const doc = parseAnt(await readFile(file, 'utf8'));
    out.push({ id: doc.docno, text: antArticleText(doc.title, doc.text) });
  }
  return out;
}

async function loadAnnotatedArticles(dir: string): Promise<GoldenArticle[]> {
  return (await loadAnnotated(dir)).map((a) => ({ id: `${a.language}/${a.name}`, text: a.text }));
}

const EVAL_QUOTES_DIR = fileURLToPath(new URL('./quotes/', import.meta.url));

/** The corpora of `npm run golden`, in report order. */
export const GOLDEN_CORPORA: readonly GoldenCorpus[] = [
  { name: 'eval-quotes', compact: false, dir: () => EVAL_QUOTES_DIR, load: loadAnnotatedArticles },
  { name: 'quotes-dev', compact: true, dir: (shared) => join(shared, 'quotes-dev'), load: loadAnnotatedArticles },
  { name: 'easc', compact: false, dir: (shared) => join(shared, 'easc'), load: async (dir) => (await loadEasc(dir)).map((a) => ({ id: `Topic${a.topic}/${a.name}`, text: a.text })) },
  { name: 'ant', compact: true, dir: (shared) => join(shared, 'ant'), load: loadAnt },
];

/** Whether a corpus's folder is there (the shared data is absent from a fresh clone). */
export function corpusPresent(corpus: GoldenCorpus, sharedDir: string): boolean {
  return existsSync(corpus.dir(sharedDir));
}
