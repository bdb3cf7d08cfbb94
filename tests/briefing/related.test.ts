import { describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing';
import { cleanArticle } from '../../src/briefing/clean';

const body = (text: string): string => cleanArticle(text).paragraphs.join('\n');
const headings = (text: string): string[] => {
  const cleaned = cleanArticle(text);
  return cleaned.paragraphs.filter((_, i) => cleaned.kinds[i] === 'heading');
};

const AR_LEAD = 'وصل وزير الخارجية إلى العاصمة صباح اليوم في زيارة رسمية تستغرق يومين.';
const AR_NEXT = 'وعقد الوزير اجتماعا مطولا مع نظيره لبحث العلاقات الثنائية والملفات الإقليمية.';
const EN_LEAD = 'The foreign minister arrived in the capital on Monday for two days of talks.';
const EN_NEXT = 'He met his counterpart to discuss trade, energy and regional security.';
const FR_LEAD = 'Le ministre des Affaires étrangères est arrivé lundi dans la capitale pour deux jours.';
const FR_NEXT = 'Il a rencontré son homologue pour parler de commerce et de sécurité régionale.';

describe('related-article links, embeds and captions', () => {
  it.each([
    ['a link block with a question (BBC)', `${AR_LEAD}\nاليمن: أطفال يواجهون الجوع في الحديدة\nهل تنقذ الأمم المتحدة اليمن من مخاطر المجاعة؟\n${AR_NEXT}`, ['أطفال يواجهون', 'هل تنقذ']],
    ['a link block of headlines ending in quotes', `${AR_LEAD}\nالأولمبياد الشتوي: لاعبة تزلج تدخل التاريخ بعد "قفزة خارقة"\nقراصنة يستهدفون الأولمبياد الشتوي بهجمات إلكترونية\nالكوريتان تشاركان في الأولمبياد بعلم "كوريا الموحدة"\n${AR_NEXT}`, ['قفزة خارقة', 'قراصنة', 'الكوريتان']],
    ['photo and video links', `${AR_LEAD}\nبالصور: مواجهات عنيفة بين متظاهرين وقوات الأمن\nبالفيديو: أطفال ضحايا للصراع يروون قصصهم\n${AR_NEXT}`, ['بالصور', 'بالفيديو']],
    ['a live-coverage prompt', `${AR_LEAD}\nتابعوا مباشرة على فرانس24 تغطية خاصة للانتخابات\n${AR_NEXT}`, ['تابعوا']],
    ['a photo credit line', `${AR_LEAD}\nتصوير: أحمد محمد\n${AR_NEXT}`, ['تصوير']],
    ['an Instagram embed and its caption', `${AR_LEAD}\nشكرا لكم جميعا 🌊\nA post shared by Mohamed Salah (@mosalah) on Jul 18, 2018 at 10:28am PDT\n${AR_NEXT}`, ['A post shared', 'شكرا لكم']],
  ])('drops %s (ar)', (_case, text, gone) => {
    const cleaned = body(text);
    for (const g of gone) expect(cleaned).not.toContain(g);
    expect(cleaned).toContain(AR_NEXT);
  });

  it.each([
    ['RELATED:', `${EN_LEAD}\nRELATED: Oil prices climb to a four-year high\n${EN_NEXT}`, ['Oil prices']],
    ['Watch:', `${EN_LEAD}\nWatch: The minister speaks to reporters\n${EN_NEXT}`, ['reporters']],
    ['Sign up for…', `${EN_LEAD}\nSign up for our morning newsletter to get the news first.\n${EN_NEXT}`, ['newsletter']],
    ['a tweet footer and its link', `${EN_LEAD}\nWe are ready for talks. pic.twitter.com/AbCdEf123\n— Jane Doe (@janedoe) March 5, 2024\n${EN_NEXT}`, ['pic.twitter.com', '@janedoe']],
    ['a caption ending in a Getty credit', `${EN_LEAD}\nProtesters march through the capital on Sunday. AFP/Getty Images\n${EN_NEXT}`, ['Protesters march']],
    ['a caption ending in a Reuters credit', `${EN_LEAD}\nThe minister waves as he lands at the airport. REUTERS/John Smith\n${EN_NEXT}`, ['waves']],
    ['a (Photo: …) caption', `${EN_LEAD}\nThe minister at the airport on Monday. (Photo: Jane Doe/AP)\n${EN_NEXT}`, ['at the airport on Monday']],
    ['a Photograph: credit', `${EN_LEAD}\nPhotograph: Jane Doe/Reuters\n${EN_NEXT}`, ['Photograph']],
    ['share buttons', `${EN_LEAD}\nShare\nSave\nListen to this article\n${EN_NEXT}`, ['Share', 'Save', 'Listen']],
    ['a reading time', `${EN_LEAD}\n5 min read\n${EN_NEXT}`, ['min read']],
  ])('drops %s (en)', (_case, text, gone) => {
    const cleaned = body(text);
    for (const g of gone) expect(cleaned).not.toContain(g);
    expect(cleaned).toContain(EN_NEXT);
  });

  it.each([
    ['Lire aussi without a colon', `${FR_LEAD}\nLire aussi Le pétrole atteint son plus haut niveau depuis quatre ans\n${FR_NEXT}`, ['pétrole']],
    ['À lire aussi', `${FR_LEAD}\nÀ lire aussi : La visite du ministre en images\n${FR_NEXT}`, ['en images']],
    ['Publicité', `${FR_LEAD}\nPublicité\n${FR_NEXT}`, ['Publicité']],
    ['a paywall counter and reading time', `${FR_LEAD}\nLecture 3 min.\nIl vous reste 80 % de cet article à lire.\n${FR_NEXT}`, ['Lecture', 'Il vous reste']],
    ['a Photo : credit', `${FR_LEAD}\nPhoto : Ludovic Marin / AFP\n${FR_NEXT}`, ['Ludovic']],
    ['a caption with a credit', `${FR_LEAD}\nLe ministre à son arrivée à l’aéroport, lundi. (Crédit photo : AFP)\n${FR_NEXT}`, ['arrivée']],
  ])('drops %s (fr)', (_case, text, gone) => {
    const cleaned = body(text);
    for (const g of gone) expect(cleaned).not.toContain(g);
    expect(cleaned).toContain(FR_NEXT);
  });

  it.each([
    ['a heading after a link block', `${AR_LEAD}\nاستمرار احتجاجات الأردن رغم استقالة رئيس الوزراء\nكيف يواجه الأردن ضغوط اللاجئين السوريين؟\n"مفترق طرق"\n${AR_NEXT}`, ['"مفترق طرق"']],
    ['a heading before a question in the text', `${AR_LEAD}\nعبد الهادي الخواجة\nولكن من هو عبد الهادي الخواجة الذي ترفض السلطات زيارته؟\n${AR_NEXT}`, ['عبد الهادي الخواجة']],
    ['a heading after a rhetorical question', `${AR_LEAD}\nفما الذي يحدث؟\nأخطار الاستدانة\n${AR_NEXT}`, ['أخطار الاستدانة']],
    ['a label before a quoted product name', `${AR_LEAD}\nالسعر\nهاتف "Honor 7x"\n${AR_NEXT}`, ['السعر']],
    ['an English heading', `${EN_LEAD}\nWhat happens next\n${EN_NEXT}`, ['What happens next']],
    ['a French heading', `${FR_LEAD}\nUne mobilisation massive\n${FR_NEXT}`, ['Une mobilisation massive']],
  ])('keeps %s as a section', (_case, text, want) => {
    expect(headings(text)).toEqual(want);
  });

  it.each([
    ['ar', `${AR_LEAD}\nاليمن: أطفال يواجهون الجوع في الحديدة\nهل تنقذ الأمم المتحدة اليمن من مخاطر المجاعة؟\n${AR_NEXT}`],
    ['en', `${EN_LEAD}\nOil prices climb to a four-year high\nWhy are oil prices rising?\n${EN_NEXT}`],
  ])('keeps related links out of sections and summary (%s)', (_lang, text) => {
    const briefing = createBriefing(text, { sentences: 5 });
    expect(briefing.sections).toEqual([]);
    expect(briefing.summary.join(' ')).not.toMatch(/؟|\?/u);
  });

  it.each([
    ['a sentence mentioning Getty', 'Getty Images said on Monday that it would cut 200 jobs across its offices.'],
    ['a sentence ending with a quoted phrase', 'وقال الوزير: "لن نتراجع"'],
    ['a French sentence with lire', 'Lire un livre par semaine est devenu rare chez les adolescents, selon une étude.'],
  ])('keeps %s', (_case, line) => {
    expect(body(`${EN_LEAD}\n${line}\n${EN_NEXT}`)).toContain(line);
  });
});
