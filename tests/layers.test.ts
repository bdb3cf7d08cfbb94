import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { envReads, fromRoot, layerViolations } from './support/layers';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every `.ts` file under `src` and `commands`, repository-relative. */
function sourceFiles(): string[] {
  return ['src', 'commands'].flatMap((top) => readdirSync(join(ROOT, top), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => fromRoot(ROOT, join(entry.parentPath, entry.name))));
}

describe('the layers of the code', () => {
  const files = sourceFiles();

  it('finds the code (src and commands)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('commands/brief.ts');
    expect(files).toContain('src/briefing/index.ts');
  });

  it('no import in src or commands runs back up the layers', () => {
    expect(files.flatMap((file) => layerViolations(file, readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('nothing but src/config.ts reads process.env', () => {
    const readers = files.filter((file) => file !== 'src/config.ts').flatMap((file) => envReads(file, readFileSync(join(ROOT, file), 'utf8')).map((line) => `${file}:${line}`));
    expect(readers).toEqual([]);
    expect(envReads('src/config.ts', readFileSync(join(ROOT, 'src/config.ts'), 'utf8')).length).toBeGreaterThan(0);
  });
});

describe('layerViolations', () => {
  it.each([
    ['the engine importing the logger', 'src/briefing/x.ts', "import type { Logger } from '../logger';", 'briefing may not import logger'],
    ['content importing the library', 'src/content/x.ts', "import { createLibrary } from '../library';", 'content may not import library'],
    ['the library reading the config', 'src/library/x.ts', "import type { Config } from '../config';", 'library may not import config'],
    ['a payload builder re-exporting the scheduler', 'src/discord/x.ts', "export * from '../scheduler/run';", 'discord may not import scheduler'],
    ['a store importing the app at run time', 'src/store/x.ts', "const app = await import('../app');", 'store may not import app'],
    ['a store reaching a payload builder', 'src/store/postgres/x.ts', "import { renderBriefingMessage } from '../../discord/message';", 'store may not import discord'],
    ['a payload builder reaching the store', 'src/discord/x.ts', "import type { AsyncStore } from '../store/types';", 'discord may not import store'],
    ['a command importing the app', 'commands/x.ts', "import { createApp } from '../src/app';", 'commands may not import app'],
    ['code importing a test helper', 'src/content/x.ts', "import { waitFor } from '../../tests/library/helpers';", 'outside src and commands'],
    ['a part without a rank', 'src/gadgets/x.ts', "import { a } from './a';", 'has no rank'],
  ])('refuses %s', (_what, file, text, message) => {
    const found = layerViolations(file, text);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(file);
    expect(found[0]).toContain(message);
  });

  it.each([
    ['an import within the part', 'src/briefing/x.ts', "import { segment } from './segment';"],
    ['a command using the payload builders and the scheduler', 'commands/x.ts', "import { reply } from '../src/discord/reply';\nimport { run } from '../src/scheduler/run';"],
    ['the scheduler using a payload builder', 'src/scheduler/x.ts', "import { renderBriefingMessage } from '../discord/message';"],
    ['the app wiring everything', 'src/app.ts', "import { createLibrary } from './library';\nimport { startFeeds } from './feeds/wire';"],
    ['any file throwing a shared error', 'src/briefing/x.ts', "import { ArticleNotFoundError } from '../errors';"],
    ['a package', 'src/library/x.ts', "import pg from 'pg';"],
    ['the manifest (the user agent version)', 'src/content/web/x.ts', "import pkg from '../../../package.json' with { type: 'json' };"],
  ])('allows %s', (_what, file, text) => {
    expect(layerViolations(file, text)).toEqual([]);
  });
});

describe('envReads', () => {
  it.each([
    ['process.env.X', 'const token = process.env.DISCORD_TOKEN;', [1]],
    ['process["env"]', "const all = process['env'];", [1]],
    ['a destructured env', 'const x = 1;\nconst { env } = process;', [2]],
    ['a renamed destructured env', 'const { env: vars } = process;', [1]],
    ['env imported from node:process', "import { env } from 'node:process';", [1]],
    ['a comment naming process.env', '// only config.ts reads process.env\nconst a = 1;', []],
    ['other process fields', 'const args = process.argv; process.exitCode = 1;', []],
    ['an env of its own', 'const env = { a: 1 };\nconsole.log(env.a);', []],
  ])('%s', (_what, text, lines) => {
    expect(envReads('src/x.ts', text)).toEqual(lines);
  });
});
