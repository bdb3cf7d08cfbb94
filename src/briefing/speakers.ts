/**
 * Who is speaking: the people and roles an article quotes, so that a role
 * (`الرئيس الروسي`, "the mayor") resolves to the name the article gives
 * elsewhere, a surname (`بوتين`) to the full name, and a continuation
 * (`وأضاف:`, "she added") to the last speaker of that gender.
 */
import { arabicNameAt, isArabicRoleNoun, isDefiniteToken, isNameWord, type Phrase } from './quotes/arabic-phrase';
import { latinNameAt, latinNameBefore } from './quotes/latin-phrase';
import { normForm, tokenize, type Token } from './quotes/tokens';
import type { Language } from './schema';
import type { Gender } from './speech-verbs';

/** A resolved speaker, as the `Quote` schema wants it. */
export interface ResolvedSpeaker {
  /** The person's name, else the role; never empty. */
  speaker: string;
  /** The role, when known. */
  speakerRole?: string;
}

interface Person {
  name?: string;
  role?: string;
  gender: Gender;
  /** When this person last spoke (increasing counter). */
  seen: number;
}

/** Longest text scanned for names (characters); bounds the cost on huge input. */
const SCAN_CHARS = 60_000;
/** Most article-wide look-ups per article. */
const MAX_SCANS = 40;
/** Longest speaker or role kept (characters). */
const MAX_SPEAKER = 120;

const LATIN_DETERMINERS = new Set(['the', 'a', 'an', 'le', 'la', 'les', "l'", 'un', 'une', 'its', 'his', 'her']);

function clip(text: string): string {
  const t = text.trim();
  if (t.length <= MAX_SPEAKER) return t;
  const cut = t.slice(0, MAX_SPEAKER);
  const space = cut.lastIndexOf(' ');
  return (space > 20 ? cut.slice(0, space) : cut) + '…';
}

/** The registry of an article's speakers. */
export class SpeakerBook {
  private readonly people: Person[] = [];
  private clock = 0;
  private articleTokens: Token[] | null = null;
  /** Positions of each normalised word in {@link articleTokens}. */
  private positions: Map<string, number[]> | null = null;
  private readonly keys = new Map<string, string[]>();
  private readonly lookups = new Map<string, string | undefined>();
  private scans = 0;
  private readonly arabic: boolean;

  /**
   * @param paragraphs the article's paragraphs, searched for names given to roles
   * @param language the article's language
   */
  constructor(private readonly paragraphs: readonly string[], language: Language) {
    this.arabic = language === 'ar';
  }

  /** Record an explicit speaker phrase and return who it is. */
  mention(phrase: Phrase, gender: Gender = 'unknown'): ResolvedSpeaker | null {
    const person = this.find(phrase);
    if (!person) return null;
    if (gender !== 'unknown' && person.gender === 'unknown') person.gender = gender;
    person.seen = ++this.clock;
    return this.resolved(person);
  }

  /** The last speaker, of `gender` when known ("she added", `وأضافت`). */
  continuation(gender: Gender = 'unknown'): ResolvedSpeaker | null {
    let best: Person | undefined;
    let fallback: Person | undefined;
    for (const p of this.people) {
      if (gender !== 'unknown' && p.gender === gender && (!best || p.seen > best.seen)) best = p;
      if ((gender === 'unknown' || p.gender === 'unknown' || p.gender === gender) && (!fallback || p.seen > fallback.seen)) fallback = p;
    }
    const person = best ?? fallback;
    if (!person) return null;
    if (gender !== 'unknown' && person.gender === 'unknown') person.gender = gender;
    person.seen = ++this.clock;
    return this.resolved(person);
  }

  private resolved(p: Person): ResolvedSpeaker | null {
    const speaker = p.name ?? p.role;
    if (!speaker) return null;
    const out: ResolvedSpeaker = { speaker: clip(speaker) };
    if (p.role) out.speakerRole = clip(p.role);
    return out;
  }

  /** Normalised words of a name or role (cached). */
  private keyOf(text: string): string[] {
    let key = this.keys.get(text);
    if (!key) {
      key = tokenize(text).filter((t) => !t.punct).map((t) => t.norm);
      this.keys.set(text, key);
    }
    return key;
  }

