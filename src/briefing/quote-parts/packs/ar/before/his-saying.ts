/**
 * `نقلت وكالة X عن Y قوله: "…"`, `ونقل البيان على لسان المتحدثة، هيذر نويرت، قولها:`:
 * the one named after عن / لسان — failing a phrase, the name right before
 * قوله (`نقلت عن صديقه منذ الطفولة أبو بكر إبراهيم قوله`), else the last
 * speaker cited again. `ونقلت الوكالة عنه قوله`: the one the pronoun points
 * back to, never the one citing; `ونقلت المتحدثة باسم رئيس المفوضية جان كلود
 * يونكر عنه قوله`: the one the spokesperson speaks for. Otherwise the
 * sentence's subject.
 */
import { arabicSubjectBefore } from '../clauses';
import type { ArabicBeforeContext } from '../context';
import { ARABIC_SAYING, REPORT_VERBS } from '../lexicon';
import { arabicNameAt, parseArabicPhrase, type Phrase } from '../phrase';
import type { Rule } from '../../types';
import { hasPhrase, wordCount } from '../../../clause';
import type { Token } from '../../../tokens';

export const hisSaying: Rule<ArabicBeforeContext> = {
  name: 'his-saying',
  examples: [
    { input: 'ونقلت وكالة رويترز عن المتحدث باسم الجيش قوله: "العملية مستمرة"', expected: { role: 'المتحدث باسم الجيش', gender: 'm', fragment: false } },
    { input: 'ونقلت الصحيفة عن سارة الحربي قولها "نحن مستعدون"', expected: { name: 'سارة الحربي', gender: 'f' } },
    { input: 'ونقلت الصحيفة عن صديقه منذ الطفولة أبو بكر إبراهيم قوله: "كان هادئا"', expected: { name: 'أبو بكر إبراهيم', gender: 'm' } },
    { input: 'ونقلت الوكالة عنها قولها: "لن أستقيل"', expected: { continuation: true, gender: 'f' } },
    { input: 'ونقلت المتحدثة باسم رئيس المفوضية جان كلود يونكر عنه قوله: "نحن قلقون"', expected: { role: 'رئيس المفوضية', name: 'جان كلود يونكر', gender: 'm' } },
  ],
  match({ tokens, at, tok }) {
    const saying = ARABIC_SAYING.get(tok.norm);
    if (saying === undefined) return undefined;
    let from = at - 1;
    while (from >= 0 && tokens[from]!.norm !== 'عن' && tokens[from]!.norm !== 'لسان' && at - from < 20) from--;
    const fragment = wordCount(tokens.slice(at + 1)) > 1;
    if (from >= 0 && (tokens[from]!.norm === 'عن' || tokens[from]!.norm === 'لسان')) {
      const cited = parseArabicPhrase(tokens.slice(from + 1, at));
      const phrase = hasPhrase(cited) ? cited : nameEndingAt(tokens, from + 1, at);
      return { ...(phrase ? { phrase } : {}), continuation: !phrase, gender: saying, fragment };
    }
    const pronoun = tokens[at - 1]?.norm;
    if (pronoun === 'عنه' || pronoun === 'عنها') {
      const spokenFor = spokenForBy(tokens, at - 1);
      if (spokenFor) return { phrase: spokenFor, continuation: false, gender: saying, fragment };
      return { continuation: true, gender: pronoun === 'عنه' ? 'm' : 'f', fragment };
    }
    const phrase = arabicSubjectBefore(tokens.slice(0, at));
    return { ...(hasPhrase(phrase) ? { phrase } : {}), continuation: !hasPhrase(phrase), gender: saying, fragment };
  },
};

/** Most words of a name read back from the word it ends before. */
const MAX_NAME_WORDS = 4;

/** The name of two words or more ending right before `end` and starting at or after `start` (`صديقه منذ الطفولة أبو بكر إبراهيم`). */
function nameEndingAt(tokens: readonly Token[], start: number, end: number): Phrase | undefined {
  const upTo = tokens.slice(0, end);
  for (let k = Math.max(start, end - MAX_NAME_WORDS); k <= end - 2; k++) {
    // A first word with ة is a noun or adjective of the descriptor (منذ سنوات طويلة), no given name.
    const name = /[ةه]$/u.test(tokens[k]!.text) ? undefined : arabicNameAt(upTo, k);
    if (name && k + name.split(' ').length === end) return { name };
  }
  return undefined;
}

/**
 * `نقلت المتحدثة باسم رئيس المفوضية جان كلود يونكر عنه`: the subject of the
 * report verb before `pronoun` is a spokesperson, the pronoun is the person
 * named after باسم; that person speaks, with the role after باسم.
 */
function spokenForBy(tokens: readonly Token[], pronoun: number): Phrase | undefined {
  let verb = pronoun - 1;
  while (verb >= 0 && pronoun - verb <= 12 && !tokens[verb]!.punct && !REPORT_VERBS.has(tokens[verb]!.norm.replace(/^و/u, ''))) verb--;
  if (verb < 0 || tokens[verb]!.punct || pronoun - verb > 12) return undefined;
  const subject = tokens.slice(verb + 1, pronoun);
  const on = subject.findIndex((t) => t.norm === 'باسم');
  if (on < 1) return undefined;
  const phrase = parseArabicPhrase(subject.slice(on + 1));
  return phrase.name && phrase.role ? phrase : undefined;
}
