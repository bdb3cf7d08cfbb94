/**
 * Quote attribution as language packs: each language reads the words around
 * a quotation with its own lexicon, phrase parser and ordered list of named
 * rules. A rule decides one pattern (`وجاء على لسان X`, `"…," she said`) and
 * carries the examples that show it; `tests/briefing/attribution-rules.test.ts`
 * runs every rule's examples.
 */
import type { Attribution } from '../clause';
import type { Phrase } from './ar/phrase';
import type { Token } from '../tokens';
import type { Gender } from '../../speech-verbs';

/** What an example expects: the speaker's name and role (absent = none) and, when given, the other facts. */
export interface ExpectedAttribution {
  name?: string;
  role?: string;
  continuation?: boolean;
  gender?: Gender;
  fragment?: boolean;
  adds?: boolean;
  needsName?: boolean;
}

/**
 * One example of a rule: a sentence holding one quotation in marks
 * (`"…"`, `«…»`, `“…”`); the words before it are read by the `before`
 * rules, those after it by the `after` rules. `expected` null: no attribution.
 */
export interface RuleExample {
  /** The language the example is written in, for a rule that serves several packs (the Latin-script rules of `en` and `fr`). */
  language?: 'ar' | 'en' | 'fr';
  input: string;
  expected: ExpectedAttribution | null;
}

/** A rule passes the words on to an earlier word of the sentence (`continue` in a scan from the quote back). */
export const NEXT_WORD = Symbol('next word');

/** A rule's answer: an attribution, null for "nobody is named here, stop", or {@link NEXT_WORD}; undefined: not this rule's pattern. */
export type Verdict = Attribution | null | typeof NEXT_WORD;

/** A named pattern of attribution, with the sentences it decides. */
export interface Rule<Context> {
  /** Kebab-case name, unique within its list (shown by the rule test). */
  name: string;
  examples: readonly RuleExample[];
  /** The verdict on `context`, or undefined when the pattern is not there. */
  match(context: Context): Verdict | undefined;
}

/** The attribution a pack found and the rules that gave a verdict on the way (the last one decided). */
export interface Decision {
  attribution: Attribution | null;
  trace: string[];
}

/**
 * The first verdict of `rules` on `context`, in order; the name of the rule
 * that gave it is pushed on `trace` when one is given.
 */
export function firstVerdict<Context>(rules: readonly Rule<Context>[], context: Context, trace?: string[]): Verdict | undefined {
  for (const rule of rules) {
    const verdict = rule.match(context);
    if (verdict === undefined) continue;
    trace?.push(rule.name);
    return verdict;
  }
  return undefined;
}

/**
 * One language: its word lists, its phrase parser, and its rules for the
 * words before a quotation and after it, each list run in order.
 * Adding a language is one folder under `packs/` and one line in `registry.ts`.
 */
export interface LanguagePack {
  /** Every word list of the language's attribution, in one object (its `lexicon.ts`). */
  lexicon: Readonly<Record<string, unknown>>;
  /** Split a speaker phrase (the words naming the speaker) into a role and a name. */
  parsePhrase(tokens: readonly Token[]): Phrase;
  /** The rules read on the words before a quotation, in the order they are tried. */
  beforeRules: readonly Rule<never>[];
  /** The rules read on the words after a quotation, in the order they are tried. */
  afterRules: readonly Rule<never>[];
  /** Attribution from the words before a quotation; `trace` collects the rules that gave a verdict. */
  before(tokens: readonly Token[], trace?: string[]): Attribution | null;
  /** Attribution from the words after a closed quotation, starting at token `i` (the pack decides which punctuation it reads past). */
  after(tokens: readonly Token[], i: number, trace?: string[]): Attribution | null;
}
