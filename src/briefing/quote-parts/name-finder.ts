/**
 * Article-wide name look-ups for the speaker registry: the name the article
 * gives a role (`الرئيس الروسي فلاديمير بوتين`, "Mayor Jane Smith", "Jane
 * Smith, the mayor") and the full name a lone surname stands for. A look-up
 * of an Arabic word tokenises only the paragraphs whose folded text holds
 * it, so it costs a search per paragraph, not a tokenisation of the article.
 */
import { arabicNameAt, isArabicRoleNoun, isDefiniteToken, isNameWord, arabicInstitutionAt, startsGivenName } from './packs/ar/phrase';
import { latinNameAt, latinNameBefore } from './packs/latin/phrase';
import type { TokenCache } from './token-cache';
import { foldedPattern, isArabicOnly, normForm, tokenize, type Token } from './tokens';
import type { Gender } from '../speech-verbs';

/** Longest text scanned for names (characters); bounds the cost on huge input. */
const SCAN_CHARS = 60_000;
/** Most article-wide look-ups per article. */
const MAX_SCANS = 40;

const LATIN_DETERMINERS = new Set(['the', 'a', 'an', 'le', 'la', 'les', "l'", 'un', 'une', 'its', 'his', 'her']);

/** Honorifics and the gender they tell (lower-case, as written before a surname). */
const HONORIFICS: ReadonlyMap<string, Gender> = new Map([
  ['m.', 'm'], ['mr', 'm'], ['mr.', 'm'], ['monsieur', 'm'], ['sir', 'm'],
  ['mme', 'f'], ['mme.', 'f'], ['mrs', 'f'], ['mrs.', 'f'], ['ms', 'f'], ['ms.', 'f'], ['madame', 'f'], ['mlle', 'f'], ['dame', 'f'],
]);

/** Where a word occurs: the tokens of its paragraph and its index among them. */
interface Place {
  tokens: readonly Token[];
  at: number;
}

/** Name look-ups over one article's paragraphs. */
export class ArticleNames {
  /** Number of paragraphs searched (the first ones, within {@link SCAN_CHARS}). */
  private searched = -1;
  private readonly answers = new Map<string, string | undefined>();
  /** The places found by {@link placesOf}, by search. */
  private readonly found = new Map<string, readonly Place[]>();
  private scans = 0;

  /**
   * @param paragraphs the article's paragraphs, tokenised once
   * @param arabic whether the article is Arabic (prefixes, definiteness) or Latin-script
   */
  constructor(private readonly paragraphs: TokenCache, private readonly arabic: boolean) {}

  /** The name the article gives `role`, if any. */
  nameForRole(role: string): string | undefined {
    return this.lookup(`role:${role}`, () => this.scanRole(role));
  }

  /** The full name a lone surname stands for (`بوتين` → `فلاديمير بوتين`), if the article gives one. */
  fullName(surname: string): string | undefined {
    return this.lookup(`name:${surname}`, () => this.scanSurname(surname));
  }

  /**
   * The full name the article gives an institution that a bare definite noun
   * (`الهيئة`, `الحكومة`) points back to: its first mention with a complement
   * (`هيئة الإذاعة البريطانية`, `الحكومة اليمنية`), if any.
   */
  institution(head: string): string | undefined {
    return this.lookup(`institution:${head}`, () => this.scanInstitution(head));
  }

  private scanInstitution(head: string): string | undefined {
    if (!this.arabic || !head.startsWith('ال')) return undefined;
    const stem = head.slice(2);
    // The indefinite head names the institution (هيئة الإذاعة البريطانية) more often than the definite one.
    const places = [...this.whereFirst(stem), ...this.whereFirst(head)];
    for (const { tokens, at } of places) {
      const first = tokens[at]!;
      const target = first.norm.endsWith(head) ? head : stem;
      const cut = first.norm.length - target.length;
      if (cut < 0) continue;
      const words = [{ ...first, text: first.text.slice(cut), norm: target }, ...tokens.slice(at + 1, at + 10)];
      const full = arabicInstitutionAt(words, 0);
      if (full) return full;
    }
    return undefined;
  }

  /**
   * The gender the article gives a Latin-script name by an honorific before
   * its last word anywhere (M. Macron, Mme Binet, Mr Obama, Mrs May), if any.
   */
  honorificGender(name: string): Gender | undefined {
    if (this.arabic) return undefined;
    const words = tokenize(name).filter((t) => !t.punct);
    const key = words[words.length - 1]?.norm;
    if (key === undefined) return undefined;
    const answer = this.lookup(`honorific:${key}`, () => {
      for (const { tokens, at } of this.placesOf(`word:${key}`, () => this.where(new Set([key]), key))) {
        const gender = HONORIFICS.get(tokens[at - 1]?.text.toLowerCase() ?? '');
        if (gender) return gender;
      }
      return undefined;
    });
    return answer as Gender | undefined;
  }

  /** Run a look-up once per question, within the scan budget. */
  private lookup(question: string, run: () => string | undefined): string | undefined {
    if (this.answers.has(question)) return this.answers.get(question);
    const answer = this.scans++ < MAX_SCANS ? run() : undefined;
    this.answers.set(question, answer);
    return answer;
  }

