/**
 * The sentence after the quote points back at it: `"…". بهذه الكلمات أعلن X`,
 * `"…"، بهذه الكلمات شكر X`, `"…". جاءت هذه العبارات على لسان X`, `"…"،
 * جاءت هذه العبارات في فيديو للمغنية X`. Past a full stop, only this pattern
 * is read (its verdict is final, even nobody).
 */
import { sourceWords, tongueOf } from '../clauses';
import type { ArabicAfterContext } from '../context';
import { ARABIC_INTRODUCERS, CAME, DEMONSTRATIVES, INSTITUTION_HEADS, WORDS_SAID } from '../lexicon';
import { isArabicRoleNoun, isDefiniteToken, parseArabicPhrase } from '../phrase';
import type { Rule } from '../../types';
import { hasPhrase, type Attribution } from '../../../clause';
import { normForm, type Token } from '../../../tokens';
import { arabicSpeechWord } from '../../../../speech-verbs';

export const pointingBack: Rule<ArabicAfterContext> = {
  name: 'pointing-back',
  examples: [
    { input: '"شكرا لكم جميعا". بهذه الكلمات شكر اللاعب محمد صلاح جمهوره.', expected: { role: 'اللاعب', name: 'محمد صلاح' } },
    { input: '"لن نتراجع"، جاءت هذه العبارات على لسان وزير الدفاع.', expected: { role: 'وزير الدفاع' } },
    { input: '"لن نتراجع". وفي اليوم التالي قال الوزير إن الأمر انتهى', expected: null },
  ],
  match({ tokens, i }) {
    // "…". بهذه الكلمات أعلن X …، "…".. بهذه الكلمات تحدث X: the next sentence points back at the quote.
    let dots = i;
    while (tokens[dots]?.norm === '.' || tokens[dots]?.norm === '…') dots++;
    if (dots > i) return pointedBy(tokens, dots);
    return pointedBy(tokens, i) ?? undefined;
  },
};

/** The speaker named by words pointing back at the quote from token `k` (`بهذه الكلمات أعلن X`), else null. */
function pointedBy(tokens: readonly Token[], k: number): Attribution | null {
  const first = tokens[k]?.norm ?? '';
  const demonstrative = DEMONSTRATIVES.has(first) ? k : CAME.test(first) && DEMONSTRATIVES.has(tokens[k + 1]?.norm ?? '') ? k + 1 : -1;
  if (demonstrative === -1 || !WORDS_SAID.has(tokens[demonstrative + 1]?.norm ?? '')) return null;
  const next = demonstrative + 2;
  if (tokens[next]?.norm === 'علي' && tokens[next + 1]?.norm === 'لسان') {
    const phrase = tongueOf(tokens, next + 1);
    return phrase ? { phrase, continuation: false, gender: 'unknown', fragment: false } : null;
  }
  // جاءت هذه العبارات في أحدث فيديو للمغنية اللبنانية إليسا: the one whose video or interview it is.
  if (tokens[next]?.norm === 'في' && !first.startsWith('ب')) {
    for (let j = next + 1; j < tokens.length && j <= next + 5 && !tokens[j]!.punct; j++) {
      if (!/^ل/u.test(tokens[j]!.norm) || tokens[j]!.norm.length < 4) continue;
      const phrase = parseArabicPhrase(sourceWords(tokens.slice(j)));
      return phrase.name ? { phrase, continuation: false, gender: 'unknown', fragment: false } : null;
    }
    return null;
  }
  // بهذه الكلمات أعلن X، بهذه الكلمات شكر X: the verb, whichever it is, and its subject.
  const verb = tokens[next];
  if (!first.startsWith('ب') || !verb || verb.punct || isDefiniteToken(verb) || isArabicRoleNoun(verb.norm)) return null;
  const rest = tokens.slice(next + 1);
  const stop = rest.findIndex((t) => t.norm === ':' || t.norm === '.' || ARABIC_INTRODUCERS.has(t.norm));
  const phrase = parseArabicPhrase(stop === -1 ? rest : rest.slice(0, stop), true);
  // (نادي الزمالك read as the name نادي: an institution's head alone names nobody.)
  if (!hasPhrase(phrase) || (!phrase.role && INSTITUTION_HEADS.has(normForm(phrase.name!)))) return null;
  return { phrase, continuation: false, gender: arabicSpeechWord(verb.norm)?.gender ?? 'unknown', fragment: false };
}
