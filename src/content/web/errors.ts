import { byteCount, code, groupDigits, type LocalizedText, UserError } from '../../errors';
import { hostOf } from '../../extraction/errors';
import type { FetchError } from './fetch-types';
import { AddressRefusedError } from './fetch-errors';

/** Why a web page could not be briefed before extraction: the fetch failed, or the server said no. */
export type WebPageFailure = FetchError['reason'] | 'http-status';

/**
 * A web page that could not be read: refused, unreachable, too large, too
 * slow, or answered with an error status. One line, in the user's language;
 * names the host, never the whole URL.
 */
export class WebPageError extends UserError {
  override name = 'WebPageError';
  constructor(readonly reason: WebPageFailure, readonly url: string, text: LocalizedText) {
    super(text);
  }
}

/** The user-facing error for a failed fetch. */
export function webPageErrorFor(error: FetchError, maxBytes: number, timeoutMs: number): WebPageError {
  const host = error instanceof AddressRefusedError ? error.host : hostOf(error.url);
  const h = code(host);
  const seconds = Math.round(timeoutMs / 100) / 10;
  const texts: Record<FetchError['reason'], LocalizedText> = {
    'bad-url': {
      en: `Not a web link: give a full http:// or https:// address (${error.message}).`,
      ar: `ليس رابط ويب: اكتب عنوانًا كاملًا يبدأ بـ ${code('https://')} أو ${code('http://')}.`,
      fr: `Ce n’est pas un lien web : donnez une adresse complète en http:// ou https://.`,
    },
    'refused-address': {
      en: `Refused: ${host} is a local or private address, which the bot never fetches.`,
      ar: `مرفوض: ${h} عنوان محلي أو خاص، ولا يجلب البوت مثل هذه العناوين.`,
      fr: `Refusé : ${h} est une adresse locale ou privée, que le bot ne consulte jamais.`,
    },
    'too-large': {
      en: `The page at ${host} is over the ${groupDigits(maxBytes, 'en')}-byte limit.`,
      ar: `الصفحة في ${h} أكبر من الحد المسموح به (${byteCount(maxBytes, 'ar')}).`,
      fr: `La page sur ${h} dépasse la limite de ${byteCount(maxBytes, 'fr')}.`,
    },
    timeout: {
      en: `${host} did not answer within ${seconds} s.`,
      ar: `لم يستجب ${h} خلال ${seconds} ثانية.`,
      fr: `${h} n’a pas répondu en ${String(seconds).replace('.', ',')} s.`,
    },
    'too-many-redirects': {
      en: `${host} redirects too many times.`,
      ar: `يعيد ${h} التوجيه مرات كثيرة جدًا.`,
      fr: `${h} redirige trop de fois.`,
    },
    'bad-body': {
      en: `${host} sent a damaged answer: its compressed body could not be unpacked.`,
      ar: `أرسل ${h} ردًا تالفًا: تعذّر فكّ ضغط محتواه.`,
      fr: `${h} a envoyé une réponse endommagée : son contenu compressé n’a pas pu être décompressé.`,
    },
    network: {
      en: `Could not reach ${host}: ${networkDetail(error)}.`,
      ar: `تعذّر الوصول إلى ${h}: ${code(networkDetail(error))}.`,
      fr: `Impossible de joindre ${h} : ${code(networkDetail(error))}.`,
    },
  };
  return new WebPageError(error.reason, error.url, texts[error.reason]);
}

/** The error for a page answered with a status other than 200. */
export function httpStatusError(url: string, status: number): WebPageError {
  const host = hostOf(url);
  const label = STATUS_LABELS[status] ? `${status} ${STATUS_LABELS[status]}` : String(status);
  return new WebPageError('http-status', url, {
    en: `${host} answered HTTP ${label}: no page to brief.`,
    ar: `أجاب ${code(host)} بالرمز ${code(`HTTP ${label}`)}: لا صفحة لتلخيصها.`,
    fr: `${code(host)} a répondu HTTP ${label} : aucune page à résumer.`,
  });
}

const STATUS_LABELS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 410: 'Gone', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

function networkDetail(error: FetchError): string {
  const colon = error.message.indexOf(': ');
  return colon >= 0 ? error.message.slice(colon + 2) : 'network error';
}
