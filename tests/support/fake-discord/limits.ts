import { codePointLength as len, isObj } from './json';

/**
 * The message limits Discord enforces server-side (400 50035 "Invalid Form
 * Body" when broken), so a bot that overflows one fails here as it would live.
 */


/** The characters an embed counts towards the 6000 total. */
export function embedChars(embed: unknown): number {
  if (!isObj(embed)) return 0;
  let n = len(embed.title) + len(embed.description);
  if (isObj(embed.footer)) n += len(embed.footer.text);
  if (isObj(embed.author)) n += len(embed.author.name);
  if (Array.isArray(embed.fields)) for (const f of embed.fields) if (isObj(f)) n += len(f.name) + len(f.value);
  return n;
}

/**
 * Discord's limit errors for a message body (content, embeds, components),
 * as `path: problem` strings; empty when Discord would accept it.
 * Lengths are counted in characters (code points), as Discord does.
 */
export function messageLimitErrors(body: unknown, requireContent: boolean): string[] {
  if (!isObj(body)) return requireContent ? ['body: must be an object'] : [];
  const errors: string[] = [];
  if (len(body.content) > 2000) errors.push('content: Must be 2000 or fewer in length.');
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > 10) errors.push('embeds: Must be 10 or fewer in length.');
  let total = 0;
  embeds.forEach((e, i) => {
    if (!isObj(e)) return errors.push(`embeds.${i}: must be an object`);
    total += embedChars(e);
    const check = (v: unknown, max: number, where: string): void => {
      if (len(v) > max) errors.push(`embeds.${i}.${where}: Must be ${max} or fewer in length.`);
    };
    check(e.title, 256, 'title');
    check(e.description, 4096, 'description');
    if (isObj(e.footer)) check(e.footer.text, 2048, 'footer.text');
    if (isObj(e.author)) check(e.author.name, 256, 'author.name');
    const fields = Array.isArray(e.fields) ? e.fields : [];
    if (fields.length > 25) errors.push(`embeds.${i}.fields: Must be 25 or fewer in length.`);
    fields.forEach((f, j) => {
      if (!isObj(f)) return;
      if (len(f.name) === 0) errors.push(`embeds.${i}.fields.${j}.name: This field is required`);
      if (len(f.value) === 0) errors.push(`embeds.${i}.fields.${j}.value: This field is required`);
      check(f.name, 256, `fields.${j}.name`);
      check(f.value, 1024, `fields.${j}.value`);
    });
  });
  if (total > 6000) errors.push(`embeds: Embed size exceeds maximum size of 6000 (${total}).`);
  if (requireContent) {
    const hasContent = len(body.content) > 0 || embeds.length > 0
      || (Array.isArray(body.components) && body.components.length > 0)
      || (Array.isArray(body.attachments) && body.attachments.length > 0) || isObj(body.poll);
    if (!hasContent) errors.push('Cannot send an empty message');
  }
  return errors;
}

/** Discord's 400 answer for limit errors. */
export function invalidFormBody(errors: string[]): { code: number; message: string; errors: Record<string, string> } {
  if (errors.length === 1 && errors[0] === 'Cannot send an empty message') {
    return { code: 50006, message: 'Cannot send an empty message', errors: {} };
  }
  return { code: 50035, message: 'Invalid Form Body', errors: Object.fromEntries(errors.map((e, i) => [String(i), e])) };
}
