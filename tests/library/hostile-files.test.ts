/**
 * A content folder with broken files among good ones: binary data, other
 * encodings (UTF-16, Windows-1256, Latin-1), empty and oversized files,
 * links out of the folder, a pipe, odd names. Each bad file is skipped with
 * one warning naming it and why; every good file is still loaded.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleIdOf } from '../../src/content/read-article';
import { makeFifo } from '../support/special-files';
import { captureLogger, perTest } from './helpers';

const scratch = perTest();
const MAX_BYTES = 4_000;

const GOOD = {
  ar: 'قال وزير الخارجية إن الاتفاق قريب. وأضاف: «سنوقع الأسبوع المقبل».',
  en: 'The mayor opened the bridge on Monday. "It connects us," she said.',
  fr: 'Le maire a inauguré le pont lundi. « Il nous relie », a-t-il déclaré.',
};

/** Windows-1256 bytes of the Arabic letters used below (and ASCII as is). */
const CP1256: Record<string, number> = { ق: 0xde, ا: 0xc7, ل: 0xe1, و: 0xe6, ز: 0xd2, ي: 0xed, ر: 0xd1, ' ': 0x20, '.': 0x2e };
const windows1256 = (text: string): Buffer => Buffer.from([...text].map((c) => CP1256[c] ?? 0x3f));
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

/** A bad file: how it is made in the folder `dir` (its parent is free to hold link targets), and the reason its warning gives. */
interface BadFile {
  make(dir: string, name: string): void;
  reason: RegExp;
  ext: '.txt' | '.md';
}
const write = (bytes: Buffer | string) => (dir: string, name: string) => writeFileSync(join(dir, name), bytes);
const NOT_UTF8 = /is not UTF-8 text/;
const BAD_FILES: Record<string, BadFile> = {
  'binary data (a PNG header and NULs)': { make: write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), reason: NOT_UTF8, ext: '.txt' },
  'UTF-16LE with a BOM (Arabic)': { make: write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD.ar, 'utf16le')])), reason: NOT_UTF8, ext: '.txt' },
  'UTF-16BE without a BOM (English)': { make: write(utf16be(GOOD.en)), reason: NOT_UTF8, ext: '.md' },
  'Windows-1256 Arabic': { make: write(windows1256('قال الوزير. وقال الوزير.')), reason: NOT_UTF8, ext: '.txt' },
  'Latin-1 French': { make: write(Buffer.from(GOOD.fr.replace(/[’«»]/g, '"'), 'latin1')), reason: NOT_UTF8, ext: '.txt' },
  'an empty file': { make: write(''), reason: /is empty/, ext: '.txt' },
  'white space and marks only': { make: write(' \r\n\t\u200f\u200e«»\n'), reason: /is empty/, ext: '.md' },
  'a file over the size cap': { make: write(`${GOOD.en} `.repeat(Math.ceil((MAX_BYTES + 1) / GOOD.en.length))), reason: /over the 4,000-byte limit/, ext: '.txt' },
  'front matter never closed': { make: write(`---\ntitle: x\n${GOOD.fr}`), reason: /front matter/i, ext: '.md' },
  'a link to a file outside the folder': {
    make: (dir, name) => {
      writeFileSync(join(dir, '..', `outside-${name}`), 'DISCORD_TOKEN=secret-value-123\n');
      symlinkSync(join('..', `outside-${name}`), join(dir, name));
    },
    reason: /link to a file outside the content folder/,
    ext: '.txt',
  },
  'a broken link': { make: (dir, name) => symlinkSync('nowhere.txt', join(dir, name)), reason: /link to nothing/, ext: '.md' },
  'a named pipe': { make: (dir, name) => void makeFifo(join(dir, name)), reason: /not a regular file/, ext: '.txt' },
  'a folder named like an article': { make: (dir, name) => mkdirSync(join(dir, name)), reason: /folder/, ext: '.md' },
};

/** Names as operators' files have them: spaces, Arabic, accents, emoji, brackets, a leading dash. */
const NAMES = ['Breaking News', 'أخبار، عاجلة', 'L’élection', '🔥 hot take', '[draft] (v2)', '-dash', 'tab\there', 'x'.repeat(150), 'مقال_1'];

/** A folder of good ar/en/fr articles and bad files, each name unique. */
const folderCase = fc.record({
  good: fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('ar', 'en', 'fr') as fc.Arbitrary<keyof typeof GOOD>, fc.constantFrom('.txt', '.md')), { minLength: 1, maxLength: 4, selector: ([name]) => name }),
  bad: fc.uniqueArray(fc.constantFrom(...Object.keys(BAD_FILES)), { minLength: 1, maxLength: 6 }),
});

async function loadFolder({ good, bad }: { good: Array<[string, keyof typeof GOOD, string]>; bad: string[] }) {
  const root = scratch.folder();
  const dir = join(root, 'content');
  mkdirSync(dir);
  for (const [name, lang, ext] of good) writeFileSync(join(dir, `${name}${ext}`), `${name}: ${GOOD[lang]}`);
  const badNames = bad.map((kind, i) => {
    const name = `bad ${i}${BAD_FILES[kind]!.ext}`;
    BAD_FILES[kind]!.make(dir, name);
    return name;
  });
  const { logger, lines } = captureLogger();
  const library = scratch.library({ contentDir: dir, maxBytes: MAX_BYTES, logger, rescanSeconds: 0, watch: false });
  await library.start();
  await library.rescan();
  const warnings = lines.filter((line) => line.level === 40).map((line) => String(line.msg));
  return { library, warnings, badNames };
}

describe('a content folder with broken files among good ones', () => {
  it.each(Object.entries(BAD_FILES))('skips %s with one warning naming it, and loads the ar/en/fr articles beside it', async (kind, bad) => {
    const { library, warnings, badNames } = await loadFolder({ good: [['ar-story', 'ar', '.txt'], ['en-story', 'en', '.md'], ['fr-story', 'fr', '.txt']], bad: [kind] });
    expect(library.all().map((a) => a.id).sort()).toEqual(['ar-story', 'en-story', 'fr-story']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^skipped ${badNames[0]}: `));
    expect(warnings[0]).toMatch(bad.reason);
    expect(warnings[0]).not.toContain('\n');
    expect(JSON.stringify(library.all())).not.toContain('secret-value');
  });

  it('loads every good file and names every bad one, whatever the mix', async () => {
    await fc.assert(
      fc.asyncProperty(folderCase, async (folder) => {
        const { library, warnings, badNames } = await loadFolder(folder);
        expect(library.size).toBe(folder.good.length);
        for (const [name, lang, ext] of folder.good) expect(library.get(articleIdOf(`${name}${ext}`))?.briefing.headline).toContain(GOOD[lang].slice(0, 15));
        for (const name of badNames) expect(warnings.filter((w) => w.startsWith(`skipped ${name}: `))).toHaveLength(1);
        await library.stop();
      }),
      { numRuns: 8 },
    );
  });
});
