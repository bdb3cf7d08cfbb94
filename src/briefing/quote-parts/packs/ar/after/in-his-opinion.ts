/** `"…"، حسب رأيه` / `بحسب تعبيرها`: the last speaker goes on. */
import type { ArabicAfterContext } from '../context';
import type { Rule } from '../../types';
import { arabicSpeechWord } from '../../../../speech-verbs';

export const inHisOpinion: Rule<ArabicAfterContext> = {
  name: 'in-his-opinion',
  examples: [
    { input: '"خطوة ضرورية"، بحسب رأيه.', expected: { continuation: true, gender: 'm' } },
    { input: '"خطوة ضرورية"، حسب تعبيرها.', expected: { continuation: true, gender: 'f' } },
  ],
  match({ tokens, v }) {
    const tok = tokens[v];
    if (!tok || tok.punct || arabicSpeechWord(tok.norm)?.kind !== 'according') return undefined;
    const next = tokens[v + 1]?.norm ?? '';
    if (/^(رايه|قوله|تعبيره|وصفه)$/u.test(next)) return { continuation: true, gender: 'm', fragment: false };
    if (/^(رايها|قولها|تعبيرها|وصفها)$/u.test(next)) return { continuation: true, gender: 'f', fragment: false };
    return undefined;
  },
};
