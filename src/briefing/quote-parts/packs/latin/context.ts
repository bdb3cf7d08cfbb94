/** What an English or French rule reads: the words around a quotation, lower-cased, and the speech word where the scan stands. */
import { latinClause, latinFragment } from './clauses';
import { parseLatinSubject, type LatinPhrase } from './phrase';
import type { Attribution } from '../../clause';
import type { Token } from '../../tokens';
import type { SpeechMatch } from '../../../speech-verbs';

/** The speech word at `lowered[i]` in a language (lower-cased tokens), with the number of tokens it spans. */
export type SpeechWordReader = (lowered: readonly string[], i: number) => SpeechMatch | null;

/** The scan from a quotation back, standing on `tokens[v]`. */
export interface LatinBeforeContext {
  tokens: readonly Token[];
  /** The tokens lower-cased, ’ written '. */
  lowered: readonly string[];
  /** The speech words of the pack's language. */
  speechWord: SpeechWordReader;
  v: number;
  /** True on the scan's first word: the rules about the whole sentence are read there. */
  first: boolean;
  /** The speech word at `v` (null when there is none). */
  match: SpeechMatch | null;
  /** Memos of {@link fragmentOf} and {@link subjectOf}. */
  fragment?: boolean;
  subject?: LatinPhrase;
}

/** The speech word of a context that has one, with the words after it. */
export interface SpeechContext extends LatinBeforeContext {
  match: SpeechMatch;
}

/** True when the context stands on a speech word. */
export function onSpeechWord(context: LatinBeforeContext): context is SpeechContext {
  return context.match !== null;
}

/** The tokens after the speech word. */
export function wordsAfter(context: SpeechContext): readonly Token[] {
  return context.tokens.slice(context.v + context.match.length);
}

/** Whether the quote is embedded in the sentence of the speech word (see {@link latinFragment}). */
export function fragmentOf(context: SpeechContext): boolean {
  const { lowered, v, match } = context;
  context.fragment ??= latinFragment(wordsAfter(context), lowered.slice(v + match.length), lowered[v + match.length - 1]!);
  return context.fragment;
}

/** The subject standing before the verb, from the clause start. */
export function subjectOf(context: SpeechContext): LatinPhrase {
  context.subject ??= parseLatinSubject(latinClause(context.tokens, context.lowered, context.v));
  return context.subject;
}

/** A continuation: no subject of its own, the last speaker goes on. */
export function goesOn(context: SpeechContext, gender: Attribution['gender'] = 'unknown'): Attribution {
  return { continuation: true, gender, fragment: fragmentOf(context) };
}

/** The words after a closed quotation: the attribution starts at `i`, the speech word stands at `v`. */
export interface LatinAfterContext {
  tokens: readonly Token[];
  lowered: readonly string[];
  i: number;
  v: number;
  match: SpeechMatch;
}
