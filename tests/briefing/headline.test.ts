import { describe, expect, it } from 'vitest';
import { createBriefing, MAX_HEADLINE_LENGTH } from '../../src/briefing';
import { truncateAtWord } from '../../src/briefing/truncate';

describe('headline', () => {
  it.each([
    ['options.title wins', 'Some first line\nThe council met on Monday. It voted.', { title: 'Given title' }, 'Given title'],
    ['a title-like first line (en)', 'Council approves tram line\nThe council approved the line on Tuesday. It opens in 2027.', {}, 'Council approves tram line'],
    ['a title-like first line (ar)', 'الحكومة تعلن خطة لخفض أسعار الخبز\nأعلنت الحكومة خطة جديدة اليوم. وقال الوزير إنها تبدأ غدا.', {}, 'الحكومة تعلن خطة لخفض أسعار الخبز'],
    ['a title-like first line (fr)', 'Le Parlement adopte la réforme\nLe Parlement a adopté mardi la réforme. Elle entre en vigueur en septembre.', {}, 'Le Parlement adopte la réforme'],
    ['a one-sentence standfirst, without its period', 'Lavrov arrives in North Korea amid US fears.\nThe minister landed on Wednesday. He met officials.', {}, 'Lavrov arrives in North Korea amid US fears'],
    ['the first sentence of the body', 'The council met on Monday and voted twice. Then it adjourned. Nobody objected.', {}, 'The council met on Monday and voted twice'],
    ['not an ad marker', '[ad_1]\nCouncil approves tram line\nThe council approved the line on Tuesday.', {}, 'Council approves tram line'],
    ['not a byline', 'By Jane Smith\nThe council approved the line on Tuesday after a debate. It opens in 2027.', {}, 'The council approved the line on Tuesday after a debate'],
    ['not a dateline', '(CNN) -- The storm hit the coast on Monday. Thousands lost power.', {}, 'The storm hit the coast on Monday'],
    ['the title with ad markers cleaned', 'The council met.', { title: ' [ad_1] Tram line approved ' }, 'Tram line approved'],
  ])('%s', (_name, text, options, headline) => {
    expect(createBriefing(text, options).headline).toBe(headline);
  });

  it.each([
    ['ar: شاهد.. title', 'شاهد.. ولي العهد السعودي يصل واشنطن بزيارة رسمية\nوصل ولي العهد السعودي إلى واشنطن الثلاثاء. وسيلتقي الرئيس الأمريكي.'],
    ['ar: شاهد: title', 'شاهد: حرائق ضخمة تلتهم آلاف الهكتارات بأستراليا\nاندلعت حرائق ضخمة في غابات سيدني. وتحاول فرق الإطفاء السيطرة عليها.'],
    ['ar: بالصور: title', 'بالصور: جوائز البافتا التلفزيونية لعام 2018\nأقيم في لندن حفل توزيع الجوائز. وحضره نجوم كثيرون.'],
    ['ar: فيديو: title', 'فيديو: حضور عربي لافت في معرض باريس للكتاب\nأكد موفدنا أن الحضور العربي مميز هذا العام. وتنوعت المشاركات.'],
    ['ar: a title with two questions', 'ما هو التوكن؟ وما علاقته بالبلوك تشين؟\nيشرح هذا التقرير معنى التوكن. ويعرض استخداماته.'],
    ['en: WATCH: title', 'WATCH: Firefighters battle a wildfire near Athens\nFirefighters fought the blaze through the night. Hundreds were evacuated.'],
    ['en: a question title, then a standfirst', "What's next for Gaza, after Yahya Sinwar's appointment as Hamas political head?\nThe appointment came days after Ismail Haniyeh was assassinated in Tehran\nHours after Sinwar was named, many in Gaza wondered about the war. Talks continue."],
    ['fr: VIDÉO. title', 'VIDÉO. Les images de la crue de la Seine à Paris\nLe fleuve déborde dans la capitale\nLa Seine a atteint six mètres mardi. Les quais sont fermés.'],
    ['fr: a question title, then a standfirst', 'Retraites : que contient le texte adopté ?\nLe gouvernement a engagé sa responsabilité\nLe texte a été adopté jeudi. Il entre en vigueur en septembre.'],
  ])('keeps a video teaser or question title whole as the headline (%s)', (_name, text) => {
    const title = text.split('\n')[0]!;
    const briefing = createBriefing(text);
    expect(briefing.headline).toBe(title);
    expect(briefing.summary.join(' ')).not.toContain(title);
  });

  it.each([
    ['ar', 'الحكومة تعلن خطة جديدة\nأعلنت الحكومة خطة جديدة اليوم.\nشاهد.. الوزير يزور السوق\nوقال الوزير إنها تبدأ غدا.', 'الوزير يزور السوق'],
    ['ar, read-more first', 'شاهد أيضاً: الوزير يزور السوق\nأعلنت الحكومة خطة جديدة اليوم. وقال الوزير إنها تبدأ غدا.', 'الوزير يزور السوق'],
    ['en', 'Council approves tram line\nThe council approved the line on Tuesday.\nWATCH: Our video of the vote\nIt opens in 2027.', 'Our video of the vote'],
  ])('still drops a teaser link that is not the first line, and a read-more link (%s)', (_name, text, link) => {
    const briefing = createBriefing(text);
    expect(briefing.headline).not.toContain(link);
    expect(briefing.summary.join(' ')).not.toContain(link);
  });

  it.each([
    ['empty text', '', 'Untitled'],
    ['whitespace only', ' \n\t\n ', 'Untitled'],
    ['ad markers only', '[ad_1]\n[ad_2]', 'Untitled'],
    ['empty Arabic-forced text', '', 'بدون عنوان', 'ar'],
  ])('falls back for %s', (_name, text, headline, language?: string) => {
    expect(createBriefing(text, { language }).headline).toBe(headline);
  });

  it.each([
    ['a long English first sentence', `${'word '.repeat(200)}end.`],
    ['a long Arabic first sentence', `${'كلمة '.repeat(200)}نهاية.`],
    ['a long title option', 'x', 'title '.repeat(100)],
    ['one huge word', 'a'.repeat(5000)],
  ])('cuts %s at a word boundary to 256 characters with an ellipsis', (_name, text, title?: string) => {
    const { headline } = createBriefing(text, { title });
    expect(headline.length).toBeLessThanOrEqual(MAX_HEADLINE_LENGTH);
    expect(headline.endsWith('…')).toBe(true);
    expect(headline).not.toMatch(/\s…$/);
  });

  it('never splits a surrogate pair when cutting', () => {
    const cut = truncateAtWord('😀'.repeat(300), 256);
    expect(cut.length).toBeLessThanOrEqual(256);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
