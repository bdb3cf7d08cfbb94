/**
 * Split the Arabic noun phrase after a speech verb into a role and a name:
 * `السفير الروسي لدى الأمم المتحدة أوليغ بورميستروف` → role
 * `السفير الروسي لدى الأمم المتحدة`, name `أوليغ بورميستروف`.
 * All word lists are in normalised form ({@link normForm}).
 */
import { arabicFoldOf } from '../../../arabic';
import { arabicSpeechWord } from '../../../speech-verbs';
import {
  AGENT_HEADS, AGE_WORDS, MONTHS, PLACE_NOUNS, KIN_NOUNS, ANOTHER, ARABIC_INTRODUCERS, CALLED, CLAUSE_FOLLOWERS, COMMON_GIVEN, CUTTERS, EVENT_NOUNS, isMediaHead, GIVEN_AL, GLUED_ARTICLES, HONORIFICS, INSTITUTION_HEADS, MEDIA_L, MEDIA_NOUNS, NAME_JOINERS, NOT_NAME, OBJECT_SUFFIXES, PARTICIPLE_HEADS, PLACES, POSSESSIVE_ROLE_HEADS, ROLE_NOUNS, ROLE_PREFIXES, ROLE_PREPS, ROLE_TITLES, SKIPPED, TITLE_SURNAMES, YEARS,
} from './lexicon';
import { normForm, type Token } from '../../tokens';

/** A speaker phrase: a role, a name, or both. */
export interface Phrase {
  name?: string;
  role?: string;
  /** The gender the phrase tells is only a hint (French `le maire` said of a woman); a pronoun may overrule it. */
  weakGender?: boolean;
}

/** True when the phrase ends right after `tokens[i]`: at the end, a punctuation mark, إن/أن, a cutting word or an audience (لـ، للصحفيين). */
function phraseEndsAfter(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next === undefined || next.punct || ARABIC_INTRODUCERS.has(next.norm) || CUTTERS.has(next.norm) || MEDIA_L.test(next.norm);
}

/** True for a country, city or organisation written without ال (إيران، واشنطن، حماس). */
export function isArabicPlace(norm: string): boolean {
  return PLACES.has(norm);
}

/** True for an honorific (السيد، السيدة) that stands before a name. */
export function isArabicHonorific(norm: string): boolean {
  return HONORIFICS.has(norm);
}

/**
 * Does a given name with ال (`الطيب`) start a name at `i`? Only when a word
 * that can be a family name follows at once (`الطيب لوح`, not `الطيب أيضا`).
 */
export function startsGivenName(tokens: readonly Token[], i: number): boolean {
  if (!GIVEN_AL.has(tokens[i]!.norm)) return false;
  const next = tokens[i + 1];
  if (next === undefined || next.punct || cutsHere(tokens, i + 1, true)) return false;
  // الصادق الغرياني: a nisba family name with ال may follow too.
  return isDefiniteToken(next) ? /ي$/u.test(next.norm) && isNameToken(next, next.norm) : isNameToken(next, next.norm);
}

/** ليان شواف after a role: a word with ل that starts a name of two words ending the phrase, not a complement (لديزني). */
function startsTwoWordName(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next !== undefined && !next.punct && !isDefiniteToken(next) && isNameToken(next, next.norm) && !cutsHere(tokens, i + 1, true) && phraseEndsAfter(tokens, i + 1);
}

/** Remove a conjunction و from the front, when what remains is still a word. */
function bare(norm: string): string {
  return norm.length > 3 && norm.startsWith('و') && !ROLE_NOUNS.has(norm) ? norm.slice(1) : norm;
}

/**
 * Length of the first of `prefixes` that `norm` starts with and goes on
 * after, else -1: what `^(?:p1|p2|…)(.+)$` would take before its group.
 * (Read by hand: these tests run on every word of every phrase.)
 */
function prefixLength(norm: string, prefixes: readonly string[]): number {
  for (const p of prefixes) if (norm.length > p.length && norm.startsWith(p)) return p.length;
  return -1;
}

function isDefinite(norm: string): boolean {
  if (norm.startsWith('ال')) return norm.length > 3;
  // With a prefix (بال، وال، فال، كال، لل) the stem must stay a word: كالين is a name.
  const cut = prefixLength(norm, GLUED_ARTICLES);
  return cut !== -1 && norm.length - cut >= 3;
}

/** Definite article as written: `أليسون` (hamza) is a name, not ال + noun. */
export function isDefiniteToken(tok: Token): boolean {
  return isDefinite(tok.norm) && /^(ال|لل|بال|وال|فال|كال)/u.test(leadingLetters(tok.text, 3));
}

/** The first `count` characters of `text` other than those the folding drops (diacritics, tatweel), as written. */
function leadingLetters(text: string, count: number): string {
  let out = '';
  for (let i = 0; i < text.length && out.length < count; i++) {
    const c = text.charCodeAt(i);
    if (arabicFoldOf(c) !== -1) out += text[i]!;
  }
  return out;
}

/** Role noun, with or without ال (الرئيس، رئيس، للرئيس). */
export function isArabicRoleNoun(norm: string): boolean {
  if (ROLE_NOUNS.has(norm)) return true;
  const cut = prefixLength(norm, ROLE_PREFIXES);
  if (cut === -1 || norm.length - cut < 3) return false;
  const stem = norm.slice(cut);
  // لوالد، بشقيقتها: a relative with a preposition is spoken of, not speaking (الزوجة، الوالد are).
  if (KIN_NOUNS.has(stem) && !norm.startsWith('ال')) return false;
  return ROLE_NOUNS.has(stem) || ROLE_NOUNS.has(stem + 'ه');
}

