/**
 * The tokens of each paragraph, computed once and shared by everything that
 * reads the article (contexts of quotes, reported speech, name look-ups), so
 * every character is tokenised at most once.
 */
import { tokenize, type Token } from './tokens';

/** Longest prefix of one paragraph that is tokenised (a real paragraph is far shorter). */
export const MAX_TOKENISED_CHARS = 20_000;

/** Lazily tokenised paragraphs. */
export class TokenCache {
  private readonly cache: (Token[] | undefined)[];

  /** @param paragraphs the article's paragraphs */
  constructor(private readonly paragraphs: readonly string[]) {
    this.cache = new Array<Token[] | undefined>(paragraphs.length);
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
    let tokens = this.cache[i];
    if (!tokens) {
      tokens = tokenize(this.text(i));
      this.cache[i] = tokens;
    }
    return tokens;
  }

  /** The tokens of paragraph `i` that start in [`from`, `to`). */
  range(i: number, from: number, to: number): Token[] {
    const tokens = this.get(i);
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < tokens.length && tokens[end]!.start < to) end++;
    return tokens.slice(lo, end);
  }
}
