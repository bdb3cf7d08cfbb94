/**
 * The README and `.env.example` say what the code does (issue 11: "all of it
 * runs from the README on a fresh clone"). Each check here is a mismatch found
 * by following them literally, cheap to catch again.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { GROUPS } from '../bench/runner';
import { ConfigSchema, parseConfig } from '../src/config';

const ROOT = join(import.meta.dirname, '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const README = read('README.md');
const BENCHMARKS = read('BENCHMARKS.md');
const EXAMPLE = read('.env.example');
const SCRIPTS = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
const VARIABLES = Object.keys(ConfigSchema.shape);
/** Every source file of src/, concatenated: where log lines are written. */
const SOURCES = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => read(join('src', file))).join('\n');

/** Lines of `.env.example` that set a variable, with the comment lines just above them. */
function documentedVariables(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let comments: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) comments.push(line);
    else if (/^[A-Z][A-Z0-9_]*=/.test(line)) found.set(line.slice(0, line.indexOf('=')), comments);
    else comments = [];
  }
  return found;
}

/** Every `npm run <script>` (with or without `-s`) in a Markdown text. */
const npmRuns = (text: string): string[] => [...text.matchAll(/npm run (?:-s |--silent )?([a-z][\w:-]*)/g)].map((m) => m[1]!);

describe('.env.example', () => {
  it('sets every variable src/config.ts reads, each under a comment', () => {
    const documented = documentedVariables(EXAMPLE);
    expect(VARIABLES.filter((key) => !documented.has(key))).toEqual([]);
    expect(VARIABLES.filter((key) => documented.get(key)!.length === 0)).toEqual([]);
  });

  it('sets nothing src/config.ts does not read', () => {
    expect([...documentedVariables(EXAMPLE).keys()].filter((key) => !VARIABLES.includes(key))).toEqual([]);
  });

  it('gives each variable its default: copied as it is to .env, it configures the bot exactly as no .env does', () => {
    expect(parseConfig(parseDotenv(EXAMPLE))).toEqual(parseConfig({}));
  });
});

describe('README.md', () => {
  it('names every variable src/config.ts reads', () => {
    expect(VARIABLES.filter((key) => !new RegExp(`\\b${key}\\b`).test(README))).toEqual([]);
  });

  it.each([['README.md', README], ['BENCHMARKS.md', BENCHMARKS]])('%s runs only npm scripts package.json has', (_file, text) => {
    expect(npmRuns(text).length).toBeGreaterThan(0);
    expect([...new Set(npmRuns(text))].filter((script) => !SCRIPTS.includes(script))).toEqual([]);
  });

  it('names only repository files and folders that exist', () => {
    const paths = [...README.matchAll(/`((?:src|tests|bench|eval|commands|content|golden|\.ci)\/[^`\s]*)`|npx tsx ((?:bench|eval|src)\/\S+\.ts)/g)].map((m) => m[1] ?? m[2]!);
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('lists every benchmark group of npm run bench -- --only', () => {
    const listed = /--only ([a-z,]+)/.exec(README.slice(README.indexOf('npm run bench')))?.[1]?.split(',');
    expect(listed).toEqual([...GROUPS]);
  });

  it.each([
    ['bot ready', "'bot ready'"],
    ['articles: read from Postgres', "'read from Postgres'"],
    ['interactions endpoint listening', "'interactions endpoint listening'"],
    ['search tables in line with the library', "'search tables in line with the library'"],
    ['ingest lock taken: this process is the active ingest', "'ingest lock taken: this process is the active ingest'"],
    ['ingest standby: another process holds the ingest lock; waiting to take over', "'ingest standby: another process holds the ingest lock; waiting to take over'"],
    ['ingest lock taken over: this process is now the active ingest', "'ingest lock taken over: this process is now the active ingest'"],
    ['another process writes the articles: this one reads them from Postgres (as ROLE=web does) and takes over when it goes', "'another process writes the articles: this one reads them from Postgres (as ROLE=web does) and takes over when it goes'"],
  ])('quotes the log line `%s` as the code logs it', (quoted, inCode) => {
    expect(README).toContain(`\`${quoted}\``);
    expect(SOURCES).toContain(inCode);
  });
});
