/**
 * The Arabic pack: its lexicon, its phrase parser and its rules. Before a
 * quotation the rules are tried on each word from the quote back, in order;
 * after it, on the first word (past a كما / حسبما).
 */
import { accordingTo } from './before/according-to';
import { cameInDocument } from './before/came-in-document';
import { cameInIt } from './before/came-in-it';
import { continuation } from './before/continuation';
import { earlierVerbSubject } from './before/earlier-verb-subject';
import { hisSaying } from './before/his-saying';
import { needsIntroducer } from './before/needs-introducer';
import { onTheTongueOf } from './before/on-the-tongue-of';
import { participle } from './before/participle';
import { relativeAntecedent } from './before/relative-antecedent';
import { subjectAfterVerb } from './before/subject-after-verb';
import { subjectBeforeQad } from './before/subject-before-qad';
import { subjectFirst } from './before/subject-first';
import { unnamedSubject } from './before/unnamed-subject';
import { asFarAsSaying } from './after/as-far-as-saying';
import { asSaid } from './after/as-said';
import { pointingBack } from './after/pointing-back';
import { inHisOpinion } from './after/in-his-opinion';
import { onTheTongueOfAfter } from './after/on-the-tongue-of';
import { speechWordAfter } from './after/speech-word-after';
import { speechAt, type ArabicAfterContext, type ArabicBeforeContext } from './context';
import * as lexicon from './lexicon';
import { parseArabicPhrase } from './phrase';
import { firstVerdict, NEXT_WORD, type LanguagePack, type Rule } from '../types';
import type { Attribution } from '../../clause';
import type { Token } from '../../tokens';

/** The rules on the words before a quotation, in the order they are tried at each word. */
const BEFORE: readonly Rule<ArabicBeforeContext>[] = [
  onTheTongueOf, hisSaying, cameInDocument, cameInIt, accordingTo, participle, relativeAntecedent, subjectBeforeQad,
  needsIntroducer, subjectAfterVerb, unnamedSubject, earlierVerbSubject, subjectFirst, continuation,
];

/** The rules on the words after a quotation, in order. */
const AFTER: readonly Rule<ArabicAfterContext>[] = [pointingBack, asSaid, asFarAsSaying, onTheTongueOfAfter, inHisOpinion, speechWordAfter];

/** Attribution from the Arabic words before a quote, within its sentence. */
export function arabicBefore(tokens: readonly Token[], trace?: string[]): Attribution | null {
  const again = (earlier: readonly Token[]): Attribution | null => arabicBefore(earlier);
  for (let at = tokens.length - 1; at >= 0; at--) {
    const tok = tokens[at]!;
    if (tok.punct) continue;
    const context: ArabicBeforeContext = { tokens, at, tok, speech: speechAt(tokens, at), again };
    const verdict = firstVerdict(BEFORE, context, trace);
    if (verdict !== undefined && verdict !== NEXT_WORD) return verdict;
    // A weak verb gave way to a stronger one earlier: the scan goes on before that one.
    at = context.speech?.v ?? at;
  }
  return null;
}

/**
 * Attribution from the Arabic words after a closed quote, starting at token
 * `i`: a word, or a full stop when the next sentence points back at the quote
 * (`"…". بهذه الكلمات أعلن X`).
 */
export function arabicAfter(tokens: readonly Token[], i: number, trace?: string[]): Attribution | null {
  const first = tokens[i];
  if (!first || (first.punct && first.norm !== '(' && first.norm !== '.' && first.norm !== '…')) return null;
  const v = first.norm === 'كما' || first.norm === 'حسبما' || first.norm === 'بحسبما' ? i + 1 : i;
  const verdict = firstVerdict(AFTER, { tokens, i, v }, trace);
  return verdict === undefined || verdict === NEXT_WORD ? null : verdict;
}

/** Arabic: {@link arabicBefore}, {@link arabicAfter}, the lexicon and the phrase parser. */
export const ar: LanguagePack = {
  lexicon,
  parsePhrase: (tokens) => parseArabicPhrase(tokens),
  beforeRules: BEFORE,
  afterRules: AFTER,
  before: arabicBefore,
  after: arabicAfter,
};
