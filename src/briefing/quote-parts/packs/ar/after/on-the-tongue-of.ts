/** `"…"، على لسان الوزير` / `بلسان الوزير`: the one on whose tongue the words are. */
import { tongueOf } from '../clauses';
import type { ArabicAfterContext } from '../context';
import type { Rule } from '../../types';

export const onTheTongueOfAfter: Rule<ArabicAfterContext> = {
  name: 'on-the-tongue-of-after',
  examples: [
    { input: '"لن نتراجع"، على لسان وزير الدفاع.', expected: { role: 'وزير الدفاع' } },
  ],
  match({ tokens, v }) {
    if (!(tokens[v]?.norm === 'علي' && tokens[v + 1]?.norm === 'لسان') && tokens[v]?.norm !== 'بلسان') return undefined;
    const phrase = tongueOf(tokens, tokens[v]!.norm === 'بلسان' ? v : v + 1);
    return phrase ? { phrase, continuation: false, gender: 'unknown', fragment: false } : null;
  },
};
