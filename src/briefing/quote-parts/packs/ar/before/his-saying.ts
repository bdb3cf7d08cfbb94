/**
 * `نقلت وكالة X عن Y قوله: "…"`, `ونقل البيان على لسان المتحدثة، هيذر نويرت، قولها:`:
 * the one named after عن / لسان, else the sentence's subject.
 */
import { arabicSubjectBefore } from '../clauses';
import type { ArabicBeforeContext } from '../context';
import { ARABIC_SAYING } from '../lexicon';
import type { Rule } from '../../types';
import { hasPhrase, wordCount } from '../../../clause';
import { parseArabicPhrase } from '../phrase';


export const hisSaying: Rule<ArabicBeforeContext> = {
  name: 'his-saying',
  examples: [
    { input: 'ونقلت وكالة رويترز عن المتحدث باسم الجيش قوله: "العملية مستمرة"', expected: { role: 'المتحدث باسم الجيش', gender: 'm', fragment: false } },
    { input: 'ونقلت الصحيفة عن سارة الحربي قولها "نحن مستعدون"', expected: { name: 'سارة الحربي', gender: 'f' } },
  ],
  match({ tokens, at, tok }) {
    const saying = ARABIC_SAYING.get(tok.norm);
    if (saying === undefined) return undefined;
    let from = at - 1;
    while (from >= 0 && tokens[from]!.norm !== 'عن' && tokens[from]!.norm !== 'لسان' && at - from < 20) from--;
    const named = from >= 0 && (tokens[from]!.norm === 'عن' || tokens[from]!.norm === 'لسان');
    const phrase = named ? parseArabicPhrase(tokens.slice(from + 1, at)) : arabicSubjectBefore(tokens.slice(0, at));
    return { ...(hasPhrase(phrase) ? { phrase } : {}), continuation: !hasPhrase(phrase), gender: saying, fragment: wordCount(tokens.slice(at + 1)) > 1 };
  },
};
