import type { Async, AsyncStore, Store, StoreWithFeeds } from './types';

/** Every method of `target` returning a promise (a throw becomes a rejection); other members as they are. */
function promised<T extends object>(target: T): Async<T> {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => new Promise((resolve) => resolve((value as (...a: unknown[]) => unknown).apply(object, args)));
    },
  }) as unknown as Async<T>;
}

/** A synchronous store (SQLite) seen through the asynchronous contract: the same answers, as resolved promises. */
export function asAsyncStore(store: Store): AsyncStore {
  return {
    schedules: promised(store.schedules),
    deliveries: promised(store.deliveries),
    ...('feeds' in store ? { feeds: promised((store as StoreWithFeeds).feeds) } : {}),
    ...('quotePages' in store ? { quotePages: promised((store as StoreWithFeeds).quotePages) } : {}),
    close: async () => store.close(),
  };
}
