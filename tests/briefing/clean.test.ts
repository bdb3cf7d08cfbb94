import { describe, expect, it } from 'vitest';
import { cleanArticle, isTitleLike } from '../../src/briefing/clean';
import { normalizeText } from '../../src/briefing/normalize';

const body = (text: string): string => cleanArticle(text).paragraphs.join('\n');

describe('cleanArticle removes scraped boilerplate', () => {
  it.each([
    ['ad markers', 'الخبر الأول هنا.\n[ad_1]\nوتابع الوزير حديثه.\n[ad_12]', '[ad_'],
    ['inline ad markers', 'The council met on Monday. [ad_2] It voted twice.', '[ad_2]'],
    ['a bare trailing source line', 'وصل الوزير إلى العاصمة.\nوعقد اجتماعا مطولا.\nالمصدر', 'المصدر'],
    ['a trailing source line with agencies', 'وصل الوزير إلى العاصمة.\nوعقد اجتماعا مطولا.\nالمصدر: وكالات', 'وكالات'],
    ['an English source line', 'The minister arrived.\nHe held talks.\nSource: Reuters', 'Source'],
    ['a French source line', 'Le ministre est arrivé.\nIl a parlé.\nSource : AFP', 'Source'],
    ['a wire credit line', 'The minister arrived.\nHe held talks.\nReporting by Jane Doe; Editing by John Roe', 'Reporting'],
    ['a French agency credit', 'Le ministre est arrivé.\nIl a parlé.\n(Avec AFP)', 'AFP'],
    ['an Arabic agency credit', 'وصل الوزير إلى العاصمة.\nوعقد اجتماعا مطولا.\n(رويترز)', 'رويترز'],
    ['an agency credit line', 'وصل الوزير إلى العاصمة.\nوعقد اجتماعا مطولا.\nفرانس24/ أ ف ب', 'فرانس24'],
    ['read-more with a link (ar)', 'وصل الوزير.\nاقرأ أيضًا: ارتفاع أسعار النفط\nوعقد اجتماعا.', 'ارتفاع أسعار'],
    ['read-more without hamza', 'وصل الوزير.\nاقرأ أيضا: ارتفاع أسعار النفط\nوعقد اجتماعا.', 'ارتفاع أسعار'],
    ['read-more with a link (en)', 'The minister arrived.\nRead more: Oil prices rise again\nHe held talks.', 'Oil prices'],
    ['read-more with a link (fr)', 'Le ministre est arrivé.\nLire aussi : Le pétrole grimpe\nIl a parlé.', 'pétrole'],
    ['à lire aussi (fr)', 'Le ministre est arrivé.\nÀ lire aussi : Le pétrole grimpe\nIl a parlé.', 'pétrole'],
    ['related headlines after a read-more marker', 'وصل الوزير إلى العاصمة.\nاقرأ أيضاً:\nارتفاع أسعار النفط عالميا\nما هي أوبك؟\nوعقد الوزير اجتماعا مطولا مع نظيره في العاصمة لبحث العلاقات.', 'أوبك'],
    ['read-more glued to its colon', 'وصل الوزير.\nاقرأ: (محمد بن سلمان يحاور الصحفيين)\nوعقد اجتماعا.', 'محمد بن سلمان'],
    ['may-interest-you links', 'وصل الوزير.\nقد يهمك أيضا: عام على الأزمة الخليجية\nوعقد اجتماعا.', 'الأزمة'],
    ['watch-the-video lines', 'وصل الوزير.\nشاهد هذا الفيديو ضمن سلسلة CNN التي نعرضها على موقعنا.\nوعقد اجتماعا.', 'الفيديو'],
    ['Advertisement', 'The minister arrived.\nAdvertisement\nHe held talks.', 'Advertisement'],
    ['Publicité', 'Le ministre est arrivé.\nPublicité\nIl a parlé.', 'Publicité'],
    ['إعلان', 'وصل الوزير.\nإعلان\nوعقد اجتماعا.', 'إعلان'],
    ['image captions', 'The minister arrived.\nImage caption The minister at the airport\nHe held talks.', 'Image caption'],
    ['ad labels with a tail', 'The minister arrived.\nAdvertisement - Scroll to continue\nHe held talks.', 'Scroll'],
    ['a continues-below label', 'The minister arrived.\nStory continues below advertisement\nHe held talks.', 'continues'],
    ['a French subscriber notice', 'Le ministre est arrivé.\nArticle réservé aux abonnés\nIl a parlé.', 'abonnés'],
    ['a bare link', 'The minister arrived.\nhttps://example.com/story/123\nHe held talks.', 'example.com'],
    ['a Markdown image', 'The minister arrived.\n![The minister](https://example.com/a.jpg)\nHe held talks.', 'example.com'],
    ['separator lines', 'وصل الوزير.\n--------------------\nوعقد اجتماعا.', '----'],
    ['app promotions', 'وصل الوزير.\nيمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.\nوعقد اجتماعا.', 'إشعارات'],
    ['related headlines stuck between paragraphs', 'وصل الوزير إلى العاصمة صباح اليوم.\nترامب يقيل وزير خارجيته تيلرسون ويعين بومبيو بديلا له\nفيسبوك يوقف 583 مليون حساب مزيف في 3 أشهر فقط\nوعقد الوزير اجتماعا مطولا.', 'فيسبوك'],
    ['a related headline with a colon', 'وصل الوزير إلى العاصمة صباح اليوم.\nمحمد صلاح: قصة صعود النجم المصري\nوعقد الوزير اجتماعا مطولا.', 'محمد صلاح'],
  ])('drops %s', (_kind, input, gone) => {
    const cleaned = body(input);
    expect(cleaned).not.toContain(gone);
    expect(cleaned.length).toBeGreaterThan(0);
  });

  it('keeps a sentence that starts with the verb شاهد (watched) but is not a video link', () => {
    const text = 'شاهد آلاف الأشخاص فيلما نشرته الشركة كاملا على يوتيوب.\nوتداركت الشركة الخطأ.';
    expect(cleanArticle(text).paragraphs).toContain('شاهد آلاف الأشخاص فيلما نشرته الشركة كاملا على يوتيوب.');
  });

  it.each([
    ['Arabic', 'وصل الوزير إلى العاصمة.\nاقرأ أيضا: خبر آخر\nوعقد اجتماعا مطولا.', ['وصل الوزير إلى العاصمة.', 'وعقد اجتماعا مطولا.']],
    ['English', 'The minister arrived.\nAdvertisement\nHe held talks.', ['The minister arrived.', 'He held talks.']],
    ['French', 'Le ministre est arrivé.\nPublicité\nIl a parlé.', ['Le ministre est arrivé.', 'Il a parlé.']],
  ])('keeps the article text (%s)', (_lang, input, paragraphs) => {
    expect(cleanArticle(input).paragraphs).toEqual(paragraphs);
  });
});

