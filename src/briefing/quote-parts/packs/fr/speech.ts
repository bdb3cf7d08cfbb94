/** The French speech-word reader: « a déclaré », « souligne-t-elle », « selon », « en prévenant ». */
import { FR_GERUNDS, FR_PARTICIPLES, FR_PRESENT, FR_PRONOUNS } from './lexicon';
import type { Gender, SpeechMatch } from '../../../speech-verbs';

/** Split `déclare-t-il` / `a-t-elle` / `dit-il` into base and pronoun gender. */
function frenchInversion(token: string): { base: string; pronoun: Gender } | null {
  const m = /^(.+?)(?:-t)?-(il|elle|ils|elles|on)$/u.exec(token);
  if (!m) return null;
  return { base: m[1]!, pronoun: FR_PRONOUNS[m[2]!] ?? 'unknown' };
}

/** « a », « avait », « ont »: the auxiliary of a compound past (a déclaré). */
function isAuxiliary(token: string): boolean {
  return token === 'a' || token === 'avait' || token === 'ont';
}

/** Speech word at `tokens[i]` in French (tokens lower-cased). */
export function frenchSpeechWord(tokens: readonly string[], i: number): SpeechMatch | null {
  const t = tokens[i];
  if (t === undefined) return null;
  if (t === 'selon') return { kind: 'according', gender: 'unknown', length: 1 };
  if (t === "d'après" || t === 'd’après') return { kind: 'according', gender: 'unknown', length: 1 };
  const inv = frenchInversion(t);
  if (inv) {
    // a-t-il déclaré
    if ((inv.base === 'a' || inv.base === 'avait') && FR_PARTICIPLES.has(tokens[i + 1] ?? '')) {
      return { kind: 'verb', gender: inv.pronoun, length: 2, pronoun: inv.pronoun };
    }
    if (FR_PRESENT.has(inv.base) || FR_PARTICIPLES.has(inv.base)) {
      return { kind: 'verb', gender: inv.pronoun, length: 1, pronoun: inv.pronoun };
    }
    return null;
  }
  if (isAuxiliary(t) && FR_PARTICIPLES.has(tokens[i + 1] ?? '')) {
    return { kind: 'verb', gender: 'unknown', length: 2 };
  }
  // s'est exclamé, s'est félicité(e), s'est interrogé(e)
  if ((t === "s'est" || t === 's’est') && /^(exclamé|félicité|interrogé|emporté|insurgé|indigné|réjoui|inquiété)e?s?$/u.test(tokens[i + 1] ?? '')) {
    return { kind: 'verb', gender: (tokens[i + 1] ?? '').endsWith('e') ? 'f' : 'unknown', length: 2 };
  }
  // « a dit », « a écrit »: the participle is the second word of the verb read at the auxiliary, not a present tense of its own.
  if (FR_PRESENT.has(t) && !(isAuxiliary(tokens[i - 1] ?? '') && FR_PARTICIPLES.has(t))) return { kind: 'verb', gender: 'unknown', length: 1 };
  if (FR_GERUNDS.has(t)) return { kind: 'participle', gender: 'unknown', length: 1 };
  return null;
}
