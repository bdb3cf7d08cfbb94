/**
 * Entry of a briefing worker thread (see `brief-pool.ts`): reads, decodes and
 * briefs the article files it is sent, one message per file, and answers each
 * with the briefed article (never the text) or the reason the file is bad.
 */
import { parentPort } from 'node:worker_threads';
import { briefSource, readArticleSync } from './load';
import type { BriefReply, BriefRequest } from './brief-protocol';

const port = parentPort;
if (!port) throw new Error('brief-worker must run in a worker thread');

port.on('message', (request: BriefRequest) => {
  let reply: BriefReply;
  try {
    reply = { seq: request.seq, ok: true, article: briefSource(readArticleSync(request.path, request.maxBytes)) }; // postMessage copies it
  } catch (error) {
    reply = { seq: request.seq, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
