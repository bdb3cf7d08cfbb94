/**
 * The layer rule of the developers' guide, as data and a checker: each part
 * of `src` (a folder, or a top-level file) has a rank; a file may import its
 * own part or a part of lower rank, never one above it (`briefing` →
 * `content` → `library` → `discord`/`scheduler` → `commands` → `app`). The
 * ranks of the other parts are today's imports: `extraction` between the
 * engine and `content`, `store` above `library` (it stores library
 * articles) and beside `discord` (neither knows the other), below the scheduler, `feeds` between the scheduler and the
 * commands, `web` above `discord` (the HTTP endpoint hands interactions to discord.js, normalised as the gateway's are), the entry points (`main`, `deploy`,
 * `migrate`, `cli`) on top. `errors` and `groups` (leaf helpers) any file may import; `logger` and
 * `worker-bootstrap` anyone but the pure engine.
 */
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

/** Rank of each part; an import may go only to its own part or a lower rank. */
export const LAYER_RANKS: Readonly<Record<string, number>> = {
  errors: -1,
  // A leaf helper (no imports of its own) for any part.
  groups: -1,
  briefing: 0,
  logger: 0.5, 'worker-bootstrap': 0.5,
  extraction: 1,
  content: 2,
  config: 3, library: 3,
  discord: 4, store: 4,
  web: 5,
  scheduler: 6, 'ingest-lock': 6,
  feeds: 7,
  // The active ingest's parts (its folder, its writer, the feed articles it follows), composed by the app.
  ingest: 7.5,
  commands: 8,
  app: 9,
  main: 10, deploy: 10, migrate: 10, cli: 10,
};

/** Files outside `src` and `commands` that code may import (the manifest, for the version in the user agent). */
const OUTSIDE_ALLOWED = new Set(['package.json']);

/** The part of a repository-relative path (`src/library/x.ts` → `library`, `commands/x.ts` → `commands`); undefined outside src and commands. */
export function partOf(path: string): string | undefined {
  const [top, second, third] = path.split('/');
  if (top === 'commands') return 'commands';
  if (top !== 'src' || second === undefined) return undefined;
  return third === undefined ? second.replace(/\.ts$/, '') : second;
}

/** Every relative import of a file (static, type-only, re-export, dynamic), as repository-relative paths. */
function importsOf(file: string, text: string): Array<{ spec: string; target: string }> {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.filter((f) => f.fileName.startsWith('.')).map((f) => ({ spec: f.fileName, target: normalize(join(dirname(file), f.fileName)) }));
}

/** One line per import of `file` (repository-relative) running against the layers. */
export function layerViolations(file: string, text: string): string[] {
  const from = partOf(file);
  if (from === undefined) return [];
  const rank = LAYER_RANKS[from];
  if (rank === undefined) return [`${file}: the part "${from}" has no rank in tests/support/layers.ts: give it one`];
  return importsOf(file, text).flatMap(({ spec, target }) => {
    const to = partOf(target);
    if (to === undefined) return OUTSIDE_ALLOWED.has(target) ? [] : [`${file}: imports ${spec}, outside src and commands`];
    const toRank = LAYER_RANKS[to];
    if (to === from || (toRank !== undefined && toRank < rank)) return [];
    return [`${file}: imports ${spec}: ${from} may not import ${to} (a layer ${toRank === undefined ? 'without a rank' : 'above or beside it'})`];
  });
}

/** True when `node` reads the environment: `process.env`, `process['env']`, `{ env } = process`, or `env` imported from node:process. */
function readsEnv(node: ts.Node): boolean {
  const isProcess = (n: ts.Node): boolean => ts.isIdentifier(n) && n.text === 'process';
  if (ts.isPropertyAccessExpression(node)) return isProcess(node.expression) && node.name.text === 'env';
  if (ts.isElementAccessExpression(node)) return isProcess(node.expression) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === 'env';
  if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && isProcess(node.initializer)) {
    return node.name.elements.some((e) => (e.propertyName ?? e.name).getText() === 'env');
  }
  if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && /^(node:)?process$/.test(node.moduleSpecifier.text)) {
    const bindings = node.importClause?.namedBindings;
    return bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.some((e) => (e.propertyName ?? e.name).text === 'env');
  }
  return false;
}

/** Line numbers (1-based) where `text` reads the environment. */
export function envReads(file: string, text: string): number[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (readsEnv(node)) lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

/** Repository-relative path of an absolute one. */
export const fromRoot = (root: string, path: string): string => relative(root, path).split('\\').join('/');
