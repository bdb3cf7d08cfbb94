import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Every runnable inline command of the README (not a synopsis with `<…>` or `[…]`) that asks `npm run … brief` for `--json`. */
const jsonCommands = [...README.matchAll(/`(npm run [^`<[]*brief -- [^`<[]*--json[^`<[]*)`/g)].map((m) => m[1]!);

describe("the README's --json command, run through npm", () => {
  it('is documented', () => {
    expect(jsonCommands.length).toBeGreaterThan(0);
  });

  it.each(jsonCommands)('`%s` prints exactly one JSON object on stdout', { timeout: 60_000 }, async (command) => {
    const [npm, ...args] = command.split(/\s+/);
    expect(npm).toBe('npm');
    const { stdout } = await promisify(execFile)('npm', args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const json = JSON.parse(stdout) as { id: string; language: string; quotes: unknown[] };
    expect(json).toMatchObject({ id: 'lavrov-north-korea', language: 'ar' });
    expect(json.quotes.length).toBeGreaterThan(0);
  });
});
