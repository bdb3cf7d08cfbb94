/**
 * Hostile text through the engine: real articles (ar/en/fr fixtures) mutated
 * in the ways broken sources break them, and a table of shapes no article
 * has. `buildBriefing` is the engine without its last-resort guard, so a
 * crash shows here instead of being answered with a minimal briefing.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BriefingSchema, buildBriefing, cleanArticle, type Briefing, type BriefingOptions } from '../../src/briefing';
import { fixturePath } from '../support/shared-data';

const SEEDS = ['ar-boilerplate.txt', 'en-ap-wildfire.txt', 'en-council.txt', 'fr-lemonde-retraites.md', 'fr-reforme.md'].map((name) =>
  readFileSync(fixturePath(`articles/${name}`), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''),
);

/** Characters broken sources are made of: lone surrogates, NUL, bidi marks, tatweel, every quote mark, ZWJ emoji, line ends. */
const HOSTILE = [
  '\uD800', '\uDFFF', '\u0000', '\u200E', '\u200F', '\u202A', '\u202E', '\u2066', '\u2069', 'ـ', 'ـــــ', '«', '»', '“', '”', '"', '„', '‹', '›', '‘', '’', "'",
  '👨‍👩‍👧', '🇸🇦', '\u200D', '\uFEFF', '\r\n', '\r', '\n', '\n\n', '\u2028', '\u2029', '\t', '\f', '\v', '…', '؟', '،', '.', ':', '—', 'ﷺ', 'ﻻ', '\u0651\u064E',
  'ǅ', 'İ', 'ß', '\u0301', 'ᾏ', '𝔘', 'Ω', '１２', '٣٫٥',
];
const hostile = fc.constantFrom(...HOSTILE);

