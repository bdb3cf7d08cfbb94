/** Languages of {@link quotesArticle}. */
export type QuoteLanguage = 'ar' | 'en' | 'fr';

/** A search word every quote of {@link quotesArticle} in that language contains. */
export const QUOTE_WORDS: Record<QuoteLanguage, string> = { ar: 'سننجز', en: 'deliver', fr: 'livrerons' };

/** An article (Markdown with front matter, dated day `n` of March 2024) of five quotes by one speaker, each with the language's search word. */
export function quotesArticle(language: QuoteLanguage, n: number): string {
  const topics = { ar: ['الترام', 'الجسر', 'الميزانية', 'المدارس', 'الحدائق'], en: ['the tram', 'the bridge', 'the budget', 'the schools', 'the parks'], fr: ['le tram', 'le pont', 'le budget', 'les écoles', 'les parcs'] }[language];
  const lines = topics.map((topic, i) => ({
    ar: `وقالت الوزيرة ليلى حسن: «سننجز مشروع ${topic} في موعده كما وعدنا في الخطة ${n}.${i}».`,
    en: `"We will deliver ${topic} on time, as promised in plan ${n}.${i}," said councillor Mary Jones.`,
    fr: `« Nous livrerons ${topic} à temps, comme promis dans le plan ${n}.${i} », a déclaré la maire Claire Martin.`,
  })[language]);
  const title = { ar: `خطة المدينة ${n}`, en: `City plan ${n}`, fr: `Plan de la ville ${n}` }[language];
  return ['---', `title: ${title}`, `published: 2024-03-${String(n).padStart(2, '0')}`, `language: ${language}`, '---', { ar: `اجتمع المجلس في اليوم ${n} لمناقشة خطة المدينة الجديدة.`, en: `The council met on day ${n} to discuss the new city plan.`, fr: `Le conseil s’est réuni le jour ${n} pour discuter du nouveau plan de la ville.` }[language], ...lines].join('\n\n');
}
