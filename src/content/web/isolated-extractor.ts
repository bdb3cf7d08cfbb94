import type { Worker } from 'node:worker_threads';
import { type ExtractedArticle, NotAnArticleError, type NotAnArticleReason } from '../../extraction';
import { startModuleWorker } from '../../worker-bootstrap';

/** Longest one page's extraction may take before its worker is stopped: real pages take 10–100 ms. */
export const DEFAULT_EXTRACT_TIMEOUT_MS = 10_000;

/** A page sent to the worker. */
export interface ExtractRequest {
  seq: number;
  html: string;
  url: string;
}

/** The worker's answer. */
export type ExtractReply = { seq: number; ok: true; article: ExtractedArticle } | { seq: number; ok: false; reason?: NotAnArticleReason; message: string };

/** Article extraction as a service: `extract` never blocks the calling thread. */
export interface IsolatedExtractor {
  extract(html: string, url: string): Promise<ExtractedArticle>;
  close(): Promise<void>;
}

interface Task extends ExtractRequest {
  resolve(article: ExtractedArticle): void;
  reject(error: Error): void;
}

const WORKER_ENTRY = new URL('./extract-worker.ts', import.meta.url);

/**
 * Extraction in a worker thread, one page at a time, each within `timeoutMs`:
 * Readability takes seconds on some hostile markup (thousands of nested or
 * sibling elements), which must never stall the bot's event loop. A page over
 * time stops the worker (a new one starts for the next page) and is refused
 * as too complex.
 */
export function createIsolatedExtractor(options: { timeoutMs?: number; entry?: URL } = {}): IsolatedExtractor {
  return new WorkerExtractor(options.timeoutMs ?? DEFAULT_EXTRACT_TIMEOUT_MS, options.entry ?? WORKER_ENTRY);
}

class WorkerExtractor implements IsolatedExtractor {
  private readonly queue: Task[] = [];
  private worker: Worker | undefined;
  private ready = false;
  private current: { task: Task; timer: NodeJS.Timeout } | undefined;
  private seq = 0;
  private closed = false;

  constructor(private readonly timeoutMs: number, private readonly entry: URL) {}

  extract(html: string, url: string): Promise<ExtractedArticle> {
    if (this.closed) return Promise.reject(new Error('the extractor is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ seq: ++this.seq, html, url, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error('the extractor is closed'));
    const stopping = this.worker;
    this.worker = undefined;
    this.ready = false;
    await stopping?.terminate();
  }

  /** Send the next page once the worker is loaded, with its time limit. */
  private next(): void {
    if (this.current || this.closed || this.queue.length === 0) return;
    this.worker ??= this.spawn();
    if (!this.ready) return;
    const task = this.queue.shift()!;
    const timer = setTimeout(() => {
      this.stopWorker();
      this.finish((late) => late.reject(new NotAnArticleError('too-complex', late.url)));
    }, this.timeoutMs);
    this.current = { task, timer };
    this.worker.postMessage({ seq: task.seq, html: task.html, url: task.url } satisfies ExtractRequest);
  }

  private spawn(): Worker {
    const worker = startModuleWorker(this.entry);
    worker.unref();
    worker.on('message', (reply: ExtractReply | { ready: true }) => {
      if ('ready' in reply) {
        this.ready = this.worker === worker;
        this.next();
      } else if (this.current?.task.seq === reply.seq) {
        this.finish((task) => (reply.ok ? task.resolve(reply.article) : task.reject(reply.reason ? new NotAnArticleError(reply.reason, task.url) : new Error(reply.message))));
      }
    });
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', () => this.lost(worker, new Error('the extraction worker stopped')));
    return worker;
  }

  /** The worker died: the page it had fails, and so does every waiting page when it never got ready (it would not start again). */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    const wasReady = this.ready;
    this.stopWorker();
    if (this.current) this.finish((task) => task.reject(error));
    else if (!wasReady) this.failAll(error);
  }

  private finish(settle: (task: Task) => void): void {
    if (!this.current) return;
    clearTimeout(this.current.timer);
    const { task } = this.current;
    this.current = undefined;
    settle(task);
    this.next();
  }

  private failAll(error: Error): void {
    for (const task of this.queue.splice(0)) task.reject(error);
    this.finish((task) => task.reject(error));
  }

  private stopWorker(): void {
    const stopping = this.worker;
    this.worker = undefined;
    this.ready = false;
    void stopping?.terminate();
  }
}
