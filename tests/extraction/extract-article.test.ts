import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blocksOf } from '../../src/extraction/blocks';
import { extractArticle, looksLikeFeed, NotAnArticleError } from '../../src/extraction';
import { feedBytes } from '../support/web-fixtures';

const PARAGRAPHS = {
  en: [
    'The city council approved the new transport budget on Tuesday after a debate that lasted more than six hours.',
    '"This is a fair plan for every neighbourhood," the mayor told reporters outside the chamber after the vote.',
    'Opponents said the plan would raise fares for commuters and promised to challenge it at the next meeting.',
  ],
  fr: [
    'Le conseil municipal a adopté mardi le nouveau budget des transports après un débat de plus de six heures.',
    '« C’est un plan juste pour chaque quartier », a déclaré le maire aux journalistes à la sortie de la séance.',
    'Les opposants estiment que le plan augmentera les tarifs et promettent de le contester lors de la prochaine réunion.',
  ],
  ar: [
    'وافق المجلس البلدي يوم الثلاثاء على ميزانية النقل الجديدة بعد نقاش استمر أكثر من ست ساعات داخل القاعة الرئيسية.',
    'وقال رئيس البلدية للصحفيين بعد التصويت إن «هذه خطة عادلة لكل الأحياء في المدينة دون استثناء».',
    'وقال المعارضون إن الخطة سترفع أسعار التذاكر على الركاب ووعدوا بالطعن فيها خلال الاجتماع المقبل للمجلس.',
  ],
} as const;

type Lang = keyof typeof PARAGRAPHS;

function page({ lang, head = '', before = [], between = [], after = [], htmlAttrs = '', articleAttrs = '' }: { lang: Lang; head?: string; before?: string[]; between?: string[]; after?: string[]; htmlAttrs?: string; articleAttrs?: string }): string {
  const [p1, p2, p3] = PARAGRAPHS[lang];
  return `<!doctype html><html ${htmlAttrs}><head><meta charset="utf-8">${head}</head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
    <article ${articleAttrs}>${before.join('')}<p>${p1}</p>${between.join('')}<p>${p2}</p><p>${p3}</p>${after.join('')}</article>
    <footer>© News Example</footer></body></html>`;
}

const URL = 'https://news.example/2024/05/council-budget';

describe('extractArticle: language and direction come from the text', () => {
  it.each([
    ['Arabic text, no lang, dir only on <article>', page({ lang: 'ar', articleAttrs: 'dir="rtl"' }), 'ar', 'rtl'],
    ['Arabic text under a template lang="en"', page({ lang: 'ar', htmlAttrs: 'lang="en"' }), 'ar', 'rtl'],
    ['English text under dir="rtl"', page({ lang: 'en', htmlAttrs: 'dir="rtl"' }), 'en', 'ltr'],
    ['French text, lang="fr-FR"', page({ lang: 'fr', htmlAttrs: 'lang="fr-FR"' }), 'fr', 'ltr'],
  ])('%s → %s, %s', (_name, html, language, direction) => {
    const article = extractArticle(html, URL);
    expect(article.language).toBe(language);
    expect(article.direction).toBe(direction);
  });
});

describe('extractArticle: the title', () => {
  it.each([
    ['og:title beats a <title> with a site suffix', 'en', '<title>Council backs budget - News Example</title><meta property="og:title" content="Council backs transport budget">', 'Council backs transport budget'],
    ['a " - Site.com" suffix goes', 'ar', '<title>المجلس يقر ميزانية النقل - CNNArabic.com</title><meta property="og:site_name" content="CNNArabic">', 'المجلس يقر ميزانية النقل'],
    ['a "Site | " prefix goes', 'fr', '<title>News Example | Le conseil adopte le budget des transports</title><meta property="og:site_name" content="News Example">', 'Le conseil adopte le budget des transports'],
    ['a dash inside the headline stays', 'en', '<title>Budget vote - the long night at city hall</title>', 'Budget vote - the long night at city hall'],
    ['an inline SVG logo title is not the page title', 'en', '<svg><title>British Broadcasting Corporation</title></svg><title>Council backs budget</title>', 'Council backs budget'],
  ] as const)('%s', (_name, lang, head, title) => {
    expect(extractArticle(page({ lang, head }), URL).title).toBe(title);
  });
});

