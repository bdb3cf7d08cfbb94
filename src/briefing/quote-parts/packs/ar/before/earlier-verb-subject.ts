/** `وقال ديان إنه …، وأضاف "…"`: the subject of an earlier speech verb of the sentence. */
import { speechVerb, verbClause, type ArabicBeforeContext } from '../context';
import type { Rule } from '../../types';

export const earlierVerbSubject: Rule<ArabicBeforeContext> = {
  name: 'earlier-verb-subject',
  examples: [
    { input: 'وقال وزير الداخلية إنه سيزور المنطقة، وأضاف "سنعيد الأمن"', expected: { role: 'وزير الداخلية', gender: 'm' } },
  ],
  match(context) {
    const speech = speechVerb(context);
    if (!speech || speech.v === 0) return undefined;
    const earlier = context.again(context.tokens.slice(0, speech.v));
    return earlier?.phrase ? { ...earlier, gender: speech.match.gender, fragment: verbClause(context, speech.v).fragment } : undefined;
  },
};
