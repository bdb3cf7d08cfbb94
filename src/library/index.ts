export { createLibrary, type Library, type LibraryEvents, type LibraryOptions } from './library';
export { createFolderLibrary, type FolderLibraryOptions } from './folder-library';
export { SearchIndex, type QuoteHit, type QuoteQuery, type Suggestion } from './search';
export { foldForSearch } from './normalize';
export type { ArticleLibrary, LibraryArticle } from './types';
export { mergedView, readerOf, withSearch, type LibraryView, type LibrarySearch, type ReaderSearch, type ReaderView } from './views';
export { memoryReader, type ArticleReader, type OwedArticle, type StreamPosition, type StreamStart } from './reader';