describe('cleanArticle normalises characters', () => {
  it.each([
    ['CRLF line ends', 'First line here.\r\nSecond line here.', ['First line here.', 'Second line here.']],
    ['CR line ends', 'First line here.\rSecond line here.', ['First line here.', 'Second line here.']],
    ['a BOM', '\uFEFFFirst line here.\nSecond line here.', ['First line here.', 'Second line here.']],
    ['zero-width and bidi controls', 'وصل\u200f الوزير\u202b إلى\u2066 العاصمة\u2069.\u200b\nوعقد اجتماعا.', ['وصل الوزير إلى العاصمة.', 'وعقد اجتماعا.']],
    ['decomposed accents (NFC)', 'Le ministre est arrive\u0301.\nIl a parlé.', ['Le ministre est arrivé.', 'Il a parlé.']],
  ])('handles %s', (_kind, input, paragraphs) => {
    expect(cleanArticle(input).paragraphs).toEqual(paragraphs);
  });

  it('joins hard-wrapped lines back into paragraphs', () => {
    const wrapped = [
      'The council approved the new tram line on Tuesday after a long and',
      'heated debate that lasted for more than six hours in the town hall',
      'and ended a dispute that had divided the city for three years.',
      'Opponents said the budget was unrealistic and that the works would',
      'disrupt traffic in the old town for at least two more years.',
    ].join('\n');
    expect(cleanArticle(wrapped).paragraphs).toHaveLength(2);
  });

  it('leaves single spaces where an inline ad marker was', () => {
    expect(cleanArticle('The council met [ad_1] on Monday.').paragraphs).toEqual(['The council met on Monday.']);
  });

  it('keeps the text of Markdown links', () => {
    expect(cleanArticle('The [council](https://example.com/c) met on Monday.\nIt voted.').paragraphs[0]).toBe('The council met on Monday.');
  });

  it('normalizeText collapses exotic spaces and drops control characters', () => {
    expect(normalizeText('a\u00a0\u2003b\u0007c')).toBe('a b c');
  });
});