/**
 * An adjective of origin, its ال already stripped: the nisba of a known
 * place (بريطانيه ← بريطانيا، روسي ← روسيا، قطري ← قطر), not one of
 * function (داخليه، فني).
 */
export function isArabicOriginAdjective(word: string): boolean {
  const stem = word.endsWith('يه') ? word.slice(0, -2) : word.endsWith('ي') ? word.slice(0, -1) : '';
  return stem.length >= 3 && (PLACES.has(stem) || PLACES.has(stem + 'ا') || PLACES.has(stem + 'يا'));
}

function isNisba(norm: string): boolean {
  return norm.length >= 4 && /(ي|يه|يون|يين)$/u.test(norm) && !isDefinite(norm);
}

/** {@link isNameWord} for a token; `علي` (the name Ali) is not the preposition على. */
function isNameToken(tok: Token, norm: string): boolean {
  if (norm === 'علي' && /ي$/u.test(tok.text)) return true;
  // تعهداً، رسمياً: a word written with tanween is no name.
  if (/(اً|ًا)$/u.test(tok.text)) return false;
  if (tok.text === 'آل') return true; // تركي آل الشيخ
  // Active participles in the accusative (منتقدا، معربا) describe the speaker, they do not name him;
  // a long ā or ī after م (مارتينا، ماريا، ميستورا) or a final كا (مونيكا) is a foreign name, no participle.
  if (/^م.{3,}(ا|اً)$/u.test(tok.text) && !/^ما|^مي|كا$/u.test(tok.text)) return false;
  // A noun with a possessive suffix (سؤاله، لقاءه، قوله، رأيها) is no name; الله and a few names end in ه.
  if (/[^\u0627]ه(ا|م|ما)?$/u.test(tok.text) && tok.text.length >= 4 && !/الله$/u.test(tok.text) && !/^(عبده|طه|وجيه|نبيه|فقيه)$/u.test(norm)) return false;
  return isNameWord(norm);
}

/** True when the word can be (part of) a personal or organisation name. */
export function isNameWord(norm: string): boolean {
  return norm.length >= 2 && norm !== 'ال' && !ARABIC_INTRODUCERS.has(norm) && !/^\d+$/u.test(norm) && !NOT_NAME.has(norm) && !CUTTERS.has(norm) && !SKIPPED.has(norm)
    && !ROLE_PREPS.has(norm) && !isArabicRoleNoun(norm) && !MEDIA_L.test(norm) && arabicSpeechWord(norm) === null;
}

function cutsHere(tokens: readonly Token[], i: number, hasName: boolean): boolean {
  const norm = tokens[i]!.norm;
  if (norm === 'علي' && /ي$/u.test(tokens[i]!.text)) return false; // the name Ali, not the preposition على
  if (CUTTERS.has(norm)) return true;
  // مسؤول طلب عدم ذكر اسمه: the stock clause after an anonymous source.
  if (tokens[i + 1]?.norm === 'عدم' && /^(طلب|طلبت|رفض|رفضت|فضل|فضلت)$/u.test(norm)) return true;
  const unsuffixed = withoutObjectSuffix(norm);
  if (unsuffixed !== norm && unsuffixed.length >= 2 && CUTTERS.has(unsuffixed)) return true; // خلالها، امامه
  if (norm.startsWith('وو') && norm.length > 4) return true; // "and the agencies …": a second subject
  if (hasName && /^[بل]/u.test(norm) && MEDIA_NOUNS.has(norm.slice(1))) return true; // بموقع، بحسابه، لقناة
  if (norm === 'في' || norm === 'وفي') {
    const next = (tokens[i + 1]?.norm ?? '').replace(/^ال/u, '');
    return hasName || EVENT_NOUNS.has(next) || CUTTERS.has(next) || /^(حديث|تصريح|مقابل|بيان)/u.test(next);
  }
  if (/^(وال|فال)/u.test(norm) && !isArabicRoleNoun(norm.slice(1)) && !KIN_NOUNS.has(norm)) return true; // "and the …": a second subject (not والدة)
  if (norm.startsWith('ل') && !norm.startsWith('لل') && MEDIA_L.test(norm)) return true;
  // لبرنامج "صباح الخير" / لبرنامج Today: a broadcast, not لبرنامج الأغذية العالمي (a body inside a role).
  if (/^(لبرنامج|لبرامج)$/u.test(norm) && !(tokens[i + 1]?.norm ?? '').startsWith('ال')) return true;
  if (norm.startsWith('لل') && MEDIA_L.test(norm)) return true;
  if (hasName && /^بال/u.test(norm) && isDefinite(norm)) return true; // ترامب بالتخلي عن …
  if (hasName && (norm.startsWith('لل') || /^ل[a-z]/u.test(norm) || norm === 'الى' || norm === 'لدي')) return true;
  return false;
}

/** `norm` without its pronoun suffix (as `norm.replace(/(ه|ها|هم|هما)$/u, '')`). */
function withoutObjectSuffix(norm: string): string {
  for (const suffix of OBJECT_SUFFIXES) if (norm.endsWith(suffix)) return norm.slice(0, norm.length - suffix.length);
  return norm;
}

/**
 * Parse a role and/or name from `tokens` (the words right after a speech
 * verb, already cut before إن/أن/`:`). Commas separate appositions
 * (`بيورن روثر، رئيس بعثة الصندوق`).
 */
