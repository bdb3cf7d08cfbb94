/**
 * Find quotations in one paragraph from their marks: “…”, «…», "…", „…“,
 * ‘…’, '…', ‹…›, including nested and unbalanced marks. One linear pass.
 */

/** A top-level quotation found in a paragraph. */
export interface MarkSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index just after the closing mark (the paragraph's length when unterminated). */
  close: number;
  /** Text between the marks, trimmed. */
  text: string;
  /** False when no closing mark was found (the quote runs to the paragraph's end or to the next opener). */
  closed: boolean;
}

/** Kinds of quotation, named after their opening mark. */
type Kind = '“' | '„' | '”' | '«' | '‹' | '‘' | '"' | "'";

interface Frame {
  kind: Kind;
  at: number;
}

/** Deepest nesting tracked; deeper openers are ignored. */
const MAX_DEPTH = 8;
/** Single-quote kinds never make an unterminated span (they double as apostrophes). */
const SINGLE: ReadonlySet<Kind> = new Set<Kind>(['‘', "'", '‹']);

const OPEN_PUNCT = new Set(['(', '[', '{', ':', '\u2014', '\u2013', '-', '/', '،', ',', ';']);
const CLOSE_PUNCT = new Set(['.', ',', ';', ':', '!', '?', '؟', '،', '؛', ')', ']', '}', '…', '\u2014', '\u2013', '-']);

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\u00a0' || (ch > '~' && /\s/u.test(ch));
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
}

/** Text follows the mark: it may open a quotation. */
function canOpen(text: string, i: number): boolean {
  const next = text[i + 1];
  return !isSpace(next) && !CLOSE_PUNCT.has(next!);
}

/** Text precedes the mark: it may close a quotation. */
function canClose(text: string, i: number): boolean {
  const prev = text[i - 1];
  return !isSpace(prev) && !OPEN_PUNCT.has(prev!);
}

/** Most words an attribution clause between two openers may have (`وقال الرئيس الروسي:`). */
const MAX_TAIL_WORDS = 10;

/**
 * A quotation re-opened before it was closed usually lost its closing mark
 * at the end of a sentence, before an attribution clause: end it after the
 * last sentence terminator when only a short clause follows. Returns the end
 * index of the quotation's text.
 */
function cutTrailingClause(text: string, from: number, to: number): number {
  for (let k = to - 1; k > from; k--) {
    const ch = text[k]!;
    if ((ch === '.' || ch === '!' || ch === '?' || ch === '؟') && isSpace(text[k + 1])) {
      const tail = text.slice(k + 1, to).trim();
      const words = tail === '' ? 0 : tail.split(/\s+/u).length;
      return words <= MAX_TAIL_WORDS ? k + 1 : to;
    }
    if (to - k > 200) break;
  }
  return to;
}

/** Index of the innermost open quotation of `kind`, else -1. */
function findKind(stack: readonly Frame[], kind: Kind): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.kind === kind) return k;
  return -1;
}

/** Index of the innermost open quotation that the closing mark `ch` closes, else -1. */
function findCloser(stack: readonly Frame[], ch: string): number {
  for (let k = stack.length - 1; k >= 0; k--) if (CLOSERS[stack[k]!.kind].includes(ch)) return k;
  return -1;
}

/** Every quotation mark, in turn (global; reset before each scan). */
const MARKS = /["“”«»„‹›‘’']/gu;
/** Any quotation mark (the early-out of {@link findQuotations}). */
const ANY_MARK = /["“”«»„‹›‘’']/u;

/** Closing marks accepted by each kind. */
const CLOSERS: Readonly<Record<Kind, string>> = {
  '“': '”“', '„': '“”', '”': '”“', '«': '»', '‹': '›', '‘': '’', '"': '"”“', "'": "'",
};

/** For each index, how many closing marks of each double kind remain from there on. */
function remainingClosers(text: string): { curly: Int32Array; guillemet: Int32Array } {
  const curly = new Int32Array(text.length + 1);
  const guillemet = new Int32Array(text.length + 1);
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i];
    curly[i] = curly[i + 1]! + (ch === '”' ? 1 : 0);
    guillemet[i] = guillemet[i + 1]! + (ch === '»' ? 1 : 0);
  }
  return { curly, guillemet };
}

/** The state of one {@link findQuotations} scan; methods, not closures, so nothing is made per call but the object. */
class QuotationScan {
  readonly spans: MarkSpan[] = [];
  readonly stack: Frame[] = [];
  private remaining: ReturnType<typeof remainingClosers> | null = null;

  constructor(private readonly paragraph: string) {}