describe('cleanArticle keeps metadata', () => {
  it.each([
    ['By (en)', 'Council approves tram\nBy Jane Smith\nThe council approved the tram line on Tuesday.\nIt will open in 2027.', { byline: 'By Jane Smith' }],
    ['Par (fr)', 'Le Parlement adopte la réforme\nPar Jean Dupont\nLe Parlement a adopté la réforme mardi.\nElle entre en vigueur en septembre.', { byline: 'Par Jean Dupont' }],
    ['بقلم (ar)', 'الحكومة تخفض الأسعار\nبقلم سارة الأحمد\nأعلنت الحكومة خفض الأسعار اليوم.\nوقال الوزير إن الخطة تبدأ غدا.', { byline: 'بقلم سارة الأحمد' }],
    ['an opinion disclaimer', 'هذا المقال بقلم بشار جرار، متحدث ومدرب غير متفرغ مع برنامج الدبلوماسية العامة، والآراء الواردة أدناه تعبر عن رأي الكاتب ولا تعكس بالضرورة وجهة نظر شبكة CNN.\nقال الكاتب إن المنطقة تمر بمرحلة صعبة.\nوأضاف أن الحل سياسي.', { byline: 'بقلم بشار جرار' }],
    ['an analysis byline (ar)', 'التحليل بقلم المحرر الرئيسي بـ CNN، كريس سيليزا\nقال الرئيس إن الاقتصاد قوي رغم الأزمة.\nوأضاف أن الحل سياسي.', { byline: 'التحليل بقلم المحرر الرئيسي بـ CNN، كريس سيليزا' }],
    ['an analysis byline (en)', 'Analysis by Chris Cillizza, CNN Editor-at-large\nThe president said the economy was strong.\nHe added that talks would continue.', { byline: 'Analysis by Chris Cillizza, CNN Editor-at-large' }],
    ['(CNN) --', '(CNN) -- The storm hit the coast on Monday.\nThousands lost power.', { dateline: '(CNN) --' }],
    ['(CNN) glued to the sentence', '(CNN)President Biden signed the bill on Monday.\nIt takes effect in May.', { dateline: '(CNN)' }],
    ['PLACE (AP) —', 'WASHINGTON (AP) — The Senate passed the bill on Friday.\nThe vote was close.', { dateline: 'WASHINGTON (AP) —' }],
    ['PLACE, State. (AP) —', 'WOODSIDE, Calif. (AP) — President Joe Biden met Xi Jinping on Wednesday.\nThey talked for four hours.', { dateline: 'WOODSIDE, Calif. (AP) —' }],
    ['PLACE (AFP) -', 'PARIS (AFP) - Le Parlement a adopté la réforme mardi.\nElle entre en vigueur en septembre.', { dateline: 'PARIS (AFP) -' }],
    ['CITY —', 'WASHINGTON — The Senate passed the bill on Friday.\nThe vote was close.', { dateline: 'WASHINGTON —' }],
    ['Arabic city and agency', 'دبي، الإمارات العربية المتحدة (CNN)-- أعلنت الشركة خطة جديدة.\nوقالت إنها ستبدأ قريبا.', { dateline: 'دبي، الإمارات العربية المتحدة (CNN)--' }],
    ['Arabic city -', 'القاهرة - أعلنت الحكومة خفض الأسعار.\nوقال الوزير إن الخطة تبدأ غدا.', { dateline: 'القاهرة -' }],
    ['Arabic city - newspaper -', 'عمان- الرأي- دعا معهد ثربانتس الأطفال إلى مسابقة للرسم.\nوتستمر المسابقة شهرا.', { dateline: 'عمان- الرأي-' }],
    ['Arabic city - (agency) -', 'القاهرة - (وكالة) - أعلنت الحكومة خفض الأسعار.\nوقال الوزير إن الخطة تبدأ غدا.', { dateline: 'القاهرة - (وكالة) -' }],
    ['Arabic city - agency:', 'الرياض - واس: افتتح أمير المنطقة معرض الكتاب.\nويستمر المعرض عشرة أيام.', { dateline: 'الرياض - واس:' }],
    ['Arabic city ـ «newspaper»:', 'بيروت ـ «القدس العربي»: شهدت العاصمة تظاهرات واسعة.\nوطالب المتظاهرون بإصلاحات.', { dateline: 'بيروت ـ «القدس العربي»:' }],
    ['Arabic city - reporter -', 'غزة - محمد أحمد - قصفت الطائرات مواقع عدة في القطاع.\nوأفاد شهود بسقوط جرحى.', { dateline: 'غزة - محمد أحمد -' }],
    ['Published …', 'Council approves tram\nPublished 10:30 GMT, 3 March 2024\nThe council approved the tram line on Tuesday.\nIt will open in 2027.', { dateline: 'Published 10:30 GMT, 3 March 2024' }],
  ])('keeps %s as metadata, out of the body', (_kind, input, meta) => {
    const cleaned = cleanArticle(input);
    expect(cleaned).toMatchObject(meta);
    const text = cleaned.paragraphs.join('\n');
    for (const value of Object.values(meta)) expect(text).not.toContain(value);
  });

  it.each([
    ['a clause between dashes', 'القاهرة - وهي أكبر مدن أفريقيا وأكثرها ازدحاما - تستضيف القمة.\nوتبدأ القمة غدا.', 'القاهرة -', 'وهي أكبر مدن أفريقيا وأكثرها ازدحاما - تستضيف القمة.'],
    ['a speaker before a colon', 'واشنطن - قال ترامب: «سنفرض رسوما جديدة».\nوردت الصين بغضب.', 'واشنطن -', 'قال ترامب: «سنفرض رسوما جديدة».'],
  ])('keeps the sentence after an Arabic city dateline whole: %s', (_case, input, dateline, first) => {
    const cleaned = cleanArticle(input);
    expect(cleaned.dateline).toBe(dateline);
    expect(cleaned.paragraphs[0]).toBe(first);
  });

  it('does not take an ordinary dash in an Arabic sentence for a dateline', () => {
    const cleaned = cleanArticle('الطبيعة - بمعناها العام - تعني العالم المادي كله.\nوتشمل الحياة عموما.');
    expect(cleaned.dateline).toBeUndefined();
    expect(cleaned.paragraphs[0]).toBe('الطبيعة - بمعناها العام - تعني العالم المادي كله.');
  });
});

