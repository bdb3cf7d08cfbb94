import PQueue from 'p-queue';

/** Requests run at once against one host. */
export const CONNECTIONS_PER_HOST = 2;

/** One queue per host, so at most {@link CONNECTIONS_PER_HOST} requests run against it at once; idle queues are dropped. */
export class HostQueues {
  private readonly queues = new Map<string, PQueue>();

  async run<T>(host: string, signal: AbortSignal, task: () => Promise<T>): Promise<T> {
    let queue = this.queues.get(host);
    if (!queue) {
      queue = new PQueue({ concurrency: CONNECTIONS_PER_HOST });
      this.queues.set(host, queue);
    }
    try {
      return await queue.add(task, { signal });
    } finally {
      if (queue.size === 0 && queue.pending === 0 && this.queues.get(host) === queue) this.queues.delete(host);
    }
  }
}
