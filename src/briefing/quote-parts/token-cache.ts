/**
 * The tokens of each paragraph, computed once and shared by everything that
 * reads the article (contexts of quotes, reported speech, name look-ups), so
 * every character is tokenised at most once.
 */
import { tokenizeInto, type Token } from './tokens';

/** Longest prefix of one paragraph that is tokenised (a real paragraph is far shorter). */
export const MAX_TOKENISED_CHARS = 20_000;

/** The tokens of the start of one paragraph. */
interface Prefix {
  text: string;
  tokens: Token[];
  /** End of the tokenised part: the end of {@link text} or a space or line break. */
  upTo: number;
}

/** Lazily tokenised paragraphs: only as far into each as it is read. */
export class TokenCache {
  private readonly cache: (Prefix | undefined)[];

  /** @param paragraphs the article's paragraphs */
  constructor(private readonly paragraphs: readonly string[]) {
    this.cache = new Array<Prefix | undefined>(paragraphs.length);
  }

  /** Number of paragraphs. */
  get length(): number {
    return this.paragraphs.length;
  }

  /** Characters of paragraph `i` that are tokenised. */
  chars(i: number): number {
    return Math.min(this.paragraphs[i]?.length ?? 0, MAX_TOKENISED_CHARS);
  }

  /** The tokenised text of paragraph `i` (its first {@link MAX_TOKENISED_CHARS} characters). */
  text(i: number): string {
    const text = this.paragraphs[i] ?? '';
    return text.length > MAX_TOKENISED_CHARS ? text.slice(0, MAX_TOKENISED_CHARS) : text;
  }

  /** All tokens of paragraph `i` (offsets relative to the paragraph). */
  get(i: number): Token[] {
    return this.prefix(i, MAX_TOKENISED_CHARS);
  }

  /** The tokens of paragraph `i` that start in [`from`, `to`). */
  range(i: number, from: number, to: number): Token[] {
    const tokens = this.prefix(i, to);
    const lo = firstStartingAt(tokens, from, 0);
    return tokens.slice(lo, firstStartingAt(tokens, to, lo));
  }

  /**
   * The tokens of paragraph `i`, at least all those starting before `to`.
   * Most paragraphs are read only near their quotations or their start, so
   * the rest is tokenised only when asked for.
   */
  private prefix(i: number, to: number): Token[] {
    let entry = this.cache[i];
    if (!entry) {
      entry = { text: this.text(i), tokens: [], upTo: 0 };
      this.cache[i] = entry;
    }
    const { text } = entry;
    if (entry.upTo >= to || entry.upTo === text.length) return entry.tokens;
    // Cut at a space or line break, where no token can straddle the cut.
    let cut = Math.min(to, text.length);
    while (cut < text.length && !isBreak(text.charCodeAt(cut))) cut++;
    tokenizeInto(text, entry.upTo, cut, entry.tokens);
    entry.upTo = cut;
    return entry.tokens;
  }
}

/** Index of the first token at or after `lo` starting at or after `offset` (tokens are in order). */
function firstStartingAt(tokens: readonly Token[], offset: number, lo: number): number {
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A space, tab or line break. */
function isBreak(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}