describe('extractArticle: boilerplate left inside the article container', () => {
  it.each([
    ['en', 'a related-article line', '<p><a href="/x">Related: Rich are paying more in taxes</a></p>', 'Related:'],
    ['en', 'a bracketed teaser', '<p>[Read: Why the budget matters]</p>', '[Read:'],
    ['en', 'a "skip past" accessibility link', '<p><a href="#end">Skip past Twitter post</a></p>', 'Skip past'],
    ['en', 'an app promo', '<p>Download the News Example app for the latest updates on your phone</p>', 'Download the'],
    ['en', 'a newsletter promo', '<p>Sign up for our morning newsletter and get the news first</p>', 'Sign up'],
    ['en', 'a photo caption with credit', '<p>The mayor speaks to reporters on Tuesday. (Adel Hana/Associated Press)</p>', 'Associated Press'],
    ['en', 'a video embed with its label', '<p><strong>WATCH | The vote in 90 seconds:</strong><span>Councillors debated for six hours before the final vote.</span></p>', 'WATCH'],
    ['en', 'a "Continue reading" line', '<p>Continue reading the main story</p>', 'Continue reading'],
    ['fr', 'a « Lire aussi » line', '<p>Lire aussi : <a href="/y">Le budget de la ville en cinq chiffres</a></p>', 'Lire aussi'],
    ['fr', 'a « Revivez » promo link', '<p><a href="/live">Revivez le direct du vote avec vos questions.</a></p>', 'Revivez'],
    ['fr', 'an advertising label', '<p>Publicité</p>', 'Publicité'],
    ['ar', 'an "اقرأ أيضا" line', '<p>اقرأ أيضا: <a href="/z">ميزانية المدينة في خمسة أرقام</a></p>', 'اقرأ أيضا'],
    ['ar', 'an advertising label', '<p>إعلان</p>', 'إعلان'],
    ['ar', 'a share bar', '<div class="share-tools"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>', 'فيسبوك'],
  ] as const)('%s: %s is dropped', (lang, _name, junk, marker) => {
    const article = extractArticle(page({ lang, between: [junk] }), URL);
    expect(article.text.includes(marker)).toBe(false);
    expect(article.text.split('\n\n')).toEqual(PARAGRAPHS[lang]);
  });

  it.each([
    ['en', 'section label, byline and timestamp', ['<p>World</p>', '<p>By Jane Doe</p>', '<p>Posted: May 1, 2024 4:00 AM | Last Updated: May 1</p>']],
    ['fr', 'rubrique, mention abonnés', ['<p>Politique</p>', '<p>Le conseil face à la colère des usagers et des commerçants du centre.</p>', '<p>Article réservé aux abonnés</p>']],
    ['ar', 'date line with "آخر تحديث"', ['<h1>المجلس يقر ميزانية النقل</h1>', '<p>الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</p>']],
  ] as const)('%s: the page header before the lead (%s) is dropped', (lang, _name, before) => {
    const article = extractArticle(page({ lang, before: [...before], head: '<meta name="author" content="Jane Doe">' }), URL);
    expect(article.text.split('\n\n')).toEqual(PARAGRAPHS[lang]);
  });

  it.each([
    ['en', 'an "About the author" box', ['<h2>About the author</h2>', '<p>Jane Doe covers city hall for News Example and has done so for many years now.</p>']],
    ['fr', 'a paywall tail', ['<p>Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.</p>', '<p>Vous pouvez lire Le Monde sur un seul appareil à la fois, merci de votre compréhension.</p>']],
    ['ar', 'a comment policy', ['<p>ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر إلى مراجعة التعليقات قبل نشرها.</p>']],
    ['en', 'a "Read more" list', ['<p>Read more:</p>', '<ul><li><a href="/a">Council raises parking fees</a></li><li><a href="/b">Mayor wins second term</a></li></ul>']],
  ] as const)('%s: %s after the article is dropped', (lang, _name, after) => {
    const article = extractArticle(page({ lang, after: [...after] }), URL);
    expect(article.text.split('\n\n')).toEqual(PARAGRAPHS[lang]);
  });

  it.each([
    ['en', 'Updated guidance for travellers'],
    ['fr', 'Mis à jour des règles pour les voyageurs'],
    ['ar', 'آخر تحديث للقواعد الخاصة بالمسافرين'],
  ] as const)('%s: keeps a subheading that merely starts like a timestamp (%s)', (lang, heading) => {
    const article = extractArticle(page({ lang, between: [`<h2>${heading}</h2>`] }), URL);
    expect(article.text.split('\n\n')).toEqual([PARAGRAPHS[lang][0], heading, PARAGRAPHS[lang][1], PARAGRAPHS[lang][2]]);
  });

  it('keeps subheadings and bullet lists of the article itself', () => {
    const article = extractArticle(page({ lang: 'en', between: ['<h2>What happens next</h2>', '<ul><li>Fares rise in September for all riders</li><li>Night buses return next year</li></ul>'] }), URL);
    expect(article.text.split('\n\n')).toEqual([PARAGRAPHS.en[0], 'What happens next', 'Fares rise in September for all riders', 'Night buses return next year', PARAGRAPHS.en[1], PARAGRAPHS.en[2]]);
  });
});

