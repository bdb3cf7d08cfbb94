import type { Direction } from '../briefing/schema';

/** An article taken out of an HTML page: metadata and plain text, never HTML. */
export interface ExtractedArticle {
  /** The page's address (as given; a `<link rel=canonical>` is not followed). */
  url: string;
  /** The article's own headline (og:title / JSON-LD headline preferred over `<title>` and its site suffix). */
  title: string;
  /** Author line, as the page gives it ("By Erin Cunningham"). */
  byline?: string;
  /** Publication date-time, ISO 8601, when the page states one. */
  published?: string;
  /** The publication's name (og:site_name …). */
  siteName?: string;
  /** `ar`, `en`, `fr` from the text; else the page's `lang` (base code); undefined when neither says. */
  language?: string;
  /** From the text's script and language, not from `dir` attributes alone. */
  direction: Direction;
  /** The article body: paragraphs (and subheadings) separated by a blank line. */
  text: string;
  /** A one-sentence description (meta description or the first paragraph). */
  excerpt?: string;
}
