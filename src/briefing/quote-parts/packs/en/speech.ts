/** The English speech-word reader: "said", "according to", "saying". */
import { EN_CHARACTERISING, EN_NAMING_VERBS, EN_PARTICIPLES, EN_PASSIVE_MARKS, EN_VERBS } from './lexicon';
import type { SpeechMatch } from '../../../speech-verbs';

/** A past form used as a passive participle: after be or an adverb (was described, widely condemned), or after a comma with no object ("The plan, described as"). */
function isPassive(tokens: readonly string[], i: number): boolean {
  const before = tokens[i - 1];
  if (before === undefined) return false;
  if (before === ',') return tokens[i + 1] === 'as' || tokens[i + 1] === 'by';
  return EN_PASSIVE_MARKS.has(before);
}

/** Speech word at `tokens[i]` in English (tokens lower-cased). */
export function englishSpeechWord(tokens: readonly string[], i: number): SpeechMatch | null {
  const t = tokens[i];
  if (t === undefined) return null;
  if (t === 'according' && tokens[i + 1] === 'to') return { kind: 'according', gender: 'unknown', length: 2 };
  // "a group called "…"" names a thing ("called it "…"" is the subject's words).
  if (EN_NAMING_VERBS.has(t) && i === tokens.length - 1) return null;
  if (EN_CHARACTERISING.has(t)) return t.endsWith('ed') && isPassive(tokens, i) ? null : { kind: 'verb', gender: 'unknown', length: 1 };
  if (EN_VERBS.has(t)) return { kind: EN_PARTICIPLES.has(t) ? 'participle' : 'verb', gender: 'unknown', length: 1 };
  return null;
}
