/**
 * Locate balanced quotations in a paragraph, so the segmenter never splits a
 * sentence inside one. Unbalanced marks produce no span; spans longer than
 * {@link MAX_QUOTE_SPAN} are ignored so a stray mark cannot swallow a whole
 * paragraph.
 */

/** Longest quotation (in characters) that may hold several sentences. */
export const MAX_QUOTE_SPAN = 1500;

/** Any quotation mark the scanner cares about. */
const QUOTE_MARK = /["«»“”„‘’‹›]/;

/** Deepest nesting tracked; older openers are forgotten beyond it. */
const MAX_DEPTH = 16;

const OPENERS = new Set(['«', '“', '„', '‘', '‹']);
const CLOSERS: Readonly<Record<string, readonly string[]>> = {
  '»': ['«'],
  '”': ['“', '„'],
  '“': ['„'],
  '’': ['‘'],
  '›': ['‹'],
  '"': ['"'],
};

/** A quotation from its opening mark (inclusive) to just after its closing mark. */
export interface QuoteSpan {
  start: number;
  end: number;
}

interface Open {
  mark: string;
  at: number;
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/**
 * Balanced quotation spans in `text`, in order of their closing marks.
 * Runs in linear time.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  if (!QUOTE_MARK.test(text)) return spans;
  const stack: Open[] = [];
  const marks = new RegExp(QUOTE_MARK.source, 'g');
  for (let match = marks.exec(text); match !== null; match = marks.exec(text)) {
    const i = match.index;
    const ch = match[0];
    if (ch === '"') {
      handleAscii(text, i, stack, spans);
      continue;
    }
    const closes = CLOSERS[ch];
    if (closes && tryClose(stack, closes, i, spans, ch === '’' ? !isWordChar(text[i + 1]) : true)) continue;
    if (OPENERS.has(ch)) {
      // ‘ is an opener only at a word start (it is also an apostrophe).
      if (ch === '‘' && isWordChar(text[i - 1])) continue;
      push(stack, { mark: ch, at: i });
    }
  }
  return spans;
}

function push(stack: Open[], open: Open): void {
  if (stack.length >= MAX_DEPTH) stack.shift();
  stack.push(open);
}

function tryClose(stack: Open[], accepts: readonly string[], at: number, spans: QuoteSpan[], allowed: boolean): boolean {
  if (!allowed) return false;
  for (let k = stack.length - 1; k >= 0 && k >= stack.length - MAX_DEPTH; k--) {
    const open = stack[k]!;
    if (!accepts.includes(open.mark)) continue;
    stack.length = k;
    if (at + 1 - open.at <= MAX_QUOTE_SPAN) spans.push({ start: open.at, end: at + 1 });
    return true;
  }
  return false;
}

function handleAscii(text: string, i: number, stack: Open[], spans: QuoteSpan[]): void {
  const before = text[i - 1];
  const after = text[i + 1];
  const openerContext = isSpace(before) || /[([{:—–-]/.test(before ?? '');
  const closerContext = isSpace(after) || /[.,;:!?؟،؛)\]}»”…-]/.test(after ?? '');
  const hasOpen = stack.some((open) => open.mark === '"');
  if (hasOpen && (closerContext || !openerContext)) {
    tryClose(stack, ['"'], i, spans, true);
  } else if (!hasOpen || openerContext) {
    push(stack, { mark: '"', at: i });
  }
}

/**
 * A mask of `text.length + 1` entries: entry `p` is non-zero when position
 * `p` (a boundary between characters `p-1` and `p`) lies strictly inside a
 * quotation span.
 */
export function insideQuoteMask(text: string, spans: readonly QuoteSpan[]): Int32Array {
  const diff = new Int32Array(text.length + 2);
  for (const span of spans) {
    diff[span.start + 1]! += 1;
    diff[span.end]! -= 1;
  }
  let depth = 0;
  for (let p = 0; p < diff.length; p++) {
    depth += diff[p]!;
    diff[p] = depth;
  }
  return diff;
}
