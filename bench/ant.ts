import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The ANT corpus (../shared/ant): real Arabic news from BBC, CNN and France24
 * Arabic, one TREC-style XML file per article. Cite: Chouigui, Ben Khiroun,
 * Elayeb (AJSE 2021), antcorpus.github.io.
 */

/** One ANT article. Fields are empty strings when the file lacks them. */
export interface AntDoc {
  docno: string;
  title: string;
  /** RFC 1123 date as in the file, e.g. `Tue, 20 Feb 2018 01:44:01 GMT`. */
  time: string;
  url: string;
  source: string;
  text: string;
}

function field(xml: string, tag: string): string {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return match ? match[1]!.trim() : '';
}

/** Parse one ANT XML document. */
export function parseAnt(xml: string): AntDoc {
  return {
    docno: field(xml, 'DOCNO'),
    title: field(xml, 'TITLE'),
    time: field(xml, 'TIME'),
    url: field(xml, 'URL'),
    source: field(xml, 'SRC'),
    text: field(xml, 'TEXT').replace(/\r\n?/g, '\n'),
  };
}

/** Every file under `dir`, recursively, as sorted absolute paths (a deterministic order). */
export async function listAntFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** `count` indices spread evenly over `0 … total-1` (all of them when count ≥ total). */
export function spread(total: number, count: number): number[] {
  if (count >= total) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: count }, (_, k) => Math.floor((k * total) / count));
}

function quoteYaml(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The article as a content `.md` file: front matter (title, source, url,
 * published as ISO date) then the body. Fields the content reader would
 * reject (a non-http URL, an unparsable date) are left out.
 */
export function antToMarkdown(doc: AntDoc): string {
  const lines = ['---'];
  const title = doc.title.replace(/\s+/g, ' ').trim().slice(0, 1000);
  if (title) lines.push(`title: ${quoteYaml(title)}`);
  if (doc.source) lines.push(`source: ${quoteYaml(doc.source.slice(0, 200))}`);
  if (/^https?:\/\/\S+$/.test(doc.url)) lines.push(`url: ${quoteYaml(doc.url)}`);
  const published = Date.parse(doc.time);
  if (Number.isFinite(published)) lines.push(`published: ${new Date(published).toISOString()}`);
  lines.push('---', '');
  return `${lines.join('\n')}${doc.text}\n`;
}

/**
 * Write `count` ANT articles with a non-empty body (spread evenly over the
 * corpus) into `outDir` as `<DOCNO>.md`. Returns the ids and the bytes written.
 */
export async function convertAnt(
  antDir: string,
  outDir: string,
  count: number,
  progress: (done: number, total: number) => void = () => {},
): Promise<{ ids: string[]; bytes: number }> {
  const files = await listAntFiles(antDir);
  await mkdir(outDir, { recursive: true });
  const ids: string[] = [];
  let bytes = 0;
  const picked = spread(files.length, Math.min(files.length, Math.ceil(count * 1.05)));
  for (const index of picked) {
    if (ids.length >= count) break;
    const doc = parseAnt(await readFile(files[index]!, 'utf8'));
    if (!doc.text.trim() || !/^[\w.-]+$/.test(doc.docno)) continue;
    const md = antToMarkdown(doc);
    await writeFile(join(outDir, `${doc.docno}.md`), md);
    ids.push(doc.docno);
    bytes += Buffer.byteLength(md);
    progress(ids.length, count);
  }
  return { ids, bytes };
}

/**
 * A deterministic article of about `targetBytes` UTF-8 bytes (never more),
 * made by joining real ANT article bodies in corpus order with blank lines,
 * cut at a paragraph boundary.
 */
export async function buildCorpusText(antDir: string, targetBytes: number): Promise<string> {
  const files = await listAntFiles(antDir);
  const paragraphs: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const doc = parseAnt(await readFile(file, 'utf8'));
    for (const paragraph of doc.text.split('\n')) {
      const p = paragraph.trim();
      if (!p) continue;
      const size = Buffer.byteLength(p) + 2;
      if (bytes + size > targetBytes) return paragraphs.join('\n\n');
      paragraphs.push(p);
      bytes += size;
    }
  }
  return paragraphs.join('\n\n');
}