  emit(frame: Frame, close: number, closed: boolean, textEnd: number): void {
    const text = this.paragraph.slice(frame.at + 1, textEnd).trim();
    if (text !== '') this.spans.push({ open: frame.at, close, text, closed });
  }

  closeAt(index: number, i: number): void {
    const frame = this.stack[index]!;
    this.stack.length = index;
    if (index === 0) this.emit(frame, i + 1, true, i);
  }

  openAt(kind: Kind, i: number): void {
    const stack = this.stack;
    const same = stack.findIndex((f) => f.kind === kind);
    if (same !== -1 && kind !== "'" && kind !== '‘') {
      this.remaining ??= remainingClosers(this.paragraph);
      const table = kind === '«' ? this.remaining.guillemet : this.remaining.curly;
      const openCount = stack.filter((f) => f.kind === kind).length;
      const nests = (kind === '“' || kind === '«') && table[i]! > openCount;
      if (!nests) {
        // Re-opened without closing: the earlier quotation ends here, unterminated.
        const frame = stack[same]!;
        stack.length = same;
        if (same === 0) {
          const cut = cutTrailingClause(this.paragraph, frame.at + 1, i);
          this.emit(frame, cut, false, cut);
        }
      }
    }
    if (stack.length < MAX_DEPTH) stack.push({ kind, at: i });
  }
}

/**
 * The top-level quotations of `paragraph`, in order. Nested quotations stay
 * inside their outer one. An opener of the same kind as a quotation already
 * open, with too few closers left to nest, ends the earlier quotation there
 * (unterminated). A double-mark quotation still open at the end runs to the
 * end of the paragraph (unterminated). Stops after `maxSpans` quotations.
 */
export function findQuotations(paragraph: string, maxSpans = Number.POSITIVE_INFINITY): MarkSpan[] {
  // Most paragraphs hold no quotation mark at all: answer before setting anything up.
  if (!ANY_MARK.test(paragraph)) return [];
  const scan = new QuotationScan(paragraph);
  const { spans, stack } = scan;

  // Jump from mark to mark: the scan of the letters in between stays in the regex engine.
  const marks = MARKS;
  marks.lastIndex = 0;
  for (let m = marks.exec(paragraph); m !== null && spans.length < maxSpans; m = marks.exec(paragraph)) {
    const i = m.index;
    const ch = m[0];
    switch (ch) {
      case '"': {
        const o = canOpen(paragraph, i);
        const c = canClose(paragraph, i);
        const k = findKind(stack, '"');
        if (k !== -1) {
          if (c || !o) scan.closeAt(k, i);
          else scan.openAt('"', i); // only text after it: a new quotation, the open one was never closed
        } else if (o || !c) {
          scan.openAt('"', i);
        } // else: a stray closer
        break;
      }
      case '“': {
        const low = findKind(stack, '„');
        if (low !== -1) { scan.closeAt(low, i); break; }
        // “ ends a quotation it cannot open (text before it, none after): “…“, reversed ”…“, mixed "…“.
        const curly = canClose(paragraph, i) && !canOpen(paragraph, i) ? findCloser(stack, '“') : -1;
        if (curly !== -1) { scan.closeAt(curly, i); break; }
        scan.openAt('“', i);
        break;
      }
      case '”': {
        const k = findCloser(stack, '”');
        if (k !== -1) scan.closeAt(k, i);
        else if (canOpen(paragraph, i) && !canClose(paragraph, i)) scan.openAt('”', i);
        break;
      }
      case '„':
      case '«':
      case '‹':
        scan.openAt(ch, i);
        break;
      case '»':
      case '›': {
        const k = findCloser(stack, ch);
        if (k !== -1) scan.closeAt(k, i);
        break;
      }
      case '‘':
        if (!isLetter(paragraph[i - 1]) && canOpen(paragraph, i)) scan.openAt('‘', i);
        break;
      case '’': {
        if (isLetter(paragraph[i + 1])) break; // apostrophe: don’t, l’État
        const k = findKind(stack, '‘');
        if (k !== -1) scan.closeAt(k, i);
        break;
      }
      case "'": {
        const prev = paragraph[i - 1];
        const next = paragraph[i + 1];
        if (isLetter(prev) && isLetter(next)) break; // apostrophe
        const k = findKind(stack, "'");
        if (k !== -1 && canClose(paragraph, i) && !isLetter(next)) scan.closeAt(k, i);
        else if ((isSpace(prev) || /[([{:\u2014\u2013"“«]/u.test(prev ?? '')) && isLetter(next)) scan.openAt("'", i);
        break;
      }
      default:
        break;
    }
  }
  const bottom = stack[0];
  if (bottom && !SINGLE.has(bottom.kind) && spans.length < maxSpans) scan.emit(bottom, paragraph.length, false, paragraph.length);
  return spans;
}
