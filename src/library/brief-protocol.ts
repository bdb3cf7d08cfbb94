import type { BriefedArticle } from './load';

/** A file for a briefing worker to read and brief. */
export interface BriefRequest {
  seq: number;
  path: string;
  maxBytes: number;
  /** Compute the summary (false: leave it pending). */
  summary: boolean;
  /** Answer with the summary part only (see `summaryPart`). */
  summaryOnly: boolean;
}

/** A briefing worker's answer for one file: the briefed article, or why the file is bad. */
export type BriefReply = { seq: number; ok: true; article: BriefedArticle } | { seq: number; ok: false; message: string };

/**
 * Messages go in batches both ways (one `postMessage` per several files), as
 * each message costs far more than its few bytes: main → worker
 * `BriefRequest[]`, worker → main `BriefReply[]`.
 */
export type BriefRequestBatch = BriefRequest[];

/** Several answers of a worker in one message (see {@link BriefRequestBatch}). */
export type BriefReplyBatch = BriefReply[];