describe('cleanArticle finds titles, headings and list items', () => {
  it.each([
    ['ar', 'وصل الوزير إلى العاصمة صباح اليوم.\nتعميق العلاقات\nوعقد الوزير اجتماعا مطولا مع نظيره.', 'تعميق العلاقات'],
    ['en', 'The minister arrived on Monday morning.\nWhat happens next\nTalks will continue on Tuesday.', 'What happens next'],
    ['fr', 'Le ministre est arrivé lundi matin.\nUne mobilisation massive\nLes syndicats manifestent jeudi.', 'Une mobilisation massive'],
    ['quoted heading', 'وصل الوزير إلى العاصمة صباح اليوم.\n"عدو قديم، صديق جديد"\nوعقد الوزير اجتماعا مطولا مع نظيره.', '"عدو قديم، صديق جديد"'],
    ['markdown heading', 'The minister arrived on Monday morning.\n## Reactions\nTalks will continue on Tuesday.', 'Reactions'],
  ])('marks a short unpunctuated line as a heading (%s)', (_lang, input, heading) => {
    const cleaned = cleanArticle(input);
    const index = cleaned.paragraphs.indexOf(heading);
    expect(index).toBeGreaterThan(-1);
    expect(cleaned.kinds[index]).toBe('heading');
  });

  it.each([
    ['ar', 'الحكومة تعلن خطة لخفض أسعار الخبز\nأعلنت الحكومة خطة جديدة.\nوقال الوزير إنها تبدأ غدا.', 'الحكومة تعلن خطة لخفض أسعار الخبز'],
    ['en', 'Council approves tram line\nThe council approved the line.\nIt opens in 2027.', 'Council approves tram line'],
  ])('takes a title-like first line out of the body (%s)', (_lang, input, title) => {
    const cleaned = cleanArticle(input);
    expect(cleaned.title).toBe(title);
    expect(cleaned.paragraphs).not.toContain(title);
  });

  it.each([
    ['# Title', '# Council approves tram line\nThe council approved the line.\nIt opens in 2027.', 'Council approves tram line', []],
    ['## Section first', '## Background\nThe council approved the line.\nIt opens in 2027.', undefined, ['Background']],
  ])('treats a Markdown %s line as title or section', (_name, input, title, headings) => {
    const cleaned = cleanArticle(input);
    expect(cleaned.title).toBe(title);
    expect(cleaned.paragraphs.filter((_, i) => cleaned.kinds[i] === 'heading')).toEqual(headings);
  });

  it('marks bullets and numbered lines as list items, not headings', () => {
    const cleaned = cleanArticle('The report lists three causes.\n• Rising prices\n2- Low wages\nExperts expect more protests.');
    expect(cleaned.kinds).toEqual(['body', 'list', 'list', 'body']);
  });

  it('keeps every line when no line ends a sentence (never an empty article)', () => {
    const cleaned = cleanArticle('one line without a stop\nanother line without a stop\nyet another line here');
    expect(cleaned.paragraphs.length).toBeGreaterThan(0);
  });

  it.each([
    ['a sentence', 'The minister arrived on Monday.', false],
    ['a short heading', 'Deepening ties', true],
    ['an Arabic heading', 'تعميق العلاقات', true],
    ['a line ending with a colon', 'He said:', false],
    ['a very long line', 'word '.repeat(40).trim(), false],
    ['digits only', '2024', false],
  ])('isTitleLike: %s → %s', (_kind, line, want) => {
    expect(isTitleLike(line)).toBe(want);
  });
});