  /** Number of paragraphs searched: the first ones, until {@link SCAN_CHARS} are spent. */
  private searchedParagraphs(): number {
    if (this.searched === -1) {
      let budget = SCAN_CHARS;
      let i = 0;
      for (; i < this.paragraphs.length && budget > 0; i++) budget -= this.paragraphs.chars(i);
      this.searched = i;
    }
    return this.searched;
  }

  /**
   * Where a word whose normalised form is in `norms` occurs, in article
   * order. Every form must contain `needle`: when it is Arabic, only the
   * words where the fold-aware pattern of it matches are read, and a
   * paragraph where it does not match is never tokenised (the readers of a
   * place stop at the end of its paragraph, as at any full stop).
   */
  private where(norms: ReadonlySet<string>, needle: string): Place[] {
    const out: Place[] = [];
    const pattern = isArabicOnly(needle) ? foldedPattern(needle) : null;
    for (let p = 0; p < this.searchedParagraphs(); p++) {
      if (!pattern) {
        const tokens = this.paragraphs.get(p);
        for (let i = 0; i < tokens.length; i++) if (norms.has(tokens[i]!.norm)) out.push({ tokens, at: i });
        continue;
      }
      const text = this.paragraphs.text(p);
      pattern.lastIndex = 0;
      let match = pattern.exec(text);
      if (!match) continue;
      const tokens = this.paragraphs.get(p);
      let last = -1;
      // A match lies inside one word (it holds Arabic letters and marks only): the word starting last before it.
      for (; match; match = pattern.exec(text)) {
        const at = lastStartingAt(tokens, match.index);
        if (at !== last && norms.has(tokens[at]!.norm)) out.push({ tokens, at });
        last = at;
      }
    }
    return out;
  }

  /** Places of a role's first word, with Arabic prefixes (و، ب، ل، لل) allowed. */
  private whereFirst(word: string): readonly Place[] {
    // Every prefixed form holds the word, or its stem after ال (للرئيس).
    return this.placesOf(`first:${word}`, () => (this.arabic
      ? this.where(new Set(arabicForms(word)), word.startsWith('ال') ? word.slice(2) : word)
      : this.where(new Set([word]), word)));
  }

  /** Places of one search, found once per article: roles share their first word (الرئيس، الرئيس الروسي), surnames recur. */
  private placesOf(search: string, find: () => Place[]): readonly Place[] {
    let places = this.found.get(search);
    if (!places) {
      places = find();
      this.found.set(search, places);
    }
    return places;
  }

  private scanRole(role: string): string | undefined {
    let key = tokenize(role).filter((t) => !t.punct).map((t) => t.norm);
    if (!this.arabic) {
      while (key.length > 1 && LATIN_DETERMINERS.has(key[0]!)) key = key.slice(1);
    }
    if (key.length === 0) return undefined;
    // An indefinite role (`دبلوماسي أوروبي`, "a diplomat") names nobody in particular.
    if (this.arabic ? !tokenize(role).some((t) => isDefiniteToken(t)) : /^(a|an|un|une|des|some|one)\s/iu.test(role)) return undefined;
    const candidates = [key];
    if (!this.arabic) {
      const of = key.findIndex((w) => w === 'of' || w === 'de' || w === 'du' || w === 'for');
      if (of > 0) candidates.push(key.slice(0, of));
    }
    for (const k of candidates) {
      for (const { tokens, at: i } of this.whereFirst(k[0]!)) {
        if (i + k.length > tokens.length || !this.matchesAt(tokens, i, k)) continue;
        const after = this.arabic ? arabicNameAfterRole(tokens, i + k.length) ?? arabicNameBeforeRole(tokens, i)
          : latinNameAt(tokens, skipComplement(tokens, i + k.length));
        if (after) return after;
        if (!this.arabic) {
          const start = i > 0 && LATIN_DETERMINERS.has(tokens[i - 1]!.norm) ? i - 1 : i;
          const before = latinNameBefore(tokens, start);
          // "Jane Smith, the mayor, said": an apposition closes (comma, full stop); "… with Mark Rutte, the US President said" does not.
          const end = tokens[skipComplement(tokens, i + k.length)]?.norm;
          if (before && tokens[start - 1]?.norm === ',' && (end === undefined || end === ',' || end === '.' || end === ')')) return before;
        }
      }
    }
    return undefined;
  }

  private matchesAt(tokens: readonly Token[], i: number, key: readonly string[]): boolean {
    for (let j = 0; j < key.length; j++) {
      const t = tokens[i + j]!.norm;
      const k = key[j]!;
      if (t === k) continue;
      if (j === 0 && this.arabic && arabicPrefixed(t, k)) continue;
      return false;
    }
    return true;
  }

