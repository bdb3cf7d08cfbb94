/**
 * Entry of a briefing worker thread (see `brief-pool.ts`): reads, decodes and
 * briefs the articles it is sent (files it reads itself, or articles handed over), in batches, and answers each with the
 * briefed article and its search index entry (never the text) or the reason
 * the file is bad. Answers go back a few at a time, so the main thread can
 * index them while this thread briefs the rest of the batch.
 */
import { parentPort } from 'node:worker_threads';
import { readPortable } from '../content/portable';
import { briefSource, toKeep } from './load';
import type { BriefReply, BriefReplyBatch, BriefRequest, BriefRequestBatch } from './brief-protocol';

/** Answers sent back in one message. */
const REPLIES_PER_MESSAGE = 4;

const port = parentPort;
if (!port) throw new Error('brief-worker must run in a worker thread');

function briefOne({ seq, read, part }: BriefRequest): BriefReply {
  try {
    // postMessage copies it; the index entry is folded here so that the main thread does not have to.
    return { seq, ok: true, article: toKeep(briefSource(readPortable(read), part), part) };
  } catch (error) {
    return { seq, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

port.on('message', (batch: BriefRequestBatch) => {
  let replies: BriefReplyBatch = [];
  for (const request of batch) {
    replies.push(briefOne(request));
    if (replies.length >= REPLIES_PER_MESSAGE) {
      port.postMessage(replies);
      replies = [];
    }
  }
  if (replies.length > 0) port.postMessage(replies);
});
