/** `وجاء على لسان الوزير: "…"`, `بلسان المتحدث`: the one on whose tongue the words are. */
import { tongueLeads, tongueOf } from '../clauses';
import type { ArabicBeforeContext } from '../context';
import type { Rule } from '../../types';

export const onTheTongueOf: Rule<ArabicBeforeContext> = {
  name: 'on-the-tongue-of',
  examples: [
    { input: 'وجاء على لسان وزير الخارجية سامح شكري: "لن نقبل بذلك"', expected: { role: 'وزير الخارجية', name: 'سامح شكري', continuation: false } },
    { input: 'وقال البيان على لسان المتحدثة يوليا: "الوضع خطير"', expected: { role: 'المتحدثة', name: 'يوليا' } },
  ],
  match({ tokens, at, tok }) {
    const tongue = tok.norm === 'بلسان' || (tok.norm === 'لسان' && /^و?علي$/u.test(tokens[at - 1]?.norm ?? ''));
    if (!tongue || !tongueLeads(tokens, tok.norm === 'بلسان' ? at : at - 1)) return undefined;
    const phrase = tongueOf(tokens, at);
    return phrase ? { phrase, continuation: false, gender: 'unknown', fragment: false } : undefined;
  },
};
