import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createBriefing } from '../src/briefing/index';
import { corpusPresent, type GoldenCorpus } from './golden-corpora';
import { diffGolden, formatGolden, parseGolden, toGoldenRecord, type GoldenRecord } from './golden-record';

/** What `npm run golden` does. */
export interface GoldenOptions {
  /** Compare with the checked-in files instead of writing them. */
  check: boolean;
  corpora: readonly GoldenCorpus[];
  sharedDir: string;
  goldenDir: string;
  /** Report lines (stdout). */
  log: (line: string) => void;
  progress?: (label: string, done: number, total: number) => void;
}

/** The engine's records for a corpus. */
export async function briefCorpus(corpus: GoldenCorpus, sharedDir: string, progress?: GoldenOptions['progress']): Promise<GoldenRecord[]> {
  const articles = await corpus.load(corpus.dir(sharedDir));
  return articles.map((a, i) => {
    progress?.(`golden: ${corpus.name}`, i + 1, articles.length);
    return toGoldenRecord(a.id, createBriefing(a.text), corpus.compact);
  });
}

async function readGolden(path: string): Promise<GoldenRecord[] | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  return parseGolden(text);
}

/**
 * Write each corpus's golden file (`<goldenDir>/<name>.jsonl`, atomically),
 * or with `check` compare the fresh output with it and report, per article,
 * what changed. A corpus whose data is missing is skipped with one line.
 * Returns the exit code: 0, or 1 when a check found a difference or a
 * golden file is missing or unreadable.
 */
export async function runGolden(o: GoldenOptions): Promise<number> {
  let code = 0;
  for (const corpus of o.corpora) {
    if (!corpusPresent(corpus, o.sharedDir)) {
      o.log(`golden: ${corpus.name} skipped: ${corpus.dir(o.sharedDir)} not found (set BRIEFING_SHARED_DIR)`);
      continue;
    }
    const records = await briefCorpus(corpus, o.sharedDir, o.progress);
    const path = join(o.goldenDir, `${corpus.name}.jsonl`);
    if (!o.check) {
      const text = formatGolden(records);
      await writeFile(`${path}.tmp`, text);
      await rename(`${path}.tmp`, path);
      o.log(`golden: ${corpus.name}: ${records.length} articles written to ${path} (${Buffer.byteLength(text)} bytes)`);
      continue;
    }
    let before: GoldenRecord[] | undefined;
    try {
      before = await readGolden(path);
    } catch (err) {
      o.log(`golden: ${corpus.name}: ${path} ${(err as Error).message}`);
      code = 1;
      continue;
    }
    if (!before) {
      o.log(`golden: ${corpus.name}: ${path} missing (run npm run golden)`);
      code = 1;
      continue;
    }
    const diff = diffGolden(before, records);
    o.log(`golden: ${corpus.name}: ${diff.changed === 0 ? 'unchanged' : `${diff.changed} of ${records.length} articles changed`}`);
    for (const line of diff.lines) o.log(line);
    if (diff.changed > 0) code = 1;
  }
  return code;
}
