/**
 * What an Arabic rule reads: the words before (or after) a quotation, the
 * word the scan stands on, and the speech word there.
 */
import { parseArabicPhraseAt, type Phrase } from './phrase';
import { embeddedAfterPhrase, introducedFragment, strongerVerbBefore } from './clauses';
import { ARABIC_INTRODUCERS, SOURCE_LINKS } from './lexicon';
import type { Attribution } from '../../clause';
import type { Token } from '../../tokens';
import { arabicSpeechWord, isAddresseeArabicVerb, isWeakArabicSpeechWord, type SpeechMatch } from '../../../speech-verbs';

/** A speech word of the sentence: where it stands and what it is. */
export interface SpeechAt {
  /** Its position (for a weak verb, that of a stronger verb earlier in the sentence, which wins). */
  v: number;
  match: SpeechMatch;
}

/** The words after a speech verb up to إن/أن/`:`, and the subject read there. */
export interface VerbClause {
  /** The words after the verb (after its object pronoun in `وفق ما صرح به الوزير`). */
  after: readonly Token[];
  /** Index in `after` of the first إن/أن/`:`, -1 when there is none. */
  stop: number;
  /** The subject named after the verb (empty for a verb whose object follows it: أبلغ، سأل). */
  phrase: Phrase;
  fragment: boolean;
}

/** The scan from a quotation back, standing on `tokens[at]`. */
export interface ArabicBeforeContext {
  tokens: readonly Token[];
  at: number;
  tok: Token;
  /** The speech word at `at`, if `tokens[at]` is one. */
  speech: SpeechAt | null;
  /** The reading of the words before, run again on earlier words (an earlier verb's subject). */
  again(tokens: readonly Token[]): Attribution | null;
  /** Memo of {@link verbClause}. */
  clause?: VerbClause;
}

/** The speech word at `at`; a weak verb (وصف، دعا) gives way to a stronger verb with إن/أن earlier in the sentence. */
export function speechAt(tokens: readonly Token[], at: number): SpeechAt | null {
  const match = arabicSpeechWord(tokens[at]!.norm);
  if (!match) return null;
  if (match.kind === 'verb' && isWeakArabicSpeechWord(tokens[at]!.norm)) {
    const strong = strongerVerbBefore(tokens, at);
    if (strong !== -1) return { v: strong, match: arabicSpeechWord(tokens[strong]!.norm)! };
  }
  return { v: at, match };
}

/** The speech verb of the context (kind `verb`), else null. */
export function speechVerb(context: ArabicBeforeContext): SpeechAt | null {
  return context.speech?.match.kind === 'verb' ? context.speech : null;
}

/** The words after the speech verb at `v` and the subject they name, read once per context. */
export function verbClause(context: ArabicBeforeContext, v: number): VerbClause {
  if (context.clause) return context.clause;
  const { tokens } = context;
  // وفق ما صرح به الوزير: the object pronoun after ما + verb stands before the subject.
  const objectFirst = v > 0 && SOURCE_LINKS.has(tokens[v - 1]!.norm) && /^(به|بها)$/u.test(tokens[v + 1]?.norm ?? '');
  const after = tokens.slice(objectFirst ? v + 2 : v + 1);
  const stop = after.findIndex((t) => t.norm === ':' || ARABIC_INTRODUCERS.has(t.norm));
  const end = stop === -1 ? after.length : stop;
  // أبلغ ترامب، سأل الوزير: the one told or asked follows the verb, not the speaker.
  const parsed = isAddresseeArabicVerb(tokens[v]!.norm) ? { phrase: {}, end: 0 } : parseArabicPhraseAt(after.slice(0, end), isWeakArabicSpeechWord(tokens[v]!.norm));
  const fragment = end < after.length ? introducedFragment(after.slice(end)) : embeddedAfterPhrase(after, parsed.end);
  context.clause = { after, stop, phrase: parsed.phrase, fragment };
  return context.clause;
}

/** The words after a closed quotation: they start at token `i`; `v` is past a leading كما / حسبما / بحسبما (`كما قال X`). */
export interface ArabicAfterContext {
  tokens: readonly Token[];
  i: number;
  v: number;
}
