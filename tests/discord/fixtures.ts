import type { Briefing } from '../../src/briefing/schema';
import type { LibraryArticle } from '../../src/library/types';

/** A library article with a hand-made briefing, for rendering tests. */
export function article(overrides: Partial<Briefing> = {}, extra: Partial<LibraryArticle> = {}): LibraryArticle {
  const briefing: Briefing = {
    headline: 'Mayor opens new bridge',
    language: 'en',
    direction: 'ltr',
    sections: [],
    quotes: [{ text: 'This bridge connects us all.', speaker: 'Jane Doe', speakerRole: 'the mayor', paragraph: 1, partial: false }],
    summary: ['The mayor opened the bridge on Monday.', 'Traffic starts next week.'],
    ...overrides,
  };
  return { id: 'bridge', format: 'md', meta: {}, briefing, timestamp: Date.UTC(2024, 4, 1), mtimeMs: Date.UTC(2024, 4, 1), ...extra };
}

export const ARABIC: Partial<Briefing> = {
  headline: 'لافروف: روسيا تدعم كوريا الشمالية',
  language: 'ar',
  direction: 'rtl',
  quotes: [{ text: 'نحن ندعم حق بيونغ يانغ', speaker: 'سيرغي لافروف', speakerRole: 'وزير الخارجية الروسي', paragraph: 0, partial: false }],
  summary: ['قال وزير الخارجية الروسي إن بلاده تدعم كوريا الشمالية.'],
};

export const FRENCH: Partial<Briefing> = {
  headline: 'Le maire inaugure le pont',
  language: 'fr',
  direction: 'ltr',
  quotes: [{ text: 'Ce pont nous relie tous', speaker: 'Marie Dupont', paragraph: 0, partial: false }],
  summary: ['Le maire a inauguré le pont lundi.'],
};