describe('extractArticle: metadata', () => {
  it('reads byline, site name, date and description from the page', () => {
    const head = '<meta name="author" content="Jane Doe"><meta property="og:site_name" content="News Example"><meta property="article:published_time" content="2024-05-01T08:30:00+02:00"><meta name="description" content="The council approved the budget.">';
    const article = extractArticle(page({ lang: 'en', head }), URL);
    expect(article).toMatchObject({ url: URL, byline: 'Jane Doe', siteName: 'News Example', published: '2024-05-01T06:30:00.000Z', excerpt: 'The council approved the budget.' });
  });

  it.each([
    ['not a date', undefined],
    ['2015-04-30T07:19:58', '2015-04-30T07:19:58'],
    ['2024-05-01', '2024-05-01'],
  ])('a published date of %j gives %j', (value, published) => {
    const article = extractArticle(page({ lang: 'en', head: `<meta property="article:published_time" content="${value}">` }), URL);
    expect(article.published).toBe(published);
  });
});

describe('extractArticle: not an article', () => {
  const index = `<html><head><title>News Example</title></head><body><main>${Array.from({ length: 30 }, (_, i) => `<div class="card"><a href="/story/${i}">Headline number ${i} about the city council budget</a></div>`).join('')}</main></body></html>`;
  it.each([
    ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>', 'feed'],
    ['an Atom feed', '<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title></feed>', 'feed'],
    ['a JSON Feed', '{"version": "https://jsonfeed.org/version/1.1", "title": "News", "items": []}', 'feed'],
    ['a real windows-1256 RSS file', new TextDecoder('windows-1256').decode(feedBytes('built-rss2-ar-windows-1256-ant.xml')), 'feed'],
    ['an empty page', '<html><body></body></html>', 'too-little-text'],
    ['a login page', '<html><body><form><input name="user"><button>Log in</button></form><p>Please log in.</p></body></html>', 'too-little-text'],
    ['an index page of teasers', index, 'too-little-text'],
    ['plain text that is not HTML', 'hello', 'too-little-text'],
  ])('%s → %s', (_name, html, reason) => {
    let error: unknown;
    try {
      extractArticle(html, URL);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NotAnArticleError);
    expect((error as NotAnArticleError).reason).toBe(reason);
    expect((error as NotAnArticleError).message).toContain('news.example');
    expect((error as NotAnArticleError).messageIn('ar')).toMatch(/[\u0600-\u06ff]/);
    expect((error as NotAnArticleError).messageIn('fr')).not.toBe((error as NotAnArticleError).message);
  });

  it.each([
    ['<?xml version="1.0"?>\n<!-- generator --><rss version="2.0">', true],
    ['\uFEFF<feed xmlns="http://www.w3.org/2005/Atom">', true],
    ['<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>', false],
    ['<!doctype html><html>', false],
    ['{"title": "not a feed"}', false],
  ])('looksLikeFeed(%j) → %s', (text, feed) => {
    expect(looksLikeFeed(text)).toBe(feed);
  });
});

