import { describe, expect, it } from 'vitest';
import { createBriefing, readerExtract } from '../../src/briefing';
import { countWords } from '../../src/briefing/tokens';

/** Articles whose headline comes from the body: [case, text, the headline sentence as written in the body]. */
const FROM_BODY = [
  [
    'ar standfirst',
    'وتأتي زيارة الوزير وسط مخاوف من تعاون عسكري أوثق بين البلدين.\nوصل وزير الخارجية إلى العاصمة يوم الأربعاء في زيارة تستغرق يومين.\nوبحث الوزير مع نظيره ملفات التجارة والطاقة والأمن في المنطقة.\nومن المنتظر أن يلتقي الرئيس يوم الخميس قبل أن يعود إلى بلاده.',
    'وتأتي زيارة الوزير وسط مخاوف من تعاون عسكري أوثق بين البلدين.',
  ],
  [
    'en standfirst',
    'The visit comes amid fears of closer military ties between the two countries.\nThe foreign minister arrived in the capital on Wednesday for two days of talks.\nHe discussed trade, energy and security with his counterpart.\nHe is expected to meet the president on Thursday before flying home.',
    'The visit comes amid fears of closer military ties between the two countries.',
  ],
  [
    'fr first sentence of the lead',
    'Le ministre des Affaires étrangères est arrivé mercredi dans la capitale pour deux jours de discussions. Il a évoqué le commerce et l’énergie avec son homologue. Il doit rencontrer le président jeudi.\nLes deux pays ont signé trois accords sur les transports et la santé publique.',
    'Le ministre des Affaires étrangères est arrivé mercredi dans la capitale pour deux jours de discussions.',
  ],
] as const;

