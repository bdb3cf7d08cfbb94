import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing/index';
import type { AnnotatedArticle } from '../../eval/quote-gold';
import { evaluateQuotes, quoteGoals, titleOf } from '../../eval/quotes';
import { formatQuoteGoals, formatQuoteReport } from '../../eval/report';

const article = (language: string, name: string, text: string): AnnotatedArticle => ({ language, name, text, gold: { quotes: [], allowed_extra: [], patterns: [] } });

describe('quote evaluation: the headline of each annotated article is scored against its title', () => {
  it.each([
    ['ar', 'شاهد.. لحظة وصول الوزير\n\nنص الخبر.', 'شاهد.. لحظة وصول الوزير'],
    ['en', '\n\n  The  birth lottery \nBody.', 'The birth lottery'],
    ['fr', 'La grève continue\r\nLe texte.', 'La grève continue'],
    ['empty', '', ''],
  ])('%s: the title is the first non-empty line, spaces as a reader sees them', (_l, text, title) => {
    expect(titleOf(text)).toBe(title);
  });

  it('counts per language the articles whose headline is their title, and the goal holds only when all are', () => {
    const articles = [
      article('ar', 'a1', 'شاهد.. لحظة وصول الوزير إلى القاهرة\n\nوصل الوزير إلى القاهرة صباح اليوم في زيارة رسمية تستمر يومين.'),
      article('en', 'e1', 'Council approves the new budget\n\nThe city council approved the new budget on Monday after a long debate.'),
      article('fr', 'f1', 'Le conseil adopte le budget\n\nLe conseil municipal a adopté le budget lundi après un long débat.'),
    ];
    const real = evaluateQuotes('test', articles, (text) => createBriefing(text));
    expect(Object.values(real.byLanguage).map((s) => s.headlinesRight)).toEqual([1, 1, 1]);
    expect(quoteGoals(real.byLanguage.ar!).headlines).toBe(true);
    const wrong = evaluateQuotes('test', articles, (text) => ({ ...createBriefing(text), headline: 'Another headline' }));
    expect(wrong.overall.headlinesRight).toBe(0);
    expect(quoteGoals(wrong.byLanguage.fr!).headlines).toBe(false);
    expect(formatQuoteReport(wrong)).toContain('0/1');
    expect(formatQuoteGoals(wrong)).toContain('every headline right ✗');
  });
});
