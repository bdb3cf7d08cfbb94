/** Defaults of the web fetcher's settings (shared by the fetcher and src/config.ts). */

/** Cap on one fetched body: 5 MB (a news page is 50 KB – 2 MB). */
export const DEFAULT_FETCH_MAX_BYTES = 5_000_000;
/** Cap on one whole fetch, redirects included: 15 s. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
