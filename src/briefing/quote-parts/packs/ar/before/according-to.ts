/**
 * `بحسب وزارة الصحة`, `وفقا لـX`, `نقلا عن مسؤول`, `بحسب بيان صادر عن X`: the
 * source named. Not when a speech verb earlier in the sentence has its own
 * subject (`وقالت الشبكة، نقلا عن مسؤولين، إن`), nor a media outlet cited.
 */
import { isCiting, isDocumentHead, issuedBy, sourceWords, speechVerbBefore } from '../clauses';
import type { ArabicBeforeContext } from '../context';
import { isMediaHead } from '../lexicon';
import { parseArabicPhrase } from '../phrase';
import { NEXT_WORD, type Rule } from '../../types';
import { hasPhrase, wordCount } from '../../../clause';

export const accordingTo: Rule<ArabicBeforeContext> = {
  name: 'according-to',
  examples: [
    { input: 'وبحسب وزارة الصحة الفلسطينية فإن "الوضع كارثي"', expected: { role: 'وزارة الصحة الفلسطينية', continuation: false } },
    { input: 'وفقا لبيان صادر عن مكتب رئاسة الوزراء: "الحكومة باقية"', expected: { role: 'مكتب رئاسة الوزراء' } },
    { input: 'وقالت الشبكة، نقلا عن مسؤولين، إن "الهجوم وقع ليلا"', expected: { role: 'الشبكة', continuation: false } },
  ],
  match({ tokens, at, tok, speech }) {
    if (speech?.match.kind !== 'according') return undefined;
    const stripped = sourceWords(tokens.slice(at + 1));
    if ((isCiting(tok.norm) || isDocumentHead(stripped[0]?.norm ?? '')) && speechVerbBefore(tokens, at)) return NEXT_WORD;
    const rest = issuedBy(stripped);
    const phrase = parseArabicPhrase(rest);
    if (!hasPhrase(phrase) || (isCiting(tok.norm) && isMediaHead(stripped[0]?.norm ?? ''))) return NEXT_WORD;
    const comma = rest.findIndex((t) => t.norm === '،' || t.norm === ',');
    return { phrase, continuation: false, gender: 'unknown', fragment: comma !== -1 && wordCount(rest.slice(comma + 1)) > 1 };
  },
};