describe('extractArticle: markup real and hostile pages use', () => {
  it('reads an ASP.NET page whose whole body sits in one <form>', () => {
    const html = page({ lang: 'en' }).replace('<body>', '<body><form id="aspnetForm" method="post" action="./article.aspx">').replace('</body>', '</form></body>');
    expect(extractArticle(html, URL).text.split('\n\n')).toEqual(PARAGRAPHS.en);
  });

  it('keeps text an inline style shows, drops text it hides', () => {
    const html = page({ lang: 'fr', between: ['<p style="display: none">Texte caché aux lecteurs et jamais affiché sur la page de cet article.</p>'] }).replace('<article>', '<article style="color: black">');
    expect(extractArticle(html, URL).text.split('\n\n')).toEqual(PARAGRAPHS.fr);
  });

  it.each([
    ['thousands of unclosed <nav> and <script> tags', () => page({ lang: 'en', before: ['<nav><script>x'.repeat(20_000)] })],
    ['thousands of unclosed comments and quotes', () => page({ lang: 'ar', between: ['<!-- <img alt="'.repeat(20_000)] })],
    ['more elements than any article page (refused as too complex)', () => page({ lang: 'fr', after: ['<span>x</span>'.repeat(25_000)] })],
  ])('copes with %s', (_name, html) => {
    let outcome: unknown;
    try {
      outcome = extractArticle(html(), URL).title;
    } catch (error) {
      outcome = error;
    }
    expect(outcome === undefined || typeof outcome === 'string' || outcome instanceof NotAnArticleError).toBe(true);
  });

  it('refuses a page with more elements than any article page as too complex', () => {
    const error = (() => {
      try {
        extractArticle(page({ lang: 'en', after: ['<span>x</span>'.repeat(25_000)] }), URL);
      } catch (caught) {
        return caught;
      }
    })() as NotAnArticleError;
    expect(error.reason).toBe('too-complex');
  });
});

describe('blocksOf', () => {
  it('takes the text of elements nested deeper than it walks, without overflowing the stack', () => {
    const { document } = parseHTML(`<div>${'<div>'.repeat(50_000)}deep text${'</div>'.repeat(50_000)}</div>`);
    expect(blocksOf(document.firstElementChild as never).map((block) => block.text)).toEqual(['deep text']);
  });
});

describe('extractArticle: a page that leaves out <body> (HTML allows it; browsers add it)', () => {
  const paragraphs = (lang: Lang): string => PARAGRAPHS[lang].map((p) => `<p>${p}</p>`).join('');
  it.each<[string, Lang, (lang: Lang) => string]>([
    ['ar: <html> and <head>, no <body>', 'ar', (lang) => `<!doctype html><html lang="${lang}"><head><title>المجلس يقر الميزانية</title></head>${paragraphs(lang)}</html>`],
    ['en: <html> without <head> or <body>', 'en', (lang) => `<html>${paragraphs(lang)}`],
    ['fr: a bare fragment of paragraphs', 'fr', (lang) => paragraphs(lang)],
    ['fr: a <title> then paragraphs', 'fr', (lang) => `<title>Le conseil adopte le budget</title>${paragraphs(lang)}`],
  ])('%s gives the article', (_what, lang, html) => {
    const article = extractArticle(html(lang), 'https://news.example/a');
    expect(article.text).toBe(PARAGRAPHS[lang].join('\n\n'));
    expect(article.language).toBe(lang);
  });
});