export function parseArabicPhrase(tokens: readonly Token[], strict = false): Phrase {
  return parseArabicPhraseAt(tokens, strict).phrase;
}

/**
 * {@link parseArabicPhrase}, also telling where the phrase ends (index of the
 * first token not read). `strict`: the verb takes an object (وصف المحلل
 * الخطوة بأنها), so a definite noun right after a definite word starts the
 * object instead of continuing the role.
 */
export function parseArabicPhraseAt(tokens: readonly Token[], strict = false): { phrase: Phrase; end: number } {
  const described = describedByAge(tokens);
  if (described > 0) return { phrase: { role: tokens.slice(0, described).map((t) => t.text).join(' ') }, end: described };
  const result: Phrase = {};
  let i = 0;
  let end = 0;
  for (let chunk = 0; chunk < 3 && i < tokens.length; chunk++) {
    const { phrase, next, stopped } = ofRelative(parseChunk(tokens, i, strict), tokens[i]);
    // An apposition after a comma counts only when closed by another comma or the end (not "…، أطلقت قوات").
    if (chunk > 0 && stopped) break;
    // وكيل النجم المصري محمد صلاح، رامي عباس،: the name in the role is the one represented; the apposition speaks.
    if (chunk > 0 && phrase.name && !phrase.role && result.role && AGENT_HEADS.has(normForm(result.role.split(' ')[0]!))) result.name = phrase.name;
    if (phrase.name && !result.name) result.name = phrase.name;
    if (phrase.role && !result.role) result.role = phrase.role;
    if (phrase.name || phrase.role) end = next;
    if (stopped || next >= tokens.length) break;
    // Only a comma continues into an apposition.
    const sep = tokens[next]!;
    if (sep.norm !== '،' && sep.norm !== ',') break;
    i = next + 1;
    if (result.name && result.role && !AGENT_HEADS.has(normForm(result.role.split(' ')[0]!))) break;
  }
  return { phrase: result, end };
}

/**
 * A noun written with a possessive suffix (أعماله، خارجيتها، والدتها), not with ة
 * and not a stem ending in ه (وجوه). `بلاده`، `دولتها`: the country's name may follow.
 */
function hasPossessiveSuffix(tok: Token): boolean {
  const suffix = /ه(ا|م|ما)?$/u.exec(tok.text);
  if (!suffix) return false;
  const stem = withoutObjectSuffix(tok.norm);
  return stem.length >= 4 && !/^(بلاد|دولت)$/u.test(stem);
}

/** A relative with a possessive suffix (`والدته`، `زوجها`): the name after it is theirs, no complement. */
function isSuffixedKin(tok: Token): boolean {
  return KIN_NOUNS.has(tok.norm) && /ه(ا|م|ما)?$/u.test(tok.text);
}

/**
 * `والد اللاعب كريم بنعلي`: a chunk opening with a relative before a noun names
 * the one they are related to; that name is part of the role (the relative's own
 * name comes in apposition: `والدة الطالب، سعاد منصور`).
 */
function ofRelative(chunk: ChunkResult, first: Token | undefined): ChunkResult {
  const { role, name } = chunk.phrase;
  if (!first || !role || !name || !KIN_NOUNS.has(bare(first.norm)) || isSuffixedKin(first)) return chunk;
  const { name: _relatedTo, ...rest } = chunk.phrase;
  return { ...chunk, phrase: { ...rest, role: `${role} ${name}` } };
}

/**
 * `فتاة أخرى تبلغ من العمر 17 عاما`, `رجل يبلغ من العمر 40 عاما`: an
 * unnamed person described by their age, the whole description being the
 * speaker. The number of tokens it spans, else 0. The head is a role noun
 * or an indefinite noun with ة, never a name (`محمد علي البالغ من العمر`).
 */
function describedByAge(tokens: readonly Token[]): number {
  const head = tokens[0];
  if (!head || head.punct || isDefiniteToken(head) || !(ROLE_NOUNS.has(head.norm) || /ة$/u.test(head.text))) return 0;
  let k = 1;
  if (ANOTHER.has(tokens[k]?.norm ?? '')) k++;
  if (!AGE_WORDS.has(tokens[k]?.norm ?? '') || tokens[k + 1]?.norm !== 'من' || tokens[k + 2]?.norm !== 'العمر') return 0;
  // فاطمة البالغة من العمر: a definite adjective follows a name, not an unnamed فتاة.
  if (k === 1 && !ROLE_NOUNS.has(head.norm) && isDefiniteToken(tokens[k]!)) return 0;
  if (!/^\d{1,3}$/u.test(tokens[k + 3]?.norm ?? '') || !YEARS.has(tokens[k + 4]?.norm ?? '')) return 0;
  return k + 5;
}

/** True when `role` is an unnamed person described by age (`فتاة تبلغ من العمر 18 عاما`): the article gives them no name. */
export function isArabicAgeDescription(tokens: readonly Token[]): boolean {
  return tokens.length > 0 && describedByAge(tokens) === tokens.length;
}

/** What {@link parseChunk} answers: the phrase, the index of the first token not read, and whether the phrase stopped before a word. */
interface ChunkResult {
  phrase: Phrase;
  next: number;
  stopped: boolean;
}

