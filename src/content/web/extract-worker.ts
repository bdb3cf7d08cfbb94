/**
 * Entry of the extraction worker thread (see `isolated-extractor.ts`): takes
 * the article out of each page it is sent and answers with the article or
 * why there is none.
 */
import { parentPort } from 'node:worker_threads';
import { extractArticle, NotAnArticleError } from '../../extraction';
import type { ExtractReply, ExtractRequest } from './isolated-extractor';

const port = parentPort;
if (!port) throw new Error('extract-worker must run in a worker thread');

port.on('message', ({ seq, html, url }: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { seq, ok: true, article: extractArticle(html, url) };
  } catch (error) {
    reply = { seq, ok: false, reason: error instanceof NotAnArticleError ? error.reason : undefined, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
// Loaded (module loading under tsx takes a while): the time limit of each page starts from here.
port.postMessage({ ready: true });
