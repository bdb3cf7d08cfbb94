import { code, UserError } from '../errors';

/** Why a page gave no article. */
export type NotAnArticleReason = 'feed' | 'too-little-text' | 'not-html' | 'too-complex';

/** A page with no article in it: a feed, an index or login page, an image… One line, in the user's language. */
export class NotAnArticleError extends UserError {
  override name = 'NotAnArticleError';
  constructor(readonly reason: NotAnArticleReason, readonly url: string, detail = '') {
    const host = hostOf(url);
    super(TEXTS[reason](host, detail));
  }
}

const TEXTS: Record<NotAnArticleReason, (host: string, detail: string) => { en: string; ar: string; fr: string }> = {
  feed: (host) => ({
    en: `The link at ${host} is a news feed, not an article page.`,
    ar: `الرابط في ${code(host)} خلاصة أخبار، لا صفحة مقال.`,
    fr: `Le lien sur ${code(host)} est un flux d’actualités, pas une page d’article.`,
  }),
  'too-little-text': (host) => ({
    en: `No article found at ${host}: the page has too little text (an index, video or login page?).`,
    ar: `لم يُعثر على مقال في ${code(host)}: نص الصفحة قليل جدًا (صفحة فهرس أو فيديو أو تسجيل دخول؟).`,
    fr: `Aucun article trouvé sur ${code(host)} : la page a trop peu de texte (un sommaire, une vidéo, une page de connexion ?).`,
  }),
  'too-complex': (host) => ({
    en: `The page at ${host} is too complex to read (its markup takes too long to take apart).`,
    ar: `الصفحة في ${code(host)} معقدة جدًا بحيث يتعذر قراءتها (تحليل بنيتها يستغرق وقتًا طويلًا).`,
    fr: `La page sur ${code(host)} est trop complexe à lire (son balisage prend trop de temps à analyser).`,
  }),
  'not-html': (host, detail) => ({
    en: `The link at ${host} is not a web page${detail ? ` (${detail})` : ''}.`,
    ar: `الرابط في ${code(host)} ليس صفحة ويب${detail ? ` (${code(detail)})` : ''}.`,
    fr: `Le lien sur ${code(host)} n’est pas une page web${detail ? ` (${code(detail)})` : ''}.`,
  }),
};

/** The host of a URL for messages (never the whole URL: it may be long or carry a query). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || 'the page';
  } catch {
    return url.startsWith('/') || url.includes('\\') ? 'the file' : url.slice(0, 60);
  }
}