/** The reading of one chunk as it goes: the words taken so far and what the last one asks for. */
interface ChunkReader {
  readonly tokens: readonly Token[];
  readonly strict: boolean;
  readonly role: string[];
  readonly name: string[];
  /** The token read, its norm without a conjunction و, and whether it is written with ال. */
  i: number;
  tok: Token;
  norm: string;
  definite: boolean;
  /** The last role word asks for a complement (a preposition, a construct noun). */
  roleOpen: boolean;
  /** Indefinite nouns read in a row inside a construct (مدير مطار تشوك). */
  chain: number;
  lastIndefiniteRole: boolean;
}

/** A step of the reading: a result, `next` (a word was taken or skipped, read on), `end` (the phrase ends before this word), or undefined (not this step's case). */
type ChunkStep = ChunkResult | 'next' | 'end' | undefined;

/** The result when the phrase stops at the current word. */
function stopHere(c: ChunkReader): ChunkResult {
  return { phrase: done(c.role, c.name), next: c.i, stopped: true };
}

/**
 * Read one comma-free stretch of a speaker phrase: words before the head
 * ({@link openingStep}), then the role and the first name word
 * ({@link roleStep}), then the rest of the name ({@link nameStep}). Each step
 * is an ordered chain of short cases on one word; they share the words read
 * so far, which is why they stay an if-chain rather than separate rules.
 */
function parseChunk(tokens: readonly Token[], from: number, strict = false): ChunkResult {
  const c: ChunkReader = {
    tokens, strict, role: [], name: [], i: from, tok: tokens[from]!, norm: '', definite: false, roleOpen: false, chain: 0, lastIndefiniteRole: false,
  };
  while (c.i < tokens.length && c.role.length + c.name.length < 12) {
    c.tok = tokens[c.i]!;
    const step = openingStep(c) ?? (c.name.length === 0 ? roleStep(c) : nameStep(c));
    if (step === 'next' || step === undefined) continue;
    if (step === 'end') break;
    return step;
  }
  return { phrase: done(c.role, c.name), next: c.i, stopped: c.i < tokens.length && !tokens[c.i]!.punct };
}

/** Words that open a phrase or stand between its parts: an institution's name in quotation marks, punctuation, adverbs, honorifics, cutting words. */
function openingStep(c: ChunkReader): ChunkStep {
  const { tokens, role, name, tok } = c;
  const i = c.i;
  // شركة "نتفليكس"، منظمة " هيومن رايتس ووتش": an institution's name in quotation marks.
  const quoted = role.length === 1 && name.length === 0 ? quotedNameAt(tokens, i) : 0;
  if (quoted > 0 && INSTITUTION_HEADS.has(normForm(role[0]!))) {
    for (let k = i + 1; k < i + quoted - 1; k++) role.push(tokens[k]!.text);
    return { phrase: done(role, name), next: i + quoted, stopped: i + quoted < tokens.length && !tokens[i + quoted]!.punct };
  }
  if (tok.punct) return { phrase: done(role, name), next: i, stopped: tok.norm !== '،' && tok.norm !== ',' };
  const norm = bare(tok.norm);
  c.norm = norm;
  c.definite = isDefiniteToken(tok);
  if (SKIPPED.has(norm) && role.length + name.length === 0) { c.i++; return 'next'; }
  // وواصلت بنوع من التذمر: a manner adverbial, the subject is the verb's own.
  if (role.length + name.length === 0 && /^ب[^ا]/u.test(norm) && tokens[i + 1]?.norm === 'من') return { phrase: {}, next: i, stopped: true };
  // شاهدة عيان تدعى فيكتوريا غيرانوفيتش: what follows is the name.
  if (CALLED.has(norm) && role.length > 0 && name.length === 0) {
    const called = arabicNameAt(tokens, i + 1);
    if (called) return { phrase: done(role, called.split(' ')), next: i + 1 + called.split(' ').length, stopped: true };
  }
  if (norm === 'من' && /^(جهت|جانب|ناحيت)/u.test(tokens[i + 1]?.norm ?? '') && role.length + name.length === 0) { c.i += 2; return 'next'; }
  // السيد حسن نصر الله: the honorific is dropped, the name follows.
  if (HONORIFICS.has(tok.norm) && role.length + name.length === 0 && tokens[i + 1] && (startsGivenName(tokens, i + 1)
    || (!tokens[i + 1]!.punct && !isDefiniteToken(tokens[i + 1]!) && isNameToken(tokens[i + 1]!, tokens[i + 1]!.norm) && !cutsHere(tokens, i + 1, false)))) { c.i++; return 'next'; }
  // وزير المياه والري محمد النجار، رئيسة … ومديرة المهرجان ليان شواف: a role joined by و, then the name.
  if (role.length > 0 && name.length === 0 && tok.norm.length > 4 && tok.norm.startsWith('و')
    && (ROLE_NOUNS.has(tok.norm.slice(1)) || isDefinite(tok.norm.slice(1)))) {
    const second = parseChunk([{ ...tok, norm: tok.norm.slice(1) }, ...tokens.slice(i + 1)], 0, c.strict);
    if (second.phrase.name) {
      return { phrase: { role: `${role.join(' ')} ${tok.text}${second.phrase.role ? ' ' + second.phrase.role.split(' ').slice(1).join(' ') : ''}`.trim(), name: second.phrase.name }, next: i + second.next, stopped: second.stopped };
    }
  }
  if (cutsHere(tokens, i, name.length > 0)) return stopHere(c);
  // مفتي المؤتمر العام الشيخ الصادق الغرياني: the honorific between a role and the name is dropped.
  if (name.length === 0 && role.length > 0 && ROLE_TITLES.has(tok.norm) && tokens[i + 1] && !tokens[i + 1]!.punct
    && (startsGivenName(tokens, i + 1) || (!isDefiniteToken(tokens[i + 1]!) && isNameToken(tokens[i + 1]!, tokens[i + 1]!.norm)))) {
    c.i++;
    c.roleOpen = false;
    return 'next';
  }
  return undefined;
}