  private scanSurname(surname: string): string | undefined {
    const key = normForm(surname);
    for (const { tokens, at: i } of this.placesOf(`word:${key}`, () => this.where(new Set([key]), key))) {
      if (i === 0) continue;
      if (this.arabic) {
        const parts: string[] = [];
        let j = i - 1;
        while (j >= 0 && parts.length < 3) {
          const norm = tokens[j]!.norm;
          // Given names carry no article, no glued ل, and do not end in ة (لحملة ترامب is no name).
          if (tokens[j]!.punct || !isNameWord(norm) || /ة$/u.test(tokens[j]!.text)) break;
          if (/^(ال|لل|بال|وال|ل)/u.test(norm) && !(parts.length === 0 && startsGivenName(tokens, j))) break;
          parts.unshift(tokens[j]!.text);
          j--;
        }
        // Only trust the words before a surname when a role introduces them (الرئيس الروسي فلاديمير بوتين).
        if (parts.length > 0 && roleLeads(tokens, j)) {
          return [...parts, tokens[i]!.text].join(' ');
        }
      } else {
        const before = latinNameBefore(tokens, i);
        if (before) return `${before} ${tokens[i]!.text}`;
      }
    }
    return undefined;
  }
}

/** A comma of either script. */
function isComma(tok: Token | undefined): boolean {
  return tok !== undefined && (tok.norm === '،' || tok.norm === ',');
}

/**
 * The name right after a role ending before `j`: `الرئيس الروسي فلاديمير
 * بوتين`, in apposition (`وزير الخارجية المصري، سامح شكري،`), or after a
 * complement with ل (`المدير العام لبي بي سي، توني هول،`). A name after a
 * comma counts only when another mark closes it.
 */
function arabicNameAfterRole(tokens: readonly Token[], j: number): string | undefined {
  const direct = arabicNameAt(tokens, j);
  if (direct) return direct;
  let k = j;
  if (/^ل[^ل]/u.test(tokens[k]?.norm ?? '')) {
    while (k < tokens.length && k - j < 4 && !tokens[k]!.punct) k++;
  }
  if (!isComma(tokens[k])) return undefined;
  const name = arabicNameAt(tokens, k + 1, true);
  if (!name) return undefined;
  const close = tokens[k + 1 + name.split(' ').length];
  return close === undefined || close.punct ? name : undefined;
}

/** `عبد الله بليحق، المتحدث الرسمي باسم …`: a name opening the clause, then the role at `i` in apposition. */
function arabicNameBeforeRole(tokens: readonly Token[], i: number): string | undefined {
  if (!isComma(tokens[i - 1])) return undefined;
  let j = i - 2;
  const parts: string[] = [];
  while (j >= 0 && parts.length < 4 && !tokens[j]!.punct && isNameWord(tokens[j]!.norm) && !/ة$/u.test(tokens[j]!.text)) {
    // Only a family name (السيسي) or a joined name (عبد الله) carries ال.
    if (isDefiniteToken(tokens[j]!) && !(parts.length === 0 && /ي$/u.test(tokens[j]!.norm)) && !/^ال(له|دين|رحمن)$/u.test(tokens[j]!.norm)) break;
    parts.unshift(tokens[j]!.text);
    j--;
  }
  if (parts.length === 0 || (j >= 0 && !tokens[j]!.punct)) return undefined;
  return parts.join(' ');
}

/** Index of the last token starting at or before `index` (the first token when none does). */
function lastStartingAt(tokens: readonly Token[], index: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start <= index) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** A role noun at `j` or just before it, through its adjectives (`الرئيس الروسي` before فلاديمير بوتين). */
function roleLeads(tokens: readonly Token[], j: number): boolean {
  for (let k = j; k >= 0 && j - k < 4; k--) {
    const t = tokens[k]!;
    if (t.punct) return false;
    if (isArabicRoleNoun(t.norm)) return true;
    if (!/^(ال|لل)/u.test(t.norm)) return false;
  }
  return false;
}

/** Skip a place complement after a Latin-script role: "mayor of Springfield", "maire de Lyon". */
function skipComplement(tokens: readonly Token[], j: number): number {
  if (!/^(of|de|du|des|d'|for)$/u.test(tokens[j]?.norm ?? '')) return j;
  let k = j + 1;
  while (k < tokens.length && /^(the|la|le|les|l')$/u.test(tokens[k]!.norm)) k++;
  const start = k;
  while (k < tokens.length && k - start < 3 && /^\p{Lu}/u.test(tokens[k]!.text)) k++;
  return k > start && tokens[k]?.norm === ',' ? k : j;
}

/** A word as it may be written with a conjunction or preposition glued on (الرئيس، والرئيس، للرئيس…). */
function arabicForms(key: string): string[] {
  const forms = [key, 'و' + key, 'ب' + key, 'ف' + key, 'ل' + key];
  if (key.startsWith('ال')) {
    const stem = key.slice(2);
    forms.push('لل' + stem, 'ولل' + stem, 'بال' + stem, 'وال' + stem);
  }
  return forms;
}

function arabicPrefixed(token: string, key: string): boolean {
  if (token === 'و' + key || token === 'ب' + key || token === 'ف' + key) return true;
  if (key.startsWith('ال')) {
    const stem = key.slice(2);
    return token === 'لل' + stem || token === 'ولل' + stem || token === 'بال' + stem || token === 'وال' + stem;
  }
  return token === 'ل' + key;
}
