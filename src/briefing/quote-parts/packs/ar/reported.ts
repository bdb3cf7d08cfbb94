/**
 * Speakers of Arabic reported speech without a quotation (`وزعم بوتين أن …`,
 * `لكن مارلين تشرح أن …`, `وذكرت الصحيفة نقلا عن مسؤول أن …`): recorded so
 * that a later `وأضاف:` or `وتقول:` finds who it continues.
 */
import { arabicBefore } from './index';
import { isMediaHead, THAT_WORDS } from './lexicon';
import { isArabicRoleNoun, parseArabicPhrase, type Phrase } from './phrase';
import type { Token } from '../../tokens';
import { arabicSpeechWord, isAddresseeArabicVerb, isWeakArabicSpeechWord, needsArabicIntroducer, type Gender } from '../../../speech-verbs';

/** A speaker of reported speech and the gender its verb tells. */
export interface ReportedSpeaker {
  phrase: Phrase;
  gender: Gender;
}


/** The words after `i` up to the first mark other than a comma (`وقالت منى حسن، والدة الطفل، إن`) or إن/أن. */
function subjectAfter(tokens: readonly Token[], i: number): Token[] {
  const rest = tokens.slice(i + 1, i + 16);
  const stop = rest.findIndex((t) => (t.punct && t.norm !== '،' && t.norm !== ',') || THAT_WORDS.has(t.norm));
  return stop === -1 ? rest : rest.slice(0, stop);
}

/** An إن/أن or a colon follows the verb at `i` within its sentence (`فترى ابتسام عبد الرحمن، وهي موظفة، أن`). */
function introducedAfter(tokens: readonly Token[], i: number): boolean {
  for (let k = i + 1; k < tokens.length && k - i <= 24; k++) {
    const norm = tokens[k]!.norm;
    if (THAT_WORDS.has(norm) || norm === ':') return true;
    if (norm === '.' || norm === '؟' || norm === '!') return false;
  }
  return false;
}

/** A media outlet passes words on, it is nobody's speaker (`وذكرت صحيفة تايمز …`). */
function isMedia(phrase: Phrase, first: Token | undefined): boolean {
  return first !== undefined && isMediaHead(first.norm) && !phrase.name;
}

/** The speaker of the speech verb at `i`, if the words say who it is. */
function speakerOfVerb(tokens: readonly Token[], i: number, gender: Gender): ReportedSpeaker | null {
  if (isAddresseeArabicVerb(tokens[i]!.norm)) return null; // أبلغ ترامب: the one told
  const subject = subjectAfter(tokens, i);
  if (needsArabicIntroducer(tokens[i]!.norm) && !introducedAfter(tokens, i)) return null;
  const phrase = parseArabicPhrase(subject);
  if (phrase.name) return isMedia(phrase, subject[0]) ? null : { phrase, gender };
  // A role alone counts when a role or institution noun heads it (وقالت وزارة التجارة في بيان إن …);
  // after a verb that takes an object (دعت المؤسسة الحكومة إلى …) it is read strictly.
  if (phrase.role) {
    if (!isArabicRoleNoun(subject[0]!.norm) || isMedia(phrase, subject[0])) return null;
    const strict = isWeakArabicSpeechWord(tokens[i]!.norm) ? parseArabicPhrase(subject, true) : phrase;
    return strict.role && !strict.name ? { phrase: strict, gender } : null;
  }
  // لكن مارلين تشرح أن، أما علوية عز الدين، التي …، تقول إن: the subject stands before the verb.
  if (subject.length === 0 && THAT_WORDS.has(tokens[i + 1]?.norm ?? '')) {
    const before = arabicBefore(tokens.slice(0, i + 1));
    if (before?.phrase?.name) return { phrase: before.phrase, gender };
  }
  return null;
}

/** `نقلا عن مسؤول حكومي بريطاني`: the one cited speaks, not the outlet citing. */
function citedSource(tokens: readonly Token[], i: number): ReportedSpeaker | null {
  if (tokens[i + 1]?.norm !== 'عن') return null;
  const subject = subjectAfter(tokens, i + 1);
  const phrase = parseArabicPhrase(subject, true);
  if (!phrase.name && !phrase.role) return null;
  return isMedia(phrase, subject[0]) ? null : { phrase, gender: 'unknown' };
}

/**
 * The speakers of the reported speech in `tokens`, in order. `introduced`: only verbs
 * whose words are introduced by إن/أن or a colon (`وأكد ماكرون أن …`, not `تكشف غياب …`),
 * for sentences read in the middle of a paragraph.
 */
export function arabicReportedSpeakers(tokens: readonly Token[], introduced = false): ReportedSpeaker[] {
  const out: ReportedSpeaker[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const match = tokens[i]!.punct ? null : arabicSpeechWord(tokens[i]!.norm);
    if (introduced && match && !introducedAfter(tokens, i)) continue;
    const found = match?.kind === 'verb' ? speakerOfVerb(tokens, i, match.gender)
      : match?.kind === 'according' && /^و?نقلا$/u.test(tokens[i]!.norm) ? citedSource(tokens, i) : null;
    if (found) out.push(found);
  }
  return out;
}
