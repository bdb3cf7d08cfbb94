/** `نشر تغريدة جاء فيها: "…"`: the writer is the sentence's subject. */
import { arabicSubjectBefore } from '../clauses';
import type { ArabicBeforeContext } from '../context';
import type { Rule } from '../../types';

export const cameInIt: Rule<ArabicBeforeContext> = {
  name: 'came-in-it',
  examples: [
    { input: 'ونشر الرئيس دونالد ترامب تغريدة جاء فيها: "سنفوز"', expected: { role: 'الرئيس', continuation: false } },
    { input: 'ونشرت رسالة جاء فيها: "شكرا"', expected: { continuation: true } },
  ],
  match({ tokens, at, tok, again }) {
    if ((tok.norm !== 'جاء' && tok.norm !== 'وجاء') || !/^(فيه|فيها)$/u.test(tokens[at + 1]?.norm ?? '')) return undefined;
    const earlier = again(tokens.slice(0, at));
    if (earlier?.phrase) return { ...earlier, fragment: false };
    const subject = arabicSubjectBefore(tokens.slice(0, at));
    return subject ? { phrase: subject, continuation: false, gender: 'unknown', fragment: false } : { continuation: true, gender: 'unknown', fragment: false };
  },
};
