/**
 * `وجاء في رسالة الوزير: "…"`: the document speaks. `وجاء في البيان`: a
 * statement the sentence does not say whose, nobody rather than a guess; a
 * joint one (`البيان الختامي المشترك`) is the leaders' the article names, the
 * registry looks for them.
 */
import { isDocumentHead } from '../clauses';
import { JOINT_STATEMENT } from '../lexicon';
import type { ArabicBeforeContext } from '../context';
import { ARABIC_INTRODUCERS } from '../lexicon';
import type { Rule } from '../../types';
import { hasPhrase } from '../../../clause';
import { parseArabicPhrase } from '../phrase';


export const cameInDocument: Rule<ArabicBeforeContext> = {
  name: 'came-in-document',
  examples: [
    { input: 'وجاء في البيان: "ندعو إلى الحوار"', expected: { continuation: false } },
    { input: 'وجاء في البيان الختامي: "ندعو إلى الحوار"', expected: { role: 'البيان الختامي', continuation: false } },
    { input: 'وجاء في تقرير المرصد السوري لحقوق الإنسان: "قتل العشرات"', expected: { role: 'تقرير المرصد السوري لحقوق الإنسان' } },
  ],
  match({ tokens, at, tok }) {
    if ((tok.norm !== 'جاء' && tok.norm !== 'وجاء') || tokens[at + 1]?.norm !== 'في') return undefined;
    const rest = tokens.slice(at + 2);
    const stop = rest.findIndex((t) => t.norm === ':' || ARABIC_INTRODUCERS.has(t.norm));
    const phrase = parseArabicPhrase(stop === -1 ? rest : rest.slice(0, stop));
    if (/^ال/u.test(rest[0]?.norm ?? '') && isDocumentHead(rest[0]!.norm)) {
      const joint = JOINT_STATEMENT.has(rest[1]?.norm ?? '') && !rest[1]!.punct;
      return { ...(joint ? { phrase: { role: `${rest[0]!.text} ${rest[1]!.text}` } } : {}), continuation: false, gender: 'unknown', fragment: false };
    }
    return hasPhrase(phrase) ? { phrase, continuation: false, gender: 'unknown', fragment: false } : undefined;
  },
};
