import type { PortableRead } from '../content/portable';
import type { BriefedArticle, BriefPart } from './load';

/** An article for a briefing worker to read (a file it reads itself, or the article handed over) and brief. */
export interface BriefRequest {
  seq: number;
  read: PortableRead;
  /** What the file is briefed for. */
  part: BriefPart;
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
