import type { BriefedArticle } from './load';

/** A file for a briefing worker to read and brief. */
export interface BriefRequest {
  seq: number;
  path: string;
  maxBytes: number;
}

/** A briefing worker's answer for one file: the briefed article, or why the file is bad. */
export type BriefReply = { seq: number; ok: true; article: BriefedArticle } | { seq: number; ok: false; message: string };
