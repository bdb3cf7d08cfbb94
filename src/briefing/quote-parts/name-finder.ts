/**
 * Article-wide name look-ups for the speaker registry: the name the article
 * gives a role (`الرئيس الروسي فلاديمير بوتين`, "Mayor Jane Smith", "Jane
 * Smith, the mayor") and the full name a lone surname stands for. Word
 * positions are indexed once, so each look-up costs the occurrences of one
 * word, not a scan of the article.
 */
import { arabicNameAt, isArabicRoleNoun, isDefiniteToken, isNameWord, startsGivenName } from './arabic-phrase';
import { latinNameAt, latinNameBefore } from './latin-phrase';
import type { TokenCache } from './token-cache';
import { normForm, tokenize, type Token } from './tokens';

/** Longest text scanned for names (characters); bounds the cost on huge input. */
const SCAN_CHARS = 60_000;
/** Word look-ups answered by a plain scan before the word index is built. */
const INDEX_AFTER = 12;
/** Most article-wide look-ups per article. */
const MAX_SCANS = 40;

const LATIN_DETERMINERS = new Set(['the', 'a', 'an', 'le', 'la', 'les', "l'", 'un', 'une', 'its', 'his', 'her']);

/** Name look-ups over one article's paragraphs. */
export class ArticleNames {
  private articleTokens: Token[] | null = null;
  /** Positions of each normalised word in {@link articleTokens}. */
  private positions: Map<string, number[]> | null = null;
  private readonly answers = new Map<string, string | undefined>();
  private scans = 0;
  private scanned = 0;

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

  /** Run a look-up once per question, within the scan budget. */
  private lookup(question: string, run: () => string | undefined): string | undefined {
    if (this.answers.has(question)) return this.answers.get(question);
    const answer = this.scans++ < MAX_SCANS ? run() : undefined;
    this.answers.set(question, answer);
    return answer;
  }

  private tokens(): Token[] {
    if (this.articleTokens) return this.articleTokens;
    const out: Token[] = [];
    let budget = SCAN_CHARS;
    for (let i = 0; i < this.paragraphs.length && budget > 0; i++) {
      budget -= this.paragraphs.chars(i);
      for (const t of this.paragraphs.get(i)) out.push(t);
      out.push({ text: '.', norm: '.', punct: true, start: 0 });
    }
    this.articleTokens = out;
    return out;
  }

  /**
   * Where the word `norm` occurs in the article's tokens. The first few
   * look-ups scan (short articles need no more); after that an index is built.
   */
  private where(norm: string): readonly number[] {
    const tokens = this.tokens();
    if (!this.positions && this.scanned < INDEX_AFTER) {
      this.scanned++;
      const out: number[] = [];
      for (let i = 0; i < tokens.length; i++) if (tokens[i]!.norm === norm) out.push(i);
      return out;
    }
    if (!this.positions) {
      const map = new Map<string, number[]>();
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i]!;
        if (t.punct) continue;
        const list = map.get(t.norm);
        if (list) list.push(i);
        else map.set(t.norm, [i]);
      }
      this.positions = map;
    }
    return this.positions.get(norm) ?? [];
  }

  /** Positions where a role's first word occurs, with Arabic prefixes (و، ب، ل، لل) allowed. */
  private whereFirst(word: string): number[] {
    const forms = this.arabic ? arabicForms(word) : [word];
    const out: number[] = [];
    for (const f of forms) out.push(...this.where(f));
    return out.sort((a, b) => a - b);
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
    const tokens = this.tokens();
    for (const k of candidates) {
      for (const i of this.whereFirst(k[0]!)) {
        if (i + k.length > tokens.length || !this.matchesAt(tokens, i, k)) continue;
        const after = this.arabic ? arabicNameAt(tokens, i + k.length) : latinNameAt(tokens, skipComplement(tokens, i + k.length));
        if (after) return after;
        if (!this.arabic) {
          const start = i > 0 && LATIN_DETERMINERS.has(tokens[i - 1]!.norm) ? i - 1 : i;
          const before = latinNameBefore(tokens, start);
          if (before && tokens[start - 1]?.norm === ',') return before;
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
    const tokens = this.tokens();
    for (const i of this.where(key)) {
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
