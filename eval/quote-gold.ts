import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';

/**
 * Annotated articles for the quote evaluation: `eval/quotes/<lang>/<name>.txt`
 * (the article) beside `<name>.json` (the gold quotes), in the same shape as
 * the client's seed expectations (`tests/fixtures/seed/expected.json`, from `../shared/seed/`).
 */

const GoldQuoteSchema = z.object({
  /** The quoted words, without marks. */
  text: z.string().min(1),
  /** Accepted names or roles of the speaker; empty when the article gives none. */
  speaker_any: z.array(z.string().min(1)),
});

/** Gold annotation of one article. */
export const GoldSchema = z.object({
  quotes: z.array(GoldQuoteSchema),
  /** Quoted strings that are acceptable but not required (fragments, scare quotes a system may keep): neither rewarded nor penalised. */
  allowed_extra: z.array(z.string().min(1)).default([]),
  /** What the article exercises, for the reader. */
  patterns: z.array(z.string()).default([]),
}).strict();

export type GoldQuote = z.infer<typeof GoldQuoteSchema>;
export type Gold = z.infer<typeof GoldSchema>;

/** One annotated article. */
export interface AnnotatedArticle {
  language: string;
  name: string;
  text: string;
  gold: Gold;
}

/**
 * Load every annotated article under `dir` (one folder per language code).
 * @throws Error naming the file when a gold file is missing or malformed.
 */
export async function loadAnnotated(dir: string): Promise<AnnotatedArticle[]> {
  const languages = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const out: AnnotatedArticle[] = [];
  for (const language of languages) {
    const names = (await readdir(join(dir, language))).filter((n) => n.endsWith('.txt')).sort();
    for (const file of names) {
      const name = basename(file, '.txt');
      const goldPath = join(dir, language, `${name}.json`);
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(goldPath, 'utf8'));
      } catch (err) {
        throw new Error(`${goldPath}: ${(err as Error).message}`);
      }
      const parsed = GoldSchema.safeParse(raw);
      if (!parsed.success) throw new Error(`${goldPath}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
      out.push({ language, name, text: await readFile(join(dir, language, file), 'utf8'), gold: parsed.data });
    }
  }
  return out;
}
