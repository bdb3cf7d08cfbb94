/**
 * User-facing errors. Anything thrown as a {@link UserError} is the user's
 * doing (bad input, unknown article, …) and is answered with its one-line
 * `message` (ephemeral in Discord, one stderr line in the CLI). Every other
 * error is the operator's business: logged in full, answered generically.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** No article with that id (or file at that path) exists. */
export class ArticleNotFoundError extends UserError {
  override name = 'ArticleNotFoundError';
  constructor(readonly articleId: string) {
    super(`No article named "${clip(articleId)}" in the library.`);
  }
}

/** An article id that is not a plain name: a path, too long, control characters… */
export class InvalidArticleIdError extends UserError {
  override name = 'InvalidArticleIdError';
  constructor(readonly articleId: string) {
    super(`"${clip(articleId)}" is not a valid article id: use the article's name, without folders or extension.`);
  }
}

/** An article file with no text in it (empty or whitespace only). */
export class EmptyArticleError extends UserError {
  override name = 'EmptyArticleError';
  constructor(readonly source: string) {
    super(`${source} is empty: there is no text to brief.`);
  }
}

/** An article file that is not UTF-8 text (binary data, another encoding). */
export class BinaryArticleError extends UserError {
  override name = 'BinaryArticleError';
  constructor(readonly source: string) {
    super(`${source} is not UTF-8 text (binary data or another encoding).`);
  }
}

/** An article file over the configured size cap. */
export class ArticleTooLargeError extends UserError {
  override name = 'ArticleTooLargeError';
  constructor(readonly source: string, readonly bytes: number, readonly maxBytes: number) {
    super(`${source} is ${formatBytes(bytes)}, over the ${formatBytes(maxBytes)} limit.`);
  }
}

/** Invalid front matter in a Markdown article; names the file and the field. */
export class FrontMatterError extends UserError {
  override name = 'FrontMatterError';
  constructor(readonly source: string, readonly field: string, detail: string) {
    super(`${source}: front matter field "${field}" ${detail}`);
  }
}

/** A command option or CLI flag with an invalid value. */
export class InvalidOptionError extends UserError {
  override name = 'InvalidOptionError';
  constructor(readonly option: string, detail: string) {
    super(`Invalid ${option}: ${detail}`);
  }
}

/** Shorten user-supplied text before echoing it back in an error message. */
export function clip(text: string, max = 60): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** Human-readable byte count: 1.5 MB, 12 KB, 300 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1_000) return `${(bytes / 1_000).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} B`;
}
