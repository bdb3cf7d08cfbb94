/** `"…"، حسبما أفاد X`: حسبما / بحسبما must be followed by a speech word, else nothing attributes the quote (كما is simply passed: `كما قال X`). */
import type { ArabicAfterContext } from '../context';
import type { Rule } from '../../types';
import { arabicSpeechWord } from '../../../../speech-verbs';

export const asSaid: Rule<ArabicAfterContext> = {
  name: 'as-said',
  examples: [
    { input: '"الوضع مستقر"، حسبما الوضع في المدينة.', expected: null },
  ],
  match({ tokens, i }) {
    const norm = tokens[i]?.norm;
    if (norm !== 'حسبما' && norm !== 'بحسبما') return undefined;
    return tokens[i + 1] && arabicSpeechWord(tokens[i + 1]!.norm) ? undefined : null;
  },
};
