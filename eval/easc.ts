import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Loader of EASC, the Essex Arabic Summaries Corpus (El-Haj, Kruschwitz, Fox
 * 2010): `Articles/TopicN/<one file>.txt` (UTF-8 with BOM) and five human
 * extractive summaries `MTurk/TopicN/D0NNN.M.250.A.{1..5}.{A..E}`.
 */

/** One EASC article and its human summaries. */
export interface EascArticle {
  /** Topic number (N of TopicN). */
  topic: number;
  /** File name of the article inside its topic folder. */
  name: string;
  /** The article as given to every system: BOM removed, hard-wrapped lines joined, one paragraph a line. */
  text: string;
  /** The five reference summaries (BOM removed, trimmed). */
  references: string[];
}

/** Characters that end a paragraph when they end a line. */
const PARAGRAPH_END = /[.!?؟:…»"”'’)\]]$/u;

/**
 * Prepare an EASC article: drop the BOM, unify line ends and join
 * hard-wrapped lines (about a third of EASC is wrapped at ~140 characters
 * mid-sentence) so that each line is a paragraph. A line continues the
 * previous one when that one does not end with closing punctuation. EASC has
 * no title lines (the first line is the first sentence of the body), so
 * nothing is removed: every system sees the same text.
 */
export function prepareEascText(raw: string): string {
  const lines = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
  const paragraphs: string[] = [];
  let open = false;
  for (const line of lines) {
    if (!line) {
      open = false;
      continue;
    }
    if (open && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += ` ${line}`;
    else paragraphs.push(line);
    open = !PARAGRAPH_END.test(line);
  }
  return paragraphs.join('\n');
}

function topicNumber(name: string): number | undefined {
  const match = /^Topic(\d+)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
}

/**
 * Load every topic of an EASC folder, in topic order. A topic without
 * exactly one article or without references is an error naming it.
 */
export async function loadEasc(dir: string): Promise<EascArticle[]> {
  const topics = (await readdir(join(dir, 'Articles'), { withFileTypes: true }))
    .filter((e) => e.isDirectory() && topicNumber(e.name) !== undefined)
    .map((e) => e.name)
    .sort((a, b) => topicNumber(a)! - topicNumber(b)!);
  const articles: EascArticle[] = [];
  for (const topic of topics) {
    const names = await files(join(dir, 'Articles', topic));
    if (names.length !== 1) throw new Error(`EASC ${topic}: expected one article, found ${names.length}`);
    const refNames = await files(join(dir, 'MTurk', topic)).catch(() => []);
    if (refNames.length === 0) throw new Error(`EASC ${topic}: no reference summaries in MTurk/${topic}`);
    const raw = await readFile(join(dir, 'Articles', topic, names[0]!), 'utf8');
    const references = await Promise.all(refNames.map(async (n) => (await readFile(join(dir, 'MTurk', topic, n), 'utf8')).replace(/^\uFEFF/, '').trim()));
    articles.push({ topic: topicNumber(topic)!, name: names[0]!, text: prepareEascText(raw), references });
  }
  return articles;
}
