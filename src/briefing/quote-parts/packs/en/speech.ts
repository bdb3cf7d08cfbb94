/** The English speech-word reader: "said", "according to", "saying". */
import { EN_PARTICIPLES, EN_VERBS } from './lexicon';
import type { SpeechMatch } from '../../../speech-verbs';

/** Speech word at `tokens[i]` in English (tokens lower-cased). */
export function englishSpeechWord(tokens: readonly string[], i: number): SpeechMatch | null {
  const t = tokens[i];
  if (t === undefined) return null;
  if (t === 'according' && tokens[i + 1] === 'to') return { kind: 'according', gender: 'unknown', length: 2 };
  if (EN_VERBS.has(t)) return { kind: EN_PARTICIPLES.has(t) ? 'participle' : 'verb', gender: 'unknown', length: 1 };
  return null;
}