describe('summary and headline', () => {
  it.each(FROM_BODY)('does not repeat the headline sentence in the summary (%s)', (_case, text, sentence) => {
    const briefing = createBriefing(text, { sentences: 5 });
    expect(sentence.startsWith(briefing.headline)).toBe(true);
    expect(briefing.summary.length).toBeGreaterThan(0);
    expect(briefing.summary).not.toContain(sentence);
  });

  it.each([
    ['ar', 'وصل وزير الخارجية إلى العاصمة يوم الأربعاء في زيارة رسمية تستغرق يومين يبحث خلالها مع نظيره ملفات التجارة والطاقة والأمن الإقليمي، ويلتقي رئيس الحكومة ورؤساء اللجان البرلمانية، قبل أن يتوجه إلى الميناء الجديد لافتتاح محطة للحاويات بنتها شركات من البلدين بتمويل مشترك بلغ ثلاثة مليارات دولار على مدى خمس سنوات من العمل المتواصل، ثم يزور جامعة العاصمة ليلقي محاضرة عن مستقبل التعاون العلمي والثقافي بين الشعبين ويفتتح معرضا للكتاب.', 'ووقع الوفدان ثلاث اتفاقيات في مجالي النقل والصحة العامة.\nوستجتمع لجنة مشتركة مرة أخرى في الربيع.'],
    ['en', 'The foreign minister arrived in the capital on Wednesday for a two-day official visit to discuss trade, energy and regional security with his counterpart, and he will meet the prime minister and parliamentary committee chairs before travelling to the new port to open a container terminal that companies from both countries built with three billion dollars of joint funding over five years of continuous work.', 'The two delegations also signed three agreements on transport and public health.\nA joint commission will meet again in the spring.'],
    ['fr', 'Le ministre des Affaires étrangères est arrivé mercredi dans la capitale pour une visite officielle de deux jours consacrée au commerce, à l’énergie et à la sécurité régionale avec son homologue, et il rencontrera le Premier ministre et les présidents des commissions parlementaires avant de se rendre au nouveau port pour inaugurer un terminal à conteneurs construit par des entreprises des deux pays grâce à trois milliards de dollars de financement commun en cinq années de travaux.', 'Les deux délégations ont aussi signé trois accords sur les transports et la santé publique.\nUne commission mixte se réunira de nouveau au printemps.'],
  ])('gives the whole first sentence in the summary when the headline shows only its start (%s)', (_lang, lead, rest) => {
    const text = `${lead}\n${rest}`;
    const briefing = createBriefing(text, { sentences: 3 });
    expect(briefing.headline.endsWith('…')).toBe(true);
    expect(briefing.summary[0]).toBe(lead);
  });

  it.each([
    ['ar', 'البلدان يتفقان على تعميق العلاقات', 'البلدان يتفقان على تعميق العلاقات بينهما.\nوصل وزير الخارجية إلى العاصمة يوم الأربعاء في زيارة تستغرق يومين.\nوبحث الوزير مع نظيره ملفات التجارة والطاقة.', 'البلدان يتفقان على تعميق العلاقات بينهما.'],
    ['en', 'Minister arrives for talks on trade', 'The minister arrives for talks on trade.\nHe landed in the capital on Wednesday for two days of meetings with officials.\nThe two countries signed three agreements on transport.', 'The minister arrives for talks on trade.'],
    ['fr', 'Le ministre arrive pour parler commerce', 'Le ministre arrive pour parler commerce.\nIl a atterri mercredi dans la capitale pour deux jours de réunions avec des responsables.\nLes deux pays ont signé trois accords sur les transports.', 'Le ministre arrive pour parler commerce.'],
  ])('drops a sentence that only repeats the given title (%s)', (_lang, title, text, repeat) => {
    const summary = createBriefing(text, { title, sentences: 5 }).summary;
    expect(summary).not.toContain(repeat);
    expect(summary.length).toBeGreaterThan(0);
  });

  it.each([
    ['ar', 'زيارة وزير الخارجية', 'وصل وزير الخارجية إلى العاصمة يوم الأربعاء في زيارة تستغرق يومين لبحث التجارة.\nوبحث الوزير مع نظيره ملفات الطاقة والأمن في المنطقة.'],
    ['en', 'Foreign minister visit', 'The foreign minister arrived in the capital on Wednesday for two days of talks on trade.\nHe discussed energy and security with his counterpart.'],
    ['fr', 'Visite du ministre', 'Le ministre des Affaires étrangères est arrivé mercredi dans la capitale pour parler commerce.\nIl a évoqué l’énergie et la sécurité avec son homologue.'],
  ])('keeps the lead when a title is given, even if it shares words with it (%s)', (_lang, title, text) => {
    const summary = createBriefing(text, { title, sentences: 3 }).summary;
    expect(summary[0]).toBe(text.split('\n')[0]);
  });

  it.each([
    ['ar', 'أعلنت الحكومة يوم الاثنين خطة جديدة لدعم المزارعين في المناطق الريفية.', 'وأعلنت الحكومة يوم الاثنين خطة جديدة لدعم المزارعين في المناطق الريفية المتضررة.'],
    ['en', 'The government announced a new plan on Monday to support farmers in rural areas.', 'On Monday the government announced a new plan to support farmers in rural areas hit by drought.'],
    ['fr', 'Le gouvernement a annoncé lundi un nouveau plan pour soutenir les agriculteurs des zones rurales.', 'Lundi, le gouvernement a annoncé un nouveau plan pour soutenir les agriculteurs des zones rurales touchées.'],
  ])('keeps one of two sentences that say the same (%s)', (_lang, first, again) => {
    const text = `Title line here\n${first}\nOfficials said the money would reach the villages before the harvest season starts in spring.\n${again}\nThe opposition called the plan too small and too late for many families.`;
    const summary = createBriefing(text, { sentences: 4 }).summary;
    expect(summary.filter((s) => s === first || s === again)).toHaveLength(1);
  });

  it.each(FROM_BODY)('reads as headline sentence then summary within one word budget (%s)', (_case, text, sentence) => {
    const extract = readerExtract(text, 40);
    expect(extract[0]).toBe(sentence);
    expect(extract.slice(1)).not.toContain(sentence);
    expect(countWords(extract.join(' '))).toBeLessThanOrEqual(40);
  });

  it.each([
    ['ar', 'عنوان المقال', 'وصل وزير الخارجية إلى العاصمة يوم الأربعاء في زيارة تستغرق يومين.\nوبحث الوزير مع نظيره ملفات التجارة والطاقة والأمن في المنطقة.'],
    ['en', 'Article title', 'The foreign minister arrived in the capital on Wednesday for two days of talks.\nHe discussed trade, energy and security with his counterpart.'],
  ])('reads as the summary alone when the article has a title (%s)', (_lang, title, text) => {
    expect(readerExtract(text, 100, { title })).toEqual(createBriefing(text, { title, words: 100 }).summary);
  });

  it.each([
    ['empty', '', 50],
    ['headline longer than the budget', 'The foreign minister arrived in the capital on Wednesday for two days of talks.\nHe discussed trade.', 3],
  ])('keeps within bounds on edge cases (%s)', (_case, text, words) => {
    const extract = readerExtract(text, words);
    expect(extract.length).toBeLessThanOrEqual(1);
  });
});