/** One way to break an article. */
const mutation: fc.Arbitrary<(text: string) => string> = fc.oneof(
  fc.tuple(fc.nat(), hostile).map(([at, piece]) => (text: string) => `${text.slice(0, at % (text.length + 1))}${piece}${text.slice(at % (text.length + 1))}`),
  fc.nat().map((at) => (text: string) => text.slice(0, at % (text.length + 1))),
  fc.nat().map((at) => (text: string) => text.slice(at % (text.length + 1))),
  fc.constant((text: string) => text.replace(/\n/g, '\r\n')),
  fc.constant((text: string) => text.replace(/\n/g, '\r')),
  fc.constant((text: string) => text.replace(/\n+/g, ' ')),
  fc.constant((text: string) => text.replace(/[^\s]/g, (c) => (/[\p{L}\p{N}]/u.test(c) ? c : ''))),
  fc.constant((text: string) => text.replace(/[\p{L}\p{N}]/gu, '')),
  fc.constant((text: string) => text.replace(/[\p{L}\p{N}\s]/gu, '')),
  fc.constant((text: string) => text.replace(/ /g, 'ـ ')),
  fc.constant((text: string) => text.replace(/[«»“”"]/g, '"').replace(/"([^"]*)$/, '$1')),
  fc.constant((text: string) => text.split('\n').reverse().join('\n')),
  fc.constant((text: string) => [...text].reverse().join('')),
  fc.constant((text: string) => text.split(/\s+/).join('\n')),
  fc.constant((text: string) => text.replace(/\s+/g, '\u200F ')),
  fc.constant((text: string) => text.normalize('NFD')),
  fc.constant((text: string) => text.toUpperCase()),
);
const mutated = fc.tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([seed, steps]) => steps.reduce((text, step) => step(text), seed));
const options: fc.Arbitrary<BriefingOptions> = fc.record(
  { title: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom(...HOSTILE)), language: fc.constantFrom('ar', 'en', 'fr', 'zz', ''), sentences: fc.integer({ min: -2, max: 8 }) },
  { requiredKeys: [] },
);

/** Quote text without the ellipsis of a cut, white space folded: what must be found in its paragraph. */
const quoteCore = (text: string): string => text.replace(/…$/, '').replace(/\s+/g, ' ').trim();

/** The promises of a briefing of `text`: the schema, quotes inside their paragraphs, the same answer twice. */
function expectValidBriefing(text: string, opts: BriefingOptions = {}): Briefing {
  const briefing = buildBriefing(text, opts);
  const parsed = BriefingSchema.safeParse(briefing);
  expect(parsed.success, parsed.error?.message).toBe(true);
  const paragraphs = cleanArticle(text).paragraphs.map((p) => p.replace(/\s+/g, ' '));
  for (const quote of briefing.quotes) {
    expect(quote.paragraph).toBeLessThan(paragraphs.length);
    expect(paragraphs[quote.paragraph]).toContain(quoteCore(quote.text).slice(0, 40));
  }
  expect(buildBriefing(text, opts)).toEqual(briefing);
  return briefing;
}

const longSentence = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe('the engine on hostile text', () => {
  it.each<[string, string]>([
    ['an empty string', ''],
    ['only white space and line ends', ' \r\n\t\r\r\n\u2028\u2029 '],
    ['lone surrogates', '\uD800\uDC00\uDFFF قال \uD83D "نعم" \uDE00'],
    ['NUL characters inside words', 'The\u0000mayor said: "\u0000yes\u0000".\u0000'],
    ['bidi marks and isolates around every word', '\u202Bقال\u202C \u2067الوزير\u2069 \u200F«\u200Fنعم\u200F»\u200F.'],
    ['tatweel only', 'ـــــــــــ ـــــ ـــ'],
    ['tatweel inside Arabic words', 'قـــال الوزيـــر: «الاتفـــاق قريـــب».'],
    ['only punctuation', '.,;:!?؟،؛…—–-()[]{}'],
    ['only quotation marks', '«»“”"„‹›‘’\'«««»»»""""'],
    ['unbalanced guillemets', '« Il a dit « oui » et « non'],
    ['unbalanced curly quotes', '“He said “yes” and “no'],
    ['an odd number of straight quotes', 'She said "yes" and "no and "maybe".'],
    ['a 100,000-character English sentence', `The council said "${longSentence('we agree and ', 100_000)}"`],
    ['a 100,000-character Arabic sentence without a stop', longSentence('وقال الوزير إن الاتفاق قريب و', 100_000)],
    ['a 100,000-character word', longSentence('a', 100_000)],
    ['mixed scripts in one sentence', 'Le ministre قال "we will" signer l’accord «اليوم» today.'],
    ['emoji and ZWJ sequences', '👨‍👩‍👧 said "👍🏽👍🏽" 🇫🇷🇸🇦 — «🙂‍↔️»'],
    ['CR line ends only', 'Title\r\rThe mayor said: "Yes."\rShe left.'],
    ['CRLF line ends', 'Title\r\n\r\nLe maire a dit : « Oui ».\r\nIl est parti.'],
    ['20,000 short lines', Array.from({ length: 20_000 }, (_, i) => `l${i % 7}`).join('\n')],
    ['20,000 blank-separated one-word paragraphs', Array.from({ length: 20_000 }, () => 'قال').join('\n\n')],
    ['a line of markers only', '# \n## \n- \n* \n> \n1. \n[ad_1]\n---'],
    ['a byline and nothing else', 'By \nبقلم \nPar '],
  ])('%s gives a valid briefing', (_shape, text) => {
    expectValidBriefing(text);
  });

  it('keeps its promises on mutated ar/en/fr articles', () => {
    fc.assert(fc.property(mutated, options, (text, opts) => void expectValidBriefing(text, opts)), { numRuns: 60 });
  });

  it('keeps its promises on strings of hostile characters', () => {
    const soup = fc.array(fc.oneof(hostile, fc.constantFrom('قال', 'said', 'a dit', ' ', 'X'), fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 300 }).map((parts) => parts.join(''));
    fc.assert(fc.property(soup, options, (text, opts) => void expectValidBriefing(text, opts)), { numRuns: 150 });
  });
});