/** Take the word into the role, as the role asks (a complement, a construct) or as the word is (a role noun, a definite word, a place). */
function takeRoleWord(c: ChunkReader, forced: boolean): 'next' {
  const { norm, definite } = c;
  c.role.push(c.tok.text);
  if (ROLE_PREPS.has(norm)) { c.roleOpen = true; c.chain = 0; }
  else if (ROLE_NOUNS.has(norm) && !/ي$/u.test(norm) && !isSuffixedKin(c.tok)) { c.roleOpen = true; c.chain = 0; }
  // وكيل أعماله روبرتو: a noun with a possessive suffix closes the construct.
  else if (forced && !definite && !PLACES.has(norm) && !isNisba(norm) && !hasPossessiveSuffix(c.tok) && ++c.chain < 2) c.roleOpen = true;
  else c.roleOpen = false;
  c.lastIndefiniteRole = !definite && (ROLE_NOUNS.has(norm) || isNisba(norm));
  c.i++;
  return 'next';
}

/** Take the word into the role, closing it (a complement with ب/ل). */
function closeRoleWith(c: ChunkReader): 'next' {
  c.role.push(c.tok.text);
  c.roleOpen = false;
  c.i++;
  return 'next';
}

/**
 * A person's role with a possessive suffix (`رئيسها`، `محاميه`، `مدربته`, not
 * `زعيمة` with ة): whole as it stands, the pronoun being its complement.
 */
function isPossessiveRole(tok: Token, norm: string): boolean {
  if (!/ه(ا|م|ما)?$/u.test(tok.text)) return false;
  const stem = withoutObjectSuffix(norm);
  return stem !== norm && POSSESSIVE_ROLE_HEADS.has(stem.endsWith('ت') ? stem.slice(0, -1) : stem);
}

/** No name read yet: the word goes on the role, starts the name, or ends the phrase. */
function roleStep(c: ChunkReader): ChunkStep {
  const { tokens, role, name, tok, norm, definite, strict, i } = c;
  const forced = c.roleOpen;
  if (!forced && startsGivenName(tokens, i)) { name.push(tok.text); c.i++; return 'next'; }
  // رئيسها التنفيذي ساتيا ناديلا: a possessive role asks for no complement; adjectives, then the name, follow.
  if (role.length === 0 && isPossessiveRole(tok, norm)) { role.push(tok.text); c.roleOpen = false; c.chain = 0; c.lastIndefiniteRole = false; c.i++; return 'next'; }
  // المرصد السوري ومراسل الوكالة: "and the correspondent" is a second subject.
  if (!forced && role.length > 0 && tok.norm.length > 4 && tok.norm.startsWith('و') && ROLE_NOUNS.has(tok.norm.slice(1))) return stopHere(c);
  // "with the …" (بالانسحاب) never starts a speaker; after an object-taking verb, neither does a
  // definite noun that is no role and no family name (لفت النظر).
  if (role.length === 0 && /^(بال|كال|فال)/u.test(norm) && definite) return stopHere(c);
  if (strict && role.length === 0 && definite && !isArabicRoleNoun(norm) && !/ي$/u.test(norm)) return stopHere(c);
  const prevDefinite = role.length > 0 && isDefiniteToken(tokens[i - 1]!);
  // A new indefinite head after a complete definite role starts another phrase (… الدولية زعماء العالم).
  if (!forced && prevDefinite && !definite && ROLE_NOUNS.has(norm)) return stopHere(c);
  // … and so does a definite institution noun (دعت المؤسسة الخيرية الحكومة إلى …): the object, not the role.
  if (!forced && prevDefinite && norm.startsWith('ال') && INSTITUTION_HEADS.has(norm.slice(2)) && !PARTICIPLE_HEADS.has(norm.slice(2))) return stopHere(c);
  // A nisba adjective (الروسي، الألمانية) continues the role; its stem may itself start with ال (ألمانيا).
  // (المجموعة الدولية للأزمات: a complement with لل still belongs to the name.)
  if (strict && !forced && definite && prevDefinite && !/(ي|يه|يون|يين)$/u.test(norm) && !isArabicRoleNoun(norm) && !norm.startsWith('لل')) return stopHere(c);
  // مدرب أرسنال أوناي إيمري: after the construct's own name, a first and a last name closing the phrase are the speaker's.
  // (Not the name of a newspaper, صحيفة وول ستريت جورنال, nor of a place, في مقاطعة كامبونغ ثوم.)
  if (forced && c.chain >= 1 && !isMediaHead(normForm(role[0]!).replace(/^ال/u, '')) && !PLACE_NOUNS.has(bare(tokens[i - 1]!.norm))
    && closingTwoWordName(tokens, i)) { name.push(tok.text); c.i++; return 'next'; }
  const andPlace = role.length > 0 && tok.norm.startsWith('و') && (PLACES.has(tok.norm.slice(1)) || isDefinite(tok.norm.slice(1)));
  if (forced || andPlace || isArabicRoleNoun(norm) || definite || PLACES.has(norm) || (c.lastIndefiniteRole && isNisba(norm))) return takeRoleWord(c, forced);
  // والدها إلى باكستان: after a relative with a possessive suffix, a preposition starts the rest of the clause.
  if (ROLE_PREPS.has(norm) && role.length > 0 && isSuffixedKin(tokens[i - 1]!)) return stopHere(c);
  if (ROLE_PREPS.has(norm) && role.length > 0) { role.push(tok.text); c.roleOpen = true; c.chain = 0; c.i++; return 'next'; }
  // المدير التنفيذي لديزني: ل + a name completes the role.
  if (role.length > 0 && /^ل[^ل]/u.test(norm) && norm.length >= 4 && !/ه(ا|م)?$/u.test(norm) && isDefiniteToken(tokens[i - 1]!)
    && !startsTwoWordName(tokens, i)) return closeRoleWith(c);
  // رئيس قسم التحليلات بفيسبوك، المستشار في السفارة بلندن: ب/ل + a place completes the role.
  if (role.length > 0 && /^[بل]/u.test(norm) && PLACES.has(norm.slice(1))) return closeRoleWith(c);
  if (!isNameToken(tok, norm)) return stopHere(c);
  // After a role, the object of the verb or the next clause is no name (الوزير الفرنسي موقع العمل).
  if (role.length > 0 && !nameCanStartAt(tokens, i)) return stopHere(c);
  if (hasCommonNounShape(tok)) {
    // تشير أرقام الأمم المتحدة: a noun heading a construct is the source, not a name.
    const next = tokens[i + 1];
    if (!next || next.punct || !isDefiniteToken(next)) return stopHere(c);
    role.push(tok.text);
    c.roleOpen = true;
    c.chain = 0;
    c.i++;
    return 'next';
  }
  name.push(tok.text);
  c.i++;
  return 'next';
}

