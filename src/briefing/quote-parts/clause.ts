/**
 * What the words around a quotation say about its speaker, and helpers
 * shared by the Arabic and the Latin-script readers.
 */
import type { Phrase } from './packs/ar/phrase';
import type { Token } from './tokens';
import type { Gender } from '../speech-verbs';

/** What the context says about who is speaking. */
export interface Attribution {
  /** The speaker phrase, when the context names one. */
  phrase?: Phrase;
  /** True when the verb has no subject of its own (`وأضاف:`, "she said"): the last speaker goes on. */
  continuation: boolean;
  /** Gender told by the verb or pronoun. */
  gender: Gender;
  /** True when the quotation is embedded in the clause (`قال إن الوضع "كارثي"`). */
  fragment: boolean;
  /** True when the phrase counts only if it resolves to a name (a descriptor on weak evidence: « Pour la syndicaliste, … »). */
  needsName?: boolean;
  /** True when the verb says the speaker went on (added, a ajouté): the words just before were theirs too. */
  adds?: boolean;
}

/** Number of word tokens. */
export function wordCount(tokens: readonly Token[]): number {
  return tokens.reduce((n, t) => n + (t.punct ? 0 : 1), 0);
}

/** True when the phrase names a person or a role. */
export function hasPhrase(p: Phrase | undefined): p is Phrase {
  return p !== undefined && (p.name !== undefined || p.role !== undefined);
}
