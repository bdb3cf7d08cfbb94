import { createFolderSource } from '../content/folder-source';
import { createLibrary, type Library, type LibraryOptions } from './library';

/** Options of {@link createFolderLibrary}: the library's, with the folder's in place of a source. */
export interface FolderLibraryOptions extends Omit<LibraryOptions, 'source'> {
  contentDir: string;
  /** Size cap of one article file, in bytes. */
  maxBytes: number;
  /** Watch the folder for changes (default true). */
  watch?: boolean;
  /** Quiet time a file needs before it is read, in ms (default 0; the bot uses `LIBRARY_SETTLE_MS`): see `FolderSourceOptions.settleMs`. */
  settleMs?: number;
}

/** The library whose operator articles are the `.txt`/`.md` files of `contentDir` (see `createFolderSource`). */
export function createFolderLibrary({ contentDir, maxBytes, watch, settleMs, ...options }: FolderLibraryOptions): Library {
  return createLibrary({ ...options, source: createFolderSource(contentDir, { maxBytes, logger: options.logger, ...(watch === undefined ? {} : { watch }), ...(settleMs === undefined ? {} : { settleMs }) }) });
}