/**
 * Do `tokens[i]` and `tokens[i + 1]` form a first and last name that ends the
 * phrase (`… أرسنال أوناي إيمري`)? Two plain name words, neither a place, a
 * month, a plural in ات (مزادات) nor written with ال, and nothing after them.
 */
function closingTwoWordName(tokens: readonly Token[], i: number): boolean {
  const plainName = (k: number): boolean => {
    const t = tokens[k];
    return t !== undefined && !t.punct && !isDefiniteToken(t) && !PLACES.has(t.norm) && !MONTHS.has(t.norm) && !/..ات$/u.test(t.norm) && isNameToken(t, t.norm) && !cutsHere(tokens, k, true);
  };
  // منظمات غير حكومية مدافعة: a feminine adjective (ـية) goes on describing the role.
  return plainName(i) && plainName(i + 1) && !/ي[ةه]$/u.test(tokens[i]!.text) && phraseEndsAfter(tokens, i + 1);
}

/** Inside a name: the word goes on the name, starts the role after it, or ends the phrase. */
function nameStep(c: ChunkReader): ChunkStep {
  const { tokens, role, name, tok, norm, definite, strict, i } = c;
  // Inside a name: at most three words, four with عبد/أبو/بن.
  if (name.length >= 4 || (name.length >= 3 && !name.some((w) => NAME_JOINERS.has(normForm(w))))) return 'end';
  // معاذ الشيخ، محمد السيد: a title word closing a name is its family name.
  if (TITLE_SURNAMES.has(norm) && phraseEndsAfter(tokens, i)) {
    name.push(tok.text);
    c.i++;
    return 'end';
  }
  if (isArabicRoleNoun(norm)) {
    // "بيورن روثر رئيس بعثة …": the rest is the role.
    const rest = parseChunk(tokens, i, strict);
    return { phrase: { name: name.join(' '), role: role.length ? role.join(' ') : rest.phrase.role }, next: rest.next, stopped: rest.stopped };
  }
  if (!isNameToken(tok, norm)) return 'end';
  if (runsOnIntoClause(tokens, i)) return 'end';
  if (definite && !surnameAllowed(tokens, i, strict)) return 'end';
  // After a verb taking an object (وصف ترامب موظفة …), a name stops at two words unless joined (محمد بن سلمان).
  if (strict && name.length >= 2 && !name.some((w) => NAME_JOINERS.has(normForm(w))) && !COMPOUND_SECOND.test(norm)) return 'end';
  name.push(tok.text);
  c.i++;
  // A family name with ال (السيسي، الأسد) ends the name, unless it completes a joined first name (عبد الفتاح،
  // زين الدين، سيف الإسلام) or a second nisba closes the phrase (محمد العزومي البرغثي،).
  if (definite && !NAME_JOINERS.has(norm) && !NAME_JOINERS.has(bare(tokens[c.i - 2]?.norm ?? '')) && !/^ال(دين|اسلام)$/u.test(norm)) {
    const next = tokens[c.i];
    if (name.length < 3 && /ي$/u.test(norm) && next && isDefiniteToken(next) && /ي$/u.test(next.norm) && phraseEndsAfter(tokens, c.i)) {
      name.push(next.text);
      c.i++;
    }
    return 'end';
  }
  return 'next';
}

/**
 * Does the word at `i`, inside a name, start the rest of the clause? A noun
 * with ب/ل/ك and ة or ات followed by its complement (`أجاب ترودو بطريقة غير
 * مباشرة`, `رفع نتانياهو بقطعة من …`), not a family name closing the phrase or
 * followed by a setting (`نير بركات في بيان`، `محمد كبارة:`), nor one with بو
 * (`ناصر بوريطة`).
 */
