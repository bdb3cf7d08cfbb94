/**
 * The reader of English and French (and of text in a language the engine
 * does not know): the rules before a quotation are tried on each word from
 * the quote back, in order; after it, on the first speech word of the
 * sentence. `../en` and `../fr` make a pack of it with their speech words.
 */
import { accordingTo } from './before/according-to';
import { continuation } from './before/continuation';
import { gerund } from './before/gerund';
import { hypothetical } from './before/hypothetical';
import { invertedPronoun } from './before/inverted-pronoun';
import { invertedSubject } from './before/inverted-subject';
import { nameColon } from './before/name-colon';
import { opinion } from './before/opinion';
import { participle } from './before/participle';
import { pronounSubject } from './before/pronoun-subject';
import { relativeSubject } from './before/relative-subject';
import { subjectBeforeVerb } from './before/subject-before-verb';
import { accordingToAfter } from './after/according-to';
import { invertedPronounAfter } from './after/inverted-pronoun';
import { invertedSubjectAfter } from './after/inverted-subject';
import { subjectBeforeVerbAfter } from './after/subject-before-verb';
import { afterSubjectLimit, isInitial, lowerAll } from './clauses';
import type { LatinAfterContext, LatinBeforeContext, SpeechWordReader } from './context';
import * as latinLexicon from './lexicon';
import { ADD_VERBS } from './lexicon';
import { parseLatinSubject } from './phrase';
import { firstVerdict, NEXT_WORD, type LanguagePack, type Rule } from '../types';
import type { Attribution } from '../../clause';
import type { Token } from '../../tokens';

/** The rules on the words before a quotation, in the order they are tried at each word. */
const BEFORE: readonly Rule<LatinBeforeContext>[] = [
  hypothetical, opinion, nameColon, accordingTo, invertedPronoun, gerund, relativeSubject, pronounSubject, subjectBeforeVerb, participle, invertedSubject, continuation,
];

/** The rules on the speech word after a quotation, in order. */
const AFTER: readonly Rule<LatinAfterContext>[] = [accordingToAfter, invertedPronounAfter, subjectBeforeVerbAfter, invertedSubjectAfter];

/** Attribution from the English/French words before a quote, within its sentence. */
export function latinBefore(tokens: readonly Token[], speechWord: SpeechWordReader, trace?: string[]): Attribution | null {
  const lowered = lowerAll(tokens);
  for (let v = tokens.length - 1; v >= 0; v--) {
    const context: LatinBeforeContext = { tokens, lowered, speechWord, v, first: v === tokens.length - 1, match: speechWord(lowered, v) };
    const verdict = firstVerdict(BEFORE, context, trace);
    if (verdict !== undefined && verdict !== NEXT_WORD) return verdict;
  }
  return null;
}

/** Attribution from the English/French words after a closed quote, starting at token `i`; a verb of going on (added, a ajouté) marks it `adds`. */
export function latinAfter(tokens: readonly Token[], i: number, speechWord: SpeechWordReader, trace?: string[]): Attribution | null {
  if (i >= tokens.length || (tokens[i]!.punct && tokens[i]!.norm !== '(')) return null;
  const lowered = lowerAll(tokens);
  const limit = afterSubjectLimit(tokens, i);
  for (let v = i; v < tokens.length && v - i <= limit; v++) {
    const w = lowered[v]!;
    if ((w === '.' && !isInitial(tokens, v)) || w === ';' || w === '!' || w === '?' || w === ':') return null;
    const match = speechWord(lowered, v);
    if (!match) continue;
    const verdict = firstVerdict(AFTER, { tokens, lowered, i, v, match }, trace);
    const attribution = verdict === undefined || verdict === NEXT_WORD ? null : verdict;
    const verb = lowered[v + match.length - 1]!.replace(/(?:-t)?-(?:il|elle|ils|elles|on)$/u, '');
    return attribution && ADD_VERBS.has(verb) ? { ...attribution, adds: true } : attribution;
  }
  return null;
}

/** A pack of the Latin-script reader for a language: its speech-word reader and its own lexicon (the shared Latin lists are added). */
export function latinPack(speechWord: SpeechWordReader, lexicon: Readonly<Record<string, unknown>>): LanguagePack {
  return {
    lexicon: { ...latinLexicon, ...lexicon },
    parsePhrase: (tokens) => parseLatinSubject(tokens),
    beforeRules: BEFORE,
    afterRules: AFTER,
    before: (tokens, trace) => latinBefore(tokens, speechWord, trace),
    after: (tokens, i, trace) => latinAfter(tokens, i, speechWord, trace),
  };
}