  /** Run an article-wide look-up once per question, within the scan budget. */
  private lookup(question: string, run: () => string | undefined): string | undefined {
    if (this.lookups.has(question)) return this.lookups.get(question);
    const answer = this.scans++ < MAX_SCANS ? run() : undefined;
    this.lookups.set(question, answer);
    return answer;
  }

  private find(phrase: Phrase): Person | null {
    const role = phrase.role?.trim() || undefined;
    let name = phrase.name?.trim() || undefined;
    if (!name && role && this.arabic && isSurnameLike(role)) {
      // `وقال العبادي`: a family name with ال, not a role.
      name = this.fullName(role) ?? role;
      return this.find({ name });
    }
    if (!name && role) {
      const sameRole = this.people.find((p) => p.role !== undefined && sameKey(this.keyOf(p.role), this.keyOf(role)));
      if (sameRole) return sameRole;
      name = this.nameForRole(role);
    }
    if (!name) {
      if (!role) return null;
      const person: Person = { role, gender: 'unknown', seen: 0 };
      this.people.push(person);
      return person;
    }
    const key = this.keyOf(name);
    const known = this.people.find((p) => p.name !== undefined && sameName(this.keyOf(p.name), key));
    if (known) {
      // A longer form replaces the known one only when it adds given names (بوتين → فلاديمير بوتين).
      const knownKey = this.keyOf(known.name!);
      if (key.length > knownKey.length && key[key.length - 1] === knownKey[knownKey.length - 1]) known.name = name;
      if (role && !known.role) known.role = role;
      return known;
    }
    const full = key.length === 1 ? this.fullName(name) ?? name : name;
    const person: Person = { name: full, gender: 'unknown', seen: 0 };
    if (role) person.role = role;
    // A role-only entry for the same role becomes this person.
    const roleOnly = role ? this.people.findIndex((p) => !p.name && p.role !== undefined && sameKey(this.keyOf(p.role), this.keyOf(role))) : -1;
    if (roleOnly !== -1) {
      const existing = this.people[roleOnly]!;
      existing.name = full;
      return existing;
    }
    this.people.push(person);
    return person;
  }

  private tokens(): Token[] {
    if (this.articleTokens) return this.articleTokens;
    const out: Token[] = [];
    let budget = SCAN_CHARS;
    for (const p of this.paragraphs) {
      if (budget <= 0) break;
      const text = p.length > budget ? p.slice(0, budget) : p;
      budget -= text.length;
      for (const t of tokenize(text)) out.push(t);
      out.push({ text: '.', norm: '.', punct: true, start: 0 });
    }
    this.articleTokens = out;
    return out;
  }

  /** Where the word `norm` occurs in the article's tokens. */
  private where(norm: string): readonly number[] {
    if (!this.positions) {
      const map = new Map<string, number[]>();
      const tokens = this.tokens();
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

  /** The name the article gives a role: `الرئيس الروسي فلاديمير بوتين`, "Mayor Jane Smith", "Jane Smith, the mayor". */
  private nameForRole(role: string): string | undefined {
    return this.lookup(`role:${role}`, () => this.scanRole(role));
  }

  private scanRole(role: string): string | undefined {
    let key = this.keyOf(role);
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

  /** The full name a lone surname stands for (`بوتين` → `فلاديمير بوتين`), from the article. */
  private fullName(surname: string): string | undefined {
    return this.lookup(`name:${surname}`, () => this.scanSurname(surname));
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
          if (tokens[j]!.punct || !isNameWord(norm) || /^(ال|لل|بال|وال)/u.test(norm)) break;
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

/** One definite word that is no role noun (العبادي, الأسد): a family name (or an institution, named as such). */
function isSurnameLike(role: string): boolean {
  const tokens = tokenize(role);
  return tokens.length === 1 && isDefiniteToken(tokens[0]!) && !isArabicRoleNoun(tokens[0]!.norm);
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

function sameKey(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** Same person: same words, or one name is a single word the other ends with or contains (surname). */
function sameName(a: readonly string[], b: readonly string[]): boolean {
  if (sameKey(a, b)) return true;
  if (a.length === 0 || b.length === 0) return false;
  if (a.length === 1) return a[0]!.length >= 3 && b.includes(a[0]!);
  if (b.length === 1) return b[0]!.length >= 3 && a.includes(b[0]!);
  return a[a.length - 1] === b[b.length - 1] && a[0] === b[0];
}
