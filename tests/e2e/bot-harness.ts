import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FakeDiscord } from '../support/fake-discord';

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** A bot started through the same entry point as `npm start`, with its output captured. */
export interface BotProcess {
  child: ChildProcess;
  /** Everything written to stdout / stderr so far. */
  output(): { stdout: string; stderr: string };
  /** JSON log lines of stdout. */
  logs(): Array<Record<string, unknown>>;
  /** Resolve once a log line satisfies `predicate`. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or signal name) once the process ends. */
  exited: Promise<number | string>;
}

/**
 * The environment of a bot talking to `fake`, reading `content.dir` and
 * keeping its database at `content.dbPath`; `extra` adds or overrides
 * variables (log level, rescan interval, …).
 */
export function botEnv(fake: FakeDiscord, content: { dir: string; dbPath: string }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    CONTENT_DIR: content.dir,
    DATABASE_PATH: content.dbPath,
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** Spawn `node --import tsx <entry>` in the project root with exactly `env` (plus PATH and HOME). */
export function spawnBot(env: Record<string, string>, entry = 'src/main.ts'): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  const notify = (): void => waiters.splice(0).forEach((w) => w());
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    notify();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    notify();
  });
  const exited = new Promise<number | string>((done) => child.on('exit', (code, signal) => {
    notify();
    done(code ?? signal ?? -1);
  }));
  const logs = (): Array<Record<string, unknown>> => stdout.split('\n').flatMap((line) => {
    try {
      return line.trim() ? [JSON.parse(line) as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
  const waitForLog = (predicate: (line: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<Record<string, unknown>> =>
    new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`timed out waiting for a log line; stdout:\n${stdout.slice(-3000)}\nstderr:\n${stderr.slice(-3000)}`)), timeoutMs);
      const check = (): void => {
        const found = logs().find(predicate);
        if (found) {
          clearTimeout(timer);
          done(found);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          fail(new Error(`bot exited (${child.exitCode}); stdout:\n${stdout.slice(-3000)}\nstderr:\n${stderr.slice(-3000)}`));
        } else waiters.push(check);
      };
      check();
    });
  return { child, output: () => ({ stdout, stderr }), logs, waitForLog, exited };
}

/** Run a one-shot entry point (deploy) to completion. */
export async function runScript(entry: string, env: Record<string, string>): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const bot = spawnBot(env, entry);
  const code = await bot.exited;
  return { code, ...bot.output() };
}

/** Words repeated to a given count. */
const words = (n: number, word: string): string => Array.from({ length: n }, (_, i) => `${word}${i % 7}`).join(' ');

/** Articles of the e2e content folder: Arabic, English, French, one with mentions and markdown, one huge. */
export const FIXTURES: Record<string, string> = {
  'en-bridge.md': [
    '---', 'title: Mayor opens the new river bridge', 'source: City Wire', 'url: https://news.example/en-bridge', 'published: 2024-03-01', 'language: en', '---',
    'The mayor opened the new river bridge on Monday after three years of work.',
    '"This bridge connects our neighbourhoods and our future," said Mayor Jane Doe.',
    'Engineers said the structure would carry 20,000 vehicles a day.',
    '"We finished on time and on budget," said chief engineer Omar Haddad.',
  ].join('\n'),
  'fr-pont.md': [
    '---', 'title: Le maire inaugure le nouveau pont', 'source: Dépêche locale', 'published: 2024-03-02', 'language: fr', '---',
    'Le maire a inauguré lundi le nouveau pont sur la rivière après trois ans de travaux.',
    '« Ce pont relie nos quartiers et notre avenir », a déclaré le maire Jean Dupont.',
    'Les ingénieurs estiment que l’ouvrage supportera 20 000 véhicules par jour.',
  ].join('\n'),
  'mentions.md': [
    '---', 'title: "@everyone **Breaking** <@123456789012345678>"', 'published: 2024-03-03', 'language: en', '---',
    '# Heading @here and <@&123456789012345678> in <#123456789012345678>',
    '"Ping @everyone now, **loudly**, see [this](https://evil.example)," said <@123456789012345678> on Tuesday.',
    '> quoted block and ||spoiler|| and `code` and ~~strike~~',
  ].join('\n'),
  'huge.md': [
    '---', `title: ${words(90, 'Headline')}`, `source: ${words(20, 'Source')}`, `author: ${words(20, 'Author')}`, 'published: 2024-03-04', 'language: en', '---',
    ...Array.from({ length: 60 }, (_, i) => `"${words(250, `quoted${i}`)}," said Speaker${i} ${words(40, 'Name')}, the ${words(20, 'role')}. ${words(120, `para${i}`)}.`),
  ].join('\n'),
};

/**
 * Write `files` (name → text) into folder `dir` (created if need be), dated
 * 2021-01-01 as an operator's library written before the bot starts, and
 * return `dir`.
 */
export function writeArticles(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    utimesSync(join(dir, name), new Date('2021-01-01'), new Date('2021-01-01'));
  }
  return dir;
}

/** A temp folder with the project's Arabic sample article and the fixtures above. */
export function makeContentDir(): { dir: string; dbPath: string; cleanup(): void } {
  const base = mkdtempSync(join(tmpdir(), 'briefing-e2e-'));
  const dir = join(base, 'content');
  cpSync(join(ROOT, 'content', 'lavrov-north-korea.txt'), join(dir, 'lavrov-north-korea.txt'));
  // No front-matter date: its timestamp is the file's mtime; make it the oldest article.
  utimesSync(join(dir, 'lavrov-north-korea.txt'), new Date('2020-01-01'), new Date('2020-01-01'));
  // Written before the bot starts, as an operator's library is: dated in the past so that the settle time (LIBRARY_SETTLE_MS,
  // tested on its own in tests/content and tests/library) never holds them back from the first start on a loaded machine.
  writeArticles(dir, FIXTURES);
  return { dir, dbPath: join(base, 'data', 'briefing.db'), cleanup: () => rmSync(base, { recursive: true, force: true }) };
}
