import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Command } from './command';

/** The project's `commands/` folder. */
export const COMMANDS_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../commands');

/** A command module that does not satisfy the {@link Command} type. */
export class CommandModuleError extends Error {
  override name = 'CommandModuleError';
  constructor(readonly file: string, detail: string) {
    super(`Invalid command module ${file}: ${detail}`);
  }
}

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

const OptionSchema: z.ZodType = z.lazy(() =>
  z.looseObject({
    type: z.number().int().min(1).max(11),
    name: z.string().regex(NAME, 'must be 1-32 lower-case letters, digits, - or _'),
    description: z.string().min(1).max(100),
    options: z.array(OptionSchema).max(25).optional(),
  }),
);

const fn = (what: string) => z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', `must be a function (${what})`);

const CommandSchema = z.object({
  data: z.looseObject({
    name: z.string().regex(NAME, 'must be 1-32 lower-case letters, digits, - or _'),
    description: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    type: z.literal(1).optional(),
    options: z.array(OptionSchema).max(25).optional(),
  }),
  execute: fn('execute(interaction, ctx)'),
  autocomplete: fn('autocomplete(interaction, ctx)').optional(),
  button: fn('button(interaction, ctx)').optional(),
  deferImmediately: z.union([z.boolean(), fn('deferImmediately(interaction)')]).optional(),
});

/**
 * Check that a loaded module satisfies {@link Command} (named exports or a
 * default export) and return the command.
 *
 * @throws CommandModuleError naming the file and the first problem.
 */
export function validateCommandModule(mod: unknown, file: string): Command {
  const candidate = isRecord(mod) && isRecord(mod.default) ? mod.default : mod;
  if (!isRecord(candidate)) throw new CommandModuleError(file, 'does not export an object');
  const picked = { data: candidate.data, execute: candidate.execute, autocomplete: candidate.autocomplete, button: candidate.button, deferImmediately: candidate.deferImmediately };
  const result = CommandSchema.safeParse(picked);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'module';
    throw new CommandModuleError(file, `${where} ${issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message}`);
  }
  const { data } = candidate as unknown as Command;
  const hasAutocomplete = JSON.stringify(data.options ?? []).includes('"autocomplete":true');
  if (hasAutocomplete && typeof candidate.autocomplete !== 'function') {
    throw new CommandModuleError(file, 'an option has autocomplete but the module exports no autocomplete()');
  }
  return candidate as unknown as Command;
}

/**
 * Load every command module of `dir` (`*.ts` / `*.js`, not tests or `.d.ts`),
 * validate each, and refuse two commands with the same name.
 *
 * @throws CommandModuleError naming the malformed file.
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = (await readdir(dir))
    .filter((f) => /\.(ts|js|mjs)$/.test(f) && !/\.(d|test|spec)\.(ts|js|mjs)$/.test(f))
    .sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const label = `commands/${basename(file)}`;
    let mod: unknown;
    try {
      mod = await import(pathToFileURL(join(dir, file)).href);
    } catch (error) {
      throw new CommandModuleError(label, `cannot be loaded: ${(error as Error).message}`);
    }
    const command = validateCommandModule(mod, label);
    if (commands.has(command.data.name)) throw new CommandModuleError(label, `a command named "${command.data.name}" is already defined`);
    commands.set(command.data.name, command);
  }
  return commands;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
