/**
 * Read the words around a quotation to find its attribution: a speech verb
 * with its subject before the quote (`وقال السفير … إن "…"`, `Smith said:`,
 * `le maire a déclaré :`) or after it (`"…"، قال ترامب`, `"…," she said`,
 * `« … », a déclaré le maire`).
 */
import { arabicAfter, arabicBefore } from './arabic-attribution';
import { latinAfter, latinBefore } from './latin-attribution';
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
  return language === 'ar' ? arabicBefore(tokens) : latinBefore(tokens, language);
}

/** Attribution from the words after a closed quotation (up to the next quotation). */
export function attributeAfter(after: string, language: Language): Attribution | null {
  return attributeAfterTokens(tokenize(after.length > 400 ? after.slice(0, 400) : after), language);
}

/** {@link attributeAfter} on tokens already made. */
export function attributeAfterTokens(tokens: readonly Token[], language: Language): Attribution | null {
  let i = 0;
  if (tokens[i]?.norm === ',' || tokens[i]?.norm === '،' || tokens[i]?.norm === '—' || tokens[i]?.norm === '–') i++;
  // (Arabic reads on past a full stop only for a sentence pointing back: "…". بهذه الكلمات أعلن X.)
  if (i >= tokens.length || (tokens[i]!.punct && tokens[i]!.norm !== '(' && !(language === 'ar' && (tokens[i]!.norm === '.' || tokens[i]!.norm === '…')))) return null;
  return language === 'ar' ? arabicAfter(tokens, i) : latinAfter(tokens, i, language);
}
