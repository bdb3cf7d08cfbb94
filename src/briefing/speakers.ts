/**
 * Who is speaking: the people and roles an article quotes, so that a role
 * (`الرئيس الروسي`, "the mayor") resolves to the name the article gives
 * elsewhere, a surname (`بوتين`) to the full name, and a continuation
 * (`وأضاف:`, "she added") to the last speaker of that gender.
 */
import { stripArabicPrefixes } from './arabic';
import { DOCUMENT_ANAPHORS, EVENT_HEADS, INSTITUTION_HEADS, JOINT_STATEMENT, LEADER_GROUPS, NEVER_SPEAKERS, PARENT_SAID_AGAIN } from './quote-parts/packs/ar/lexicon';
import { isArabicAgeDescription, isArabicOriginAdjective, isArabicRoleNoun, isDefiniteToken, parseArabicPhrase, type Phrase } from './quote-parts/packs/ar/phrase';
import { clauseLikeRole, isLatinDescriptor, plausibleLatin, type LatinPhrase } from './quote-parts/packs/latin/phrase';
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
  /** When this person last spoke (a quote or reported speech, not a sentence they are only the subject of): the issuer a document points back to. */
  spoke?: number;
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

  /**
   * Record an explicit speaker phrase and return who it is; `quoted` when a quote is attributed to it;
   * `speaking` false for the subject of a sentence that reports no words (`ورفض الوزير …`).
   */
  mention(phrase: Phrase, gender: Gender = 'unknown', quoted = false, speaking = true): ResolvedSpeaker | null {
    if (!this.arabic && !plausiblePhrase(phrase)) return null;
    const anaphor = this.arabic ? this.anaphor(phrase) : undefined;
    if (anaphor === 'document') return this.lastSpeaker();
    if (anaphor === null) return null;
    const person = anaphor ?? this.find(phrase);
    if (!person) return null;
    if (quoted) person.quotes = (person.quotes ?? 0) + 1;
    if (gender !== 'unknown' && (person.gender === 'unknown' || (person.weak && !phrase.weakGender))) {
      person.gender = gender;
      person.weak = phrase.weakGender === true;
    }
    person.seen = ++this.clock;
    if (speaking) person.spoke = this.clock;
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
    person.spoke = this.clock;
    if (quoted) person.quotes = (person.quotes ?? 0) + 1;
    return this.resolved(person);
  }

  /**
   * The one who spoke last, whatever the gender (the issuer of `البيان`, `المصدر`): a document never
   * speaks itself, nor is it issued by someone a later sentence only names (`ورفض الوزير …`).
   */
  private lastSpeaker(): ResolvedSpeaker | null {
    // A bare noun (الصحيفة، مصدر) is no issuer to name.
    let person: Person | undefined;
    for (const p of this.people) {
      if (p.spoke !== undefined && (p.name !== undefined || this.keyOf(p.role ?? '').length > 1) && (!person || p.spoke > person.spoke!)) person = p;
    }
    if (!person) return null;
    person.seen = ++this.clock;
    person.spoke = this.clock;
    return this.resolved(person);
  }

  /**
   * A phrase that only points back (`البيان`, `المصدر ذاته`, `الشركة`,
   * `الحكومة`): 'document' for a document or source (its issuer speaks),
   * the institution it stands for, `null` when the article names none,
   * `undefined` when the phrase is no such pointer. `بيان كاري`, `بيان صادر
   * عن X` are the issuer's words.
   */
  private anaphor(phrase: Phrase): Person | 'document' | null | undefined {
    if (phrase.name || !phrase.role) return undefined;
    const words = this.keyOf(phrase.role);
    const head = words[0] ?? '';
    const stem = stripArabicPrefixes(head);
    if (DOCUMENT_ANAPHORS.has(head) || (head.startsWith('ال') && DOCUMENT_ANAPHORS.has(stem))) {
      // البيان الختامي المشترك للقمة: the leaders the article named, else nobody.
      if (head.startsWith('ال') && JOINT_STATEMENT.has(words[1] ?? '')) return this.jointIssuer(phrase.role) ?? this.leaders() ?? null;
      if (head.startsWith('ال') || words.length === 1) return 'document';
      const issuer = issuerPhrase(phrase.role);
      return issuer ? this.find(issuer) : 'document';
    }
    // وقالت الدنماركية: a feminine adjective of origin stands for the woman last named, never a family name.
    if (words.length === 1 && head.startsWith('ال') && /يه$/u.test(head) && !isArabicRoleNoun(head)) {
      return this.latest((p) => p.gender === 'f' && p.name !== undefined) ?? null;
    }
    // وقال الزعماء في بيانهم: the leaders named with their group (زعماء مجموعة السبع).
    if (words.length === 1 && head.startsWith('ال') && LEADER_GROUPS.has(stem)) return this.leaders(head);
    if (words.length !== 1 || !head.startsWith('ال') || !INSTITUTION_HEADS.has(stem)) return undefined;
    // The institution itself, as named or (unnamed) by its role: a person whose role mentions it is someone else.
    const known = this.latest((p) => {
      const key = this.keyOf(p.name ?? p.role ?? '');
      return key.length > 1 && stripArabicPrefixes(key[0]!) === stem;
    });
    if (known) return known;
    const full = this.names.institution(head);
    return full ? this.find({ role: full }) : null;
  }

  /**
   * The leaders of the group the article names (`زعماء مجموعة السبع`, `قادة
   * الاتحاد الأوروبي`), through the plural `head` when given, else either.
   */
  private leaders(head?: string): Person | undefined {
    for (const plural of head ? [head] : [...LEADER_GROUPS].map((w) => 'ال' + w)) {
      const full = this.names.institution(plural);
      // Of a body (مجموعة السبع، الاتحاد الأوروبي، الدول العربية), not the first of a list of countries (زعماء فرنسا وألمانيا).
      const body = full ? stripArabicPrefixes(this.keyOf(full)[1] ?? '') : '';
      if (INSTITUTION_HEADS.has(body) || body === 'دول') return this.find({ role: full! }) ?? undefined;
    }
    return undefined;
  }

  /** `البيان الختامي لوزراء المالية`: the body a joint statement names as its own (not an event: للقمة، لاجتماع). */
  private jointIssuer(role: string): Person | undefined {
    const words = tokenize(role).filter((t) => !t.punct);
    let k = 1;
    while (k < words.length && JOINT_STATEMENT.has(words[k]!.norm)) k++;
    const first = words[k];
    if (!first || !/^ل[^ل]/u.test(first.norm) || EVENT_HEADS.has(first.norm.slice(1))) return undefined;
    const issuer = issuerPhrase([words[0]!.text, ...words.slice(k).map((t) => t.text)].join(' '));
    return issuer?.role && !issuer.name && this.keyOf(issuer.role).length > 1 ? this.find(issuer) ?? undefined : undefined;
  }

  /** The most recently seen person that `test` accepts. */
  private latest(test: (p: Person) => boolean): Person | undefined {
    let person: Person | undefined;
    for (const p of this.people) if (test(p) && (!person || p.seen > person.seen)) person = p;
    return person;
  }

  /**
   * A definite role said again in short (`المتحدث الإثيوبي` for `المتحدث باسم
   * الخارجية الإثيوبية ملس ألم`, `المتحدثة` for `متحدثة باسم شرطة لندن`): the
   * one person whose role has the same head noun and every other word of it;
   * الأم، الأب stand for والدة، والد.
   */
  private shortRole(role: string): Person | undefined {
    const key = this.keyOf(role).map(roleWordStem);
    if (key.length === 0 || !this.keyOf(role)[0]!.startsWith('ال')) return undefined;
    // وقالت الأم: the mother named before as والدة X.
    key[0] = PARENT_SAID_AGAIN.get(key[0]!.replace(/^ال/u, '')) ?? key[0]!;
    const fits = this.people.filter((p) => {
      if (p.role === undefined || (key.length > 1 && !p.name)) return false;
      const other = this.keyOf(p.role).map(roleWordStem);
      if (other[0] !== key[0]) return false;
      // الوزيرة البريطانية for وزيرة الداخلية آمبر راد: an adjective of origin the full role leaves out, when it has none of its own.
      // (A bare head, الرئيس، الشيخ, tells nothing the adjective could agree with.)
      // Only for people: an institution said again with an adjective (الشرطة النيوزيلندية) may be another one.
      const origins = other.length > 1 && !INSTITUTION_HEADS.has(key[0]!) && !other.slice(1).some(isArabicOriginAdjective);
      return key.slice(1).every((w) => other.some((o) => sameStem(o, w)) || (origins && isArabicOriginAdjective(w)));
    });
    return fits.length === 1 ? fits[0] : undefined;
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
    // وتشير الأرقام الواردة …: figures and case papers are no one; أرقام الأمم المتحدة: those of the body named after them.
    const head = this.arabic && role ? this.keyOf(role)[0]?.replace(/^(لل|ل|و|ف)(?=ال)/u, '') ?? '' : '';
    if (!name && role && NEVER_SPEAKERS.has(head)) {
      const source = role.split(/\s+/u).slice(1).join(' ');
      return head.startsWith('ال') || source === '' ? null : this.find({ role: source });
    }
    // وقالت الأم: the mother named before as والدة X, when the article has one.
    const parent = !name && role && this.arabic && PARENT_SAID_AGAIN.has(head.replace(/^ال/u, '')) ? this.shortRole(role) : undefined;
    if (parent) return parent;
    if (!name && role && this.arabic && isSurnameLike(role)) {
      // `وقال العبادي`: a family name with ال, not a role.
      name = this.names.fullName(role) ?? role;
      return this.find({ name });
    }
    if (!name && role) {
      const sameRole = this.people.find((p) => p.role !== undefined && sameKey(this.keyOf(p.role), this.keyOf(role)));
      if (sameRole) return sameRole;
      // فتاة تبلغ من العمر 15 عاما: someone the article does not name; the words after the description are no name.
      name = this.arabic && isArabicAgeDescription(tokenize(role)) ? undefined : this.names.nameForRole(role);
      if (!name && this.arabic) {
        const short = this.shortRole(role);
        if (short) return short;
      }
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
      // A lone given name read first (محمد) gives way to the whole name given with a role (وزير المياه محمد النجار).
      if (key.length > knownKey.length && (key[key.length - 1] === knownKey[knownKey.length - 1] || (role && knownKey.length === 1 && key[0] === knownKey[0]))) known.name = name;
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

/**
 * The `index`-th word of a role without its prefixes (للمنتخب → منتخب); the
 * head only loses its article (الوزيرة → وزيرة: the و of وزيرة is no conjunction).
 */
function roleWordStem(word: string, index: number): string {
  if (index > 0) return stripArabicPrefixes(word);
  return word.startsWith('ال') && word.length > 4 ? word.slice(2) : word;
}

/** Two words of one stem, masculine and feminine alike (الإثيوبي، الإثيوبية). */
function sameStem(a: string, b: string): boolean {
  const cut = (w: string): string => w.replace(/(يه|ي|ه)$/u, '');
  return a === b || (cut(a).length >= 3 && cut(a) === cut(b));
}

/** `بيان كاري`, `بيان صادر عن مكتب رئاسة الوزراء`: who issued the document, if the phrase says. */
function issuerPhrase(role: string): Phrase | undefined {
  const tokens = tokenize(role).filter((t) => !t.punct);
  let k = 1;
  if (/^(ال)?صادر(ه)?$/u.test(tokens[k]?.norm ?? '')) k++;
  if (/^(عن|من|ل)$/u.test(tokens[k]?.norm ?? '')) k++;
  const rest = tokens.slice(k);
  // بيان للحكومة الإسرائيلية، بيان لوزارة الصحة: ل glued to the issuer.
  const first = rest[0];
  if (first && /^ل/u.test(first.norm) && first.norm.length > 3) {
    // للحكومة → الحكومة, لوزارة → وزارة.
    const article = first.norm.startsWith('لل') ? 'ا' : '';
    rest[0] = { ...first, text: article + first.text.slice(1), norm: article + first.norm.slice(1) };
  }
  const phrase = parseArabicPhrase(rest);
  return phrase.name || phrase.role ? phrase : undefined;
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
  // Al Saud ~ Abu Anas Al Saud, de Gaulle ~ Charles de Gaulle (Latin script): a surname of several words ends the full name.
  if (endsLatinName(a, b) || endsLatinName(b, a)) return true;
  // زيد رعد الحسين ~ زيد بن رعد الحسين ~ زيد بن رعد: the same first name, and one name's words (بن aside) all in the other.
  if (a[0] !== b[0]) return false;
  if (a[a.length - 1] === b[b.length - 1]) return true;
  const x = a.filter((w) => !SON_OF.has(w));
  const y = b.filter((w) => !SON_OF.has(w));
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

/** True when `short` (two words or more, Latin script) is the last words of the longer `full`. */
function endsLatinName(short: readonly string[], full: readonly string[]): boolean {
  if (short.length < 2 || full.length <= short.length || !/^\p{Script=Latin}/u.test(short[0]!)) return false;
  return short.every((w, k) => full[full.length - short.length + k] === w);
}

/** "Son of" inside a name (محمد بن سلمان), left out when two forms of a name are compared. */
const SON_OF: ReadonlySet<string> = new Set(['بن', 'ابن', 'bin', 'ibn']);

/** English/French phrases that cannot name a speaker ("he told journalists", "gouverneur de la Banque de"). */
function plausiblePhrase(phrase: Phrase): boolean {
  if (phrase.name === undefined && phrase.role !== undefined && clauseLikeRole(phrase.role)) return false;
  return (phrase.name === undefined || plausibleLatin(phrase.name)) && (phrase.role === undefined || plausibleLatin(phrase.role));
}
