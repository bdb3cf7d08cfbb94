/** `"…"، على حد قوله` / `على حد تعبيرها`: the last speaker; `على حد قول الوزير`: the one named. */
import type { ArabicAfterContext } from '../context';
import { parseArabicPhrase } from '../phrase';
import type { Rule } from '../../types';
import { hasPhrase } from '../../../clause';

export const asFarAsSaying: Rule<ArabicAfterContext> = {
  name: 'as-far-as-saying',
  examples: [
    { input: '"كارثة حقيقية"، على حد قوله.', expected: { continuation: true, gender: 'm' } },
    { input: '"كارثة حقيقية"، على حد تعبيرها.', expected: { continuation: true, gender: 'f' } },
    { input: '"كارثة حقيقية"، على حد قول وزير الصحة.', expected: { role: 'وزير الصحة' } },
  ],
  match({ tokens, v }) {
    if (tokens[v]?.norm !== 'علي' || tokens[v + 1]?.norm !== 'حد') return undefined;
    const what = tokens[v + 2]?.norm ?? '';
    if (/^(قوله|تعبيره|وصفه)$/u.test(what)) return { continuation: true, gender: 'm', fragment: false };
    if (/^(قولها|تعبيرها|وصفها)$/u.test(what)) return { continuation: true, gender: 'f', fragment: false };
    if (!/^(قول|تعبير|وصف)$/u.test(what)) return null;
    const phrase = parseArabicPhrase(tokens.slice(v + 3));
    return hasPhrase(phrase) ? { phrase, continuation: false, gender: 'unknown', fragment: false } : null;
  },
};