function runsOnIntoClause(tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i]!;
  if (!/(ة|ات)$/u.test(tok.text) || !/^[بلك]/u.test(tok.norm) || tok.norm.startsWith('بو')) return false;
  if (NAME_JOINERS.has(bare(tokens[i - 1]?.norm ?? '')) || phraseEndsAfter(tokens, i)) return false;
  const next = bare(tokens[i + 1]!.norm);
  return next === 'من' || !(next === 'في' || CUTTERS.has(next) || ROLE_PREPS.has(next) || MEDIA_L.test(next));
}

/** The second half of a compound given name (نور الدين، عبد الله، عبد الرحمن، سيف الإسلام), normalised. */
const COMPOUND_SECOND = /^ال(له|دين|رحمن|اسلام)$/u;

/** Quotation marks around a name. */
export const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»', '„']);

/** Tokens spanned by a name of one to four words in quotation marks opening at `i` (marks included), else 0. */
function quotedNameAt(tokens: readonly Token[], i: number): number {
  if (!QUOTE_MARKS.has(tokens[i]!.norm)) return 0;
  for (let k = i + 1; k < tokens.length && k - i <= 5; k++) {
    const tok = tokens[k]!;
    if (QUOTE_MARKS.has(tok.norm)) return k > i + 1 ? k - i + 1 : 0;
    if (tok.punct) return 0;
  }
  return 0;
}

/**
 * May the definite word at `i` end a name (`عبد الفتاح السيسي`, `بشار الأسد`)?
 * Yes after عبد/أبو/بن, for a nisba surname (السيسي), or when the phrase ends
 * right after it; otherwise it starts the rest of the sentence.
 */
function surnameAllowed(tokens: readonly Token[], i: number, strict = false): boolean {
  const prev = bare(tokens[i - 1]?.norm ?? '');
  if (NAME_JOINERS.has(prev)) return true;
  const norm = tokens[i]!.norm.replace(/^ال/u, '');
  if (norm.length >= 3 && /ي$/u.test(norm)) return true;
  if (COMPOUND_SECOND.test(tokens[i]!.norm)) return true; // شهاب الدين، عبد الله، سيف الإسلام
  // محمد النجار، خالد الفيصل، محمد السادس: after a common given name, a definite word closing the phrase.
  if (COMMON_GIVEN.has(prev) && phraseEndsAfter(tokens, i)) return true;
  if (strict) return false;
  return phraseEndsAfter(tokens, i);
}

function done(role: string[], name: string[]): Phrase {
  // A role never ends on a dangling preposition.
  while (role.length > 0 && ROLE_PREPS.has(normForm(role[role.length - 1]!))) role.pop();
  const phrase: Phrase = {};
  if (role.length) phrase.role = role.join(' ');
  // A lone word ending in ة with no role is a noun (دراسة، صحيفة), not a person.
  const lone = name.length === 1 ? normForm(name[0]!) : '';
  if (name.length && !(role.length === 0 && lone.length >= 3 && /ه$/u.test(lone) && !/الله$/u.test(lone))) phrase.name = name.join(' ');
  return phrase;
}

/**
 * The name written right after position `from` in `tokens`, if any (for
 * `الرئيس الروسي فلاديمير بوتين`, from the index of فلاديمير). `apposition`:
 * the name stands between commas, where a first word ending in ي is a given name.
 */
export function arabicNameAt(tokens: readonly Token[], from: number, apposition = false): string | undefined {
  if (!nameCanStartAt(tokens, from)) return undefined;
  const name: string[] = [];
  for (let i = from; i < tokens.length && name.length < 4; i++) {
    const tok = tokens[i]!;
    if (tok.punct) break;
    const norm = tok.norm;
    if (!isNameToken(tok, norm) || cutsHere(tokens, i, name.length > 0)) break;
    const definite = isDefiniteToken(tok);
    if (name.length === 0 && definite && startsGivenName(tokens, i)) { name.push(tok.text); continue; }
    // المرصد السوري ومراسل الوكالة: "and the correspondent" starts a second subject, not a name.
    if (name.length === 0 && norm.length > 4 && norm.startsWith('و') && ROLE_NOUNS.has(norm.slice(1))) break;
    // A first name never follows a role with ل glued on (الفيدرالية العربية لحقوق الإنسان).
    // In apposition (`، توني هول،`) a given name may end in ي like an adjective.
    if (name.length === 0 && (definite || PLACES.has(norm) || (isNisba(norm) && !apposition) || /^ل/u.test(norm))) break;
    // In running text a definite word after a name is its family name only after عبد/أبو or as a nisba (السيسي).
    if (definite && !NAME_JOINERS.has(bare(tokens[i - 1]?.norm ?? '')) && !/ي$/u.test(norm)) break;
    if (name.length > 0 && startsObject(tokens, i)) break;
    name.push(tok.text);
    if (definite && !NAME_JOINERS.has(bare(tokens[i - 1]?.norm ?? ''))) break;
  }
  return name.length ? name.join(' ') : undefined;
}

/**
 * After a name in running text, a noun with ة, or an accusative with its
 * adjective, is the verb's object (`فرض … دونالد ترامب رسوما جمركية`, `ناقش
 * مع … محمد بن سلمان قضية الغارات`), not the rest of the name.
 */
function startsObject(tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i]!;
  if (NAME_JOINERS.has(bare(tokens[i - 1]?.norm ?? ''))) return false;
  if (/ة$/u.test(tok.text) || /اً$|ًا$/u.test(tok.text)) return true;
  const next = tokens[i + 1];
  return /ا$/u.test(tok.text) && next !== undefined && !next.punct && !isDefiniteToken(next) && /ة$/u.test(next.text);
}

