export { createLibrary, type Library, type LibraryEvents, type LibraryOptions } from './library';
export { SearchIndex, type QuoteHit, type QuoteQuery, type Suggestion } from './search';
export { foldForSearch } from './normalize';
export type { ArticleLibrary, LibraryArticle } from './types';
export { GuildShelves, withSearch, type LibraryView, type LibrarySearch, type ReaderSearch, type ReaderView, type ShelfListener, type ShelvedArticle } from './shelves';
