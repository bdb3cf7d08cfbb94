/**
 * Who is speaking: the people and roles an article quotes, so that a role
 * (`الرئيس الروسي`, "the mayor") resolves to the name the article gives
 * elsewhere, a surname (`بوتين`) to the full name, and a continuation
 * (`وأضاف:`, "she added") to the last speaker of that gender.
 */
import { isArabicRoleNoun, isDefiniteToken, type Phrase } from './quote-parts/arabic-phrase';
import { isLatinDescriptor, plausibleLatin, type LatinPhrase } from './quote-parts/latin-phrase';
import { ArticleNames } from './quote-parts/name-finder';
import { TokenCache } from './quote-parts/token-cache';
import { tokenize } from './quote-parts/tokens';
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
  /** True when {@link gender} is only a hint (`le maire` said of a woman): a pronoun of the other gender may still refer to them. */
  weak?: boolean;
  /** When this person last spoke (increasing counter). */
  seen: number;
  /** Quotes attributed to this person so far. */
  quotes?: number;
}

/** Longest speaker or role kept (characters). */
const MAX_SPEAKER = 120;

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
  private readonly keys = new Map<string, string[]>();
  private readonly names: ArticleNames;
  private readonly arabic: boolean;

  /**
   * @param paragraphs the article's paragraphs (or their shared tokens), searched for names given to roles
   * @param language the article's language
   */
  constructor(paragraphs: readonly string[] | TokenCache, language: Language) {
    this.arabic = language === 'ar';
    this.names = new ArticleNames(paragraphs instanceof TokenCache ? paragraphs : new TokenCache(paragraphs), this.arabic);
  }

  /** Record an explicit speaker phrase and return who it is; `quoted` when a quote is attributed to it. */
  mention(phrase: Phrase, gender: Gender = 'unknown', quoted = false): ResolvedSpeaker | null {
    if (!this.arabic && !plausiblePhrase(phrase)) return null;
    const person = this.find(phrase);
    if (!person) return null;
    if (quoted) person.quotes = (person.quotes ?? 0) + 1;
    if (gender !== 'unknown' && (person.gender === 'unknown' || (person.weak && !phrase.weakGender))) {
      person.gender = gender;
      person.weak = phrase.weakGender === true;
    }
    person.seen = ++this.clock;
    return this.resolved(person);
  }

  /** Record a lone surname as the latest mention of the person already named with it (`Raman also addressed…`); nothing when nobody is. */
  mentionKnown(surname: string, gender: Gender = 'unknown'): void {
    const key = this.keyOf(surname);
    if (key.length !== 1 || key[0]!.length < 3) return;
    const person = this.people.find((p) => p.name !== undefined && this.keyOf(p.name).includes(key[0]!));
    if (!person) return;
    if (gender !== 'unknown' && person.gender === 'unknown') person.gender = gender;
    person.seen = ++this.clock;
  }

  /** The last speaker, of `gender` when known ("she added", `وأضافت`); `quoted` when a quote is attributed to them. */
  continuation(gender: Gender = 'unknown', quoted = false): ResolvedSpeaker | null {
    // The most recently mentioned person the pronoun or verb form can refer to: a known gender
    // must agree, an unknown one does not disqualify (most English names tell none).
    // A gender that was only a hint (`le maire`) gives way when nobody else fits.
    let person = gender === 'unknown' ? this.lastOf(gender, false) : this.lastOf(gender, true);
    // A more recent speaker whose (hinted) gender disagrees loses to one whose gender is known to agree.
    if (person?.weak && person.gender !== gender && this.people.some((p) => p.gender === gender)) person = this.lastOf(gender, false);
    if (!person) return null;
    if (gender !== 'unknown' && (person.gender === 'unknown' || person.gender !== gender)) {
      person.gender = gender;
      person.weak = false;
    }
    person.seen = ++this.clock;
    if (quoted) person.quotes = (person.quotes ?? 0) + 1;
    return this.resolved(person);
  }

  /**
   * The article's main speaker so far: the named person quoted most (at
   * least twice, strictly more than anyone else), whose gender may be
   * `gender`. A definite descriptor the article never names (la
   * syndicaliste, the analyst) refers to them.
   */
  private mainSpeaker(gender: Gender | undefined): Person | undefined {
    let best: Person | undefined;
    let tie = false;
    for (const p of this.people) {
      if (!p.name || (p.quotes ?? 0) < 2) continue;
      if (!best || p.quotes! > best.quotes!) {
        best = p;
        tie = false;
      } else if (p.quotes === best.quotes) tie = true;
    }
    if (!best || tie) return undefined;
    return gender === undefined || gender === 'unknown' || best.gender === 'unknown' || best.gender === gender ? best : undefined;
  }

  /** The most recent person `gender` may refer to; with `loose`, a weak gender of the other kind does not exclude. */
  private lastOf(gender: Gender, loose: boolean): Person | undefined {
    let person: Person | undefined;
    for (const p of this.people) {
      if (gender !== 'unknown' && p.gender !== 'unknown' && p.gender !== gender && !(loose && p.weak)) continue;
      if (!person || p.seen > person.seen) person = p;
    }
    return person;
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

  private find(phrase: Phrase): Person | null {
    const role = phrase.role?.trim() || undefined;
    let name = phrase.name?.trim() || undefined;
    if (!name && role && this.arabic && isSurnameLike(role)) {
      // `وقال العبادي`: a family name with ال, not a role.
      name = this.names.fullName(role) ?? role;
      return this.find({ name });
    }
    if (!name && role) {
      const sameRole = this.people.find((p) => p.role !== undefined && sameKey(this.keyOf(p.role), this.keyOf(role)));
      if (sameRole) return sameRole;
      name = this.names.nameForRole(role);
      const main = !name && !this.arabic && isLatinDescriptor(role) ? this.mainSpeaker((phrase as LatinPhrase).gender) : undefined;
      if (main) return main;
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
    const full = key.length === 1 ? this.names.fullName(name) ?? name : name;
    // Latin script: M. Macron / Mme Binet anywhere in the article tells the person's gender.
    const person: Person = { name: full, gender: this.names.honorificGender(full) ?? 'unknown', seen: 0 };
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
}

/** One definite word that is no role noun (العبادي, الأسد): a family name (or an institution, named as such). */
function isSurnameLike(role: string): boolean {
  const tokens = tokenize(role);
  return tokens.length === 1 && isDefiniteToken(tokens[0]!) && !isArabicRoleNoun(tokens[0]!.norm);
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

/** English/French phrases that cannot name a speaker ("he told journalists", "gouverneur de la Banque de"). */
function plausiblePhrase(phrase: Phrase): boolean {
  return (phrase.name === undefined || plausibleLatin(phrase.name)) && (phrase.role === undefined || plausibleLatin(phrase.role));
}
