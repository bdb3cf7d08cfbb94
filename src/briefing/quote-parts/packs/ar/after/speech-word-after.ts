/**
 * `"…"، قال ترامب`, `"…"، بحسب وزارة الصحة`, `"…"، نقلا عن مسؤول`: the
 * subject of a bare speech verb or the source of بحسب/وفقا لـ; `"…"، قالت.`:
 * the last speaker. A verb with و starts a new sentence and says nothing of
 * the quote before it; a media outlet cited is nobody's speaker.
 */
import { isCiting, sourceWords } from '../clauses';
import type { ArabicAfterContext } from '../context';
import { ARABIC_INTRODUCERS, isMediaHead } from '../lexicon';
import { parseArabicPhrase } from '../phrase';
import type { Rule } from '../../types';
import { hasPhrase } from '../../../clause';
import { arabicSpeechWord, isBareArabicSpeechWord } from '../../../../speech-verbs';

export const speechWordAfter: Rule<ArabicAfterContext> = {
  name: 'speech-word-after',
  examples: [
    { input: '"لن نسمح بذلك"، قال الرئيس الأمريكي دونالد ترامب.', expected: { role: 'الرئيس الأمريكي', name: 'دونالد ترامب', gender: 'm' } },
    { input: '"ارتفع عدد الضحايا"، بحسب وزارة الصحة.', expected: { role: 'وزارة الصحة' } },
    { input: '"لن نتراجع"، قالت.', expected: { continuation: true, gender: 'f' } },
    { input: '"لن نتراجع"، نقلا عن وكالة رويترز.', expected: null },
    { input: '"لن نتراجع"، وقال الوزير إن الأمر انتهى', expected: null },
  ],
  match({ tokens, v }) {
    const tok = tokens[v];
    if (!tok || tok.punct) return null;
    const match = arabicSpeechWord(tok.norm);
    if (!match || match.kind === 'participle') return null;
    if (match.kind === 'verb' && !isBareArabicSpeechWord(tok.norm)) return null;
    let rest = tokens.slice(v + 1);
    if (match.kind === 'according') {
      if (rest[0] && rest[0].norm === 'تعبير') rest = rest.slice(1);
      rest = sourceWords(rest);
      if (isCiting(tok.norm) && isMediaHead(rest[0]?.norm ?? '')) return null;
    }
    const stop = rest.findIndex((t) => t.norm === ':' || ARABIC_INTRODUCERS.has(t.norm) || t.norm === '.');
    const phrase = parseArabicPhrase(stop === -1 ? rest : rest.slice(0, stop));
    if (hasPhrase(phrase)) return { phrase, continuation: false, gender: match.gender, fragment: false };
    if (match.kind === 'verb' && (stop === 0 || rest.length === 0 || rest[0]!.punct)) return { continuation: true, gender: match.gender, fragment: false };
    return null;
  },
};
