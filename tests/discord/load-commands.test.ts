import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CommandModuleError, COMMANDS_DIR, loadCommands, validateCommandModule } from '../../src/discord/load-commands';

const good = { data: { name: 'ok', description: 'Fine.' }, execute: async () => undefined };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-cmds-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('validateCommandModule', () => {
  it.each([
    ['named exports', good],
    ['a default export', { default: good }],
    ['an autocomplete handler', { ...good, data: { ...good.data, options: [{ type: 3, name: 'q', description: 'q', autocomplete: true }] }, autocomplete: async () => [] }],
  ])('accepts %s', (_name, mod) => {
    expect(validateCommandModule(mod, 'commands/ok.ts').data.name).toBe('ok');
  });

  it.each([
    ['no data', { execute: good.execute }, 'data'],
    ['no execute', { data: good.data }, 'execute'],
    ['execute that is not a function', { ...good, execute: 'run' }, 'execute'],
    ['an upper-case name', { ...good, data: { ...good.data, name: 'Brief' } }, 'data.name'],
    ['a description over 100 characters', { ...good, data: { ...good.data, description: 'x'.repeat(101) } }, 'data.description'],
    ['an option without a description', { ...good, data: { ...good.data, options: [{ type: 3, name: 'q' }] } }, 'data.options.0.description'],
    ['autocomplete options without a handler', { ...good, data: { ...good.data, options: [{ type: 3, name: 'q', description: 'q', autocomplete: true }] } }, 'autocomplete'],
    ['nothing', null, 'export'],
  ])('rejects %s, naming the file and the problem', (_name, mod, where) => {
    expect(() => validateCommandModule(mod, 'commands/bad.ts')).toThrow(CommandModuleError);
    expect(() => validateCommandModule(mod, 'commands/bad.ts')).toThrow(/commands\/bad\.ts/);
    expect(() => validateCommandModule(mod, 'commands/bad.ts')).toThrow(where);
  });
});

describe('loadCommands', () => {
  it('loads the project commands, /brief and /quote included', async () => {
    const commands = await loadCommands(COMMANDS_DIR);
    expect([...commands.keys()]).toEqual(expect.arrayContaining(['brief', 'quote']));
  });

  it.each([
    ['a module without execute', { 'broken.ts': "export const data = { name: 'broken', description: 'x' };" }, 'commands/broken.ts'],
    ['a module that throws on import', { 'boom.ts': "throw new Error('kaboom');" }, 'commands/boom.ts'],
    ['two commands with one name', {
      'a.ts': "export const data = { name: 'dup', description: 'x' }; export async function execute() {}",
      'b.ts': "export const data = { name: 'dup', description: 'x' }; export async function execute() {}",
    }, 'commands/b.ts'],
  ])('refuses %s, naming the file', async (_name, files, file) => {
    await expect(loadCommands(folder(files))).rejects.toThrow(file);
  });

  it('ignores test files and type declarations', async () => {
    const dir = folder({ 'ok.ts': "export const data = { name: 'ok', description: 'x' }; export async function execute() {}", 'ok.test.ts': 'throw new Error("no")', 'x.d.ts': 'export {}' });
    expect([...(await loadCommands(dir)).keys()]).toEqual(['ok']);
  });
});
