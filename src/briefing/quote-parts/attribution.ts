/**
 * Read the words around a quotation to find its attribution: a speech verb
 * with its subject before the quote (`وقال السفير … إن "…"`, `Smith said:`,
 * `le maire a déclaré :`) or after it (`"…"، قال ترامب`, `"…," she said`,
 * `« … », a déclaré le maire`). Each language's pack (`packs/registry.ts`)
 * does the reading.
 */
import { packFor } from './packs/registry';
import { tokenize, type Token } from './tokens';
import type { Language } from '../schema';

export type { Attribution } from './clause';
import type { Attribution } from './clause';

/** Attribution from the words before a quotation, within its sentence. */
export function attributeBefore(before: string, language: Language): Attribution | null {
  return attributeBeforeTokens(tokenize(before.length > 600 ? before.slice(-600) : before), language);
}

/** {@link attributeBefore} on tokens already made. */
export function attributeBeforeTokens(tokens: readonly Token[], language: Language): Attribution | null {
  if (tokens.length === 0) return null;
  return packFor(language).before(tokens);
}

/** Attribution from the words after a closed quotation (up to the next quotation). */
export function attributeAfter(after: string, language: Language): Attribution | null {
  return attributeAfterTokens(tokenize(after.length > 400 ? after.slice(0, 400) : after), language);
}

/** {@link attributeAfter} on tokens already made. */
export function attributeAfterTokens(tokens: readonly Token[], language: Language): Attribution | null {
  let i = 0;
  if (tokens[i]?.norm === ',' || tokens[i]?.norm === '،' || tokens[i]?.norm === '—' || tokens[i]?.norm === '–') i++;
  return i >= tokens.length ? null : packFor(language).after(tokens, i);
}