/**
 * The full name of an institution whose head noun is `tokens[from]` (its
 * prefix already removed): a construct of indefinite nouns, one definite
 * noun, then nisba adjectives (`هيئة الإذاعة البريطانية`, `مكتب رئاسة
 * الوزراء`, `الحكومة اليمنية`), or a proper name (`شركة آبل`). `undefined`
 * when nothing completes the head.
 */
export function arabicInstitutionAt(tokens: readonly Token[], from: number): string | undefined {
  const words = [tokens[from]!.text];
  let definite = isDefiniteToken(tokens[from]!);
  for (let i = from + 1; i < tokens.length && words.length < 6; i++) {
    const tok = tokens[i]!;
    if (tok.punct || CUTTERS.has(tok.norm)) break;
    const isDef = isDefiniteToken(tok);
    if (definite) {
      // After the definite noun only adjectives of origin follow (البريطانية، الدولية).
      if (!isDef || !/(ي|يه)$/u.test(tok.norm)) break;
    } else if (!isDef) {
      // شركة آبل: a name ends the phrase; مكتب رئاسة الوزراء: a construct goes on.
      if (words.length === 1 && isNameToken(tok, tok.norm) && !ROLE_NOUNS.has(tok.norm)) {
        // شركة آبل، منظمة هيومن رايتس ووتش; not the verb of the next clause (حركة حماس ويعيش في …).
        for (let k = i; k < i + 3 && continuesInstitutionName(tokens, k); k++) words.push(tokens[k]!.text);
        break;
      }
      if (!ROLE_NOUNS.has(tok.norm)) break;
    }
    definite = definite || isDef;
    words.push(tok.text);
  }
  return words.length > 1 ? words.join(' ') : undefined;
}

/** May `tokens[k]` be the next word of an institution's proper name (after its head noun)? */
function continuesInstitutionName(tokens: readonly Token[], k: number): boolean {
  const tok = tokens[k];
  if (!tok || tok.punct || isDefiniteToken(tok) || !isNameToken(tok, tok.norm) || cutsHere(tokens, k, true)) return false;
  const next = tokens[k + 1];
  const nextNorm = next && !next.punct ? next.norm : '';
  return !(tok.norm.length > 3 && tok.norm.startsWith('و') && (CLAUSE_FOLLOWERS.has(nextNorm) || CUTTERS.has(nextNorm)));
}

/**
 * Can a name start at `from`, right after a role in running text? Not when
 * the word is the head of a construct (`الوزير الفرنسي موقع العمل`), a verb
 * or noun with و (`الحركة ويعيش في`, `المنظمة وجود نحو`), or a noun with
 * ب/ل ending in ة/ات (`بجملة قصيرة`, `لإصلاحات`).
 */
function nameCanStartAt(tokens: readonly Token[], from: number): boolean {
  const tok = tokens[from];
  if (!tok || tok.punct) return false;
  const norm = tok.norm;
  const next = tokens[from + 1];
  const nextNorm = next && !next.punct ? next.norm : '';
  // A construct head: an indefinite word followed by a definite noun that is no nisba surname or time word
  // (a title closing the phrase is a family name: معاذ الشيخ).
  if (next && !next.punct && isDefiniteToken(next) && !/ي$/u.test(nextNorm) && !CUTTERS.has(nextNorm) && !NAME_JOINERS.has(norm)
    && !(COMMON_GIVEN.has(norm) && phraseEndsAfter(tokens, from + 1))
    && !(TITLE_SURNAMES.has(nextNorm) && phraseEndsAfter(tokens, from + 1))
    && !COMPOUND_SECOND.test(nextNorm)) return false; // نصر الله، نور الدين
  if (norm.length > 3 && norm.startsWith('و') && (CLAUSE_FOLLOWERS.has(nextNorm) || CUTTERS.has(nextNorm) || (next !== undefined && isDefiniteToken(next)))) return false;
  if (/^[بلك]/u.test(norm) && /(ه|ات)$/u.test(norm)) return false;
  // بتحديد، باتخاذ، بتوضيح: a verbal noun with ب is no name, nor a place (بتركيا، لروسيا).
  if (/^[بلك]/u.test(norm) && (looksLikeCommonNoun(norm.slice(1)) || PLACES.has(norm.slice(1)))) return false;
  if (hasCommonNounShape(tok) || /^ا.{2,}ت$/u.test(norm)) return false; // أرقام، تقرير، أوقفت
  // A lone word ending in ة is a noun (كبيرة، جملة), not a person named on their own.
  if (/ه$/u.test(norm) && (!next || next.punct || !isNameWord(nextNorm))) return false;
  return true;
}

/** {@link looksLikeCommonNoun} as written: a word opening with إ is no plural أفعال (إلياس). */
function hasCommonNounShape(tok: Token): boolean {
  return looksLikeCommonNoun(tok.norm) && !tok.text.startsWith('إ');
}

/**
 * Word shapes that are common nouns, not names: broken plurals أفعال
 * (أرقام، أنباء), verbal nouns تفعيل and افتعال (تقرير، تصريح، اعتذار),
 * feminine plurals (تصريحات). Normalised form. A تفعيل shape ending in a
 * long ā is a foreign given name (تانيا، تونيا), no verbal noun.
 */
export function looksLikeCommonNoun(norm: string): boolean {
  return /^ا..ا.$/u.test(norm) || /^ت..ي[^ا]$/u.test(norm) || /^ا.ت..ا.$/u.test(norm) || (norm.length >= 5 && /ات$/u.test(norm));
}
