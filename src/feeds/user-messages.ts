import { clip, code, type LocalizedText } from '../errors';

/** A feed as named in an answer: its number, its name (escaped, see `feedName`) and its channel. */
export interface FeedSummary {
  id: number;
  name: string;
  channelId: string;
}

/** What `/feed` says to users, in each answer language. */
export const feedMessages = {
  badUrl: (url: string): LocalizedText => ({
    en: `${code(clip(url))} is not a web address: give a full http(s) link to a feed or a page.`,
    ar: `${code(clip(url))} ليس عنوان ويب: أعطِ رابطًا كاملًا يبدأ بـ http(s) لموجز أو صفحة.`,
    fr: `${code(clip(url))} n’est pas une adresse web : donnez un lien http(s) complet vers un flux ou une page.`,
  }),
  unreachable: (detail: string): LocalizedText => ({
    en: `I could not read that address: ${detail}.`,
    ar: `تعذّرت قراءة هذا العنوان: ${code(clip(detail, 120))}.`,
    fr: `Je n’ai pas pu lire cette adresse : ${detail}.`,
  }),
  httpStatus: (status: number): LocalizedText => ({
    en: `That address answered HTTP ${status}: no feed there.`,
    ar: `أجاب هذا العنوان بالرمز HTTP ${status}: لا موجز هناك.`,
    fr: `Cette adresse a répondu HTTP ${status} : pas de flux ici.`,
  }),
  noFeedOnPage: (): LocalizedText => ({
    en: 'That address is a web page that announces no feed (RSS, Atom or JSON Feed). Give the feed’s own address.',
    ar: 'هذا العنوان صفحة ويب لا تعلن عن أي موجز (RSS أو Atom أو JSON Feed). أعطِ عنوان الموجز نفسه.',
    fr: 'Cette adresse est une page web qui n’annonce aucun flux (RSS, Atom ou JSON Feed). Donnez l’adresse du flux lui-même.',
  }),
  notAFeed: (): LocalizedText => ({
    en: 'That address is not a feed (RSS, Atom or JSON Feed), nor a web page that announces one. Give the feed’s own address.',
    ar: 'هذا العنوان ليس موجزًا (RSS أو Atom أو JSON Feed) ولا صفحة ويب تعلن عن موجز. أعطِ عنوان الموجز نفسه.',
    fr: 'Cette adresse n’est ni un flux (RSS, Atom ou JSON Feed) ni une page web qui en annonce un. Donnez l’adresse du flux lui-même.',
  }),
  malformed: (): LocalizedText => ({
    en: 'That feed is malformed or truncated and could not be read.',
    ar: 'هذا الموجز تالف أو مقطوع وتعذّرت قراءته.',
    fr: 'Ce flux est mal formé ou tronqué et n’a pas pu être lu.',
  }),
  duplicate: (id: number, channelId: string): LocalizedText => ({
    en: `This server already has that feed in <#${channelId}> (#${id}).`,
    ar: `لهذا الخادم هذا الموجز بالفعل في <#${channelId}> (#${id}).`,
    fr: `Ce serveur a déjà ce flux dans <#${channelId}> (#${id}).`,
  }),
  guildFull: (count: number): LocalizedText => ({
    en: `This server has ${count} feeds, the most allowed: remove one with /feed remove first.`,
    ar: `لهذا الخادم ${count} موجزًا، وهو الحد الأقصى: احذف واحدًا أولًا بالأمر ${code('/feed remove')}.`,
    fr: `Ce serveur a ${count} flux, le maximum : supprimez-en un avec /feed remove d’abord.`,
  }),
  unknownFeed: (typed: string): LocalizedText => ({
    en: `This server has no feed ${code(clip(typed))}: see /feed list.`,
    ar: `لا يوجد في هذا الخادم موجز ${code(clip(typed))}: راجع ${code('/feed list')}.`,
    fr: `Ce serveur n’a pas de flux ${code(clip(typed))} : voir /feed list.`,
  }),
  guildOnly: (): LocalizedText => ({
    en: 'Feeds belong to a server: use /feed in a server channel.',
    ar: `الموجزات خاصة بالخوادم: استخدم ${code('/feed')} في قناة داخل خادم.`,
    fr: 'Les flux appartiennent à un serveur : utilisez /feed dans un salon de serveur.',
  }),
  added: (feed: FeedSummary, itemCount: number, postedNow: boolean, nextCheck: string): LocalizedText => ({
    en: `Feed #${feed.id}: **${feed.name}** (${itemCount} items) → <#${feed.channelId}>.${postedNow ? ' Its newest item is posted there now;' : ''} new items follow as they appear, checked ${nextCheck} next.`,
    ar: `الموجز #${feed.id}: **${feed.name}** (${itemCount} عنصرًا) ← <#${feed.channelId}>.${postedNow ? ' نُشر أحدث عناصره هناك الآن؛' : ''} وتتبعه العناصر الجديدة حين تظهر، والفحص التالي ${nextCheck}.`,
    fr: `Flux #${feed.id} : **${feed.name}** (${itemCount} éléments) → <#${feed.channelId}>.${postedNow ? ' Son élément le plus récent y est publié maintenant ;' : ''} les nouveaux suivront dès leur parution, prochaine vérification ${nextCheck}.`,
  }),
  noFeeds: (): LocalizedText => ({
    en: 'No feeds in this server yet. Add one with /feed add.',
    ar: `لا موجزات في هذا الخادم بعد. أضف واحدًا بالأمر ${code('/feed add')}.`,
    fr: 'Aucun flux dans ce serveur pour l’instant. Ajoutez-en un avec /feed add.',
  }),
  listTitle: (count: number): LocalizedText => ({
    en: `Feeds (${count})`,
    ar: `الموجزات (${count})`,
    fr: `Flux (${count})`,
  }),
  removed: (feed: Omit<FeedSummary, 'channelId'>): LocalizedText => ({
    en: `Feed #${feed.id} (${feed.name}) removed: nothing more will be posted from it.`,
    ar: `حُذف الموجز #${feed.id} (${feed.name}): لن يُنشر منه شيء بعد الآن.`,
    fr: `Flux #${feed.id} (${feed.name}) supprimé : plus rien n’en sera publié.`,
  }),
  paused: (id: number): LocalizedText => ({
    en: `Feed #${id} paused. Resume it with /feed resume.`,
    ar: `أُوقف الموجز #${id} مؤقتًا. استأنفه بالأمر ${code('/feed resume')}.`,
    fr: `Flux #${id} en pause. Reprenez-le avec /feed resume.`,
  }),
  resumed: (feed: Omit<FeedSummary, 'channelId'>): LocalizedText => ({
    en: `Feed #${feed.id} (${feed.name}) resumed: checked now.`,
    ar: `استُؤنف الموجز #${feed.id} (${feed.name}): يُفحص الآن.`,
    fr: `Flux #${feed.id} (${feed.name}) repris : vérifié maintenant.`,
  }),
  otherGuildChannel: (): LocalizedText => ({
    en: 'That channel is not in this server.',
    ar: 'هذه القناة ليست في هذا الخادم.',
    fr: 'Ce salon n’est pas dans ce serveur.',
  }),
} as const;

/**
 * The words of `/feed list` lines and `/feed` autocomplete choices, in each
 * answer language (English as before); `paused` and `more` are the schedule
 * list's (`scheduleListTexts`). Stored details (a check's result, a
 * pause reason) stay as they were recorded.
 */
export const feedListTexts = {
  neverChecked: (): LocalizedText => ({ en: 'never checked', ar: 'لم يُفحص بعد', fr: 'jamais vérifié' }),
  checked: (time: string, detail: string): LocalizedText => ({ en: `checked ${time}${detail}`, ar: `فُحص ${time}${detail}`, fr: `vérifié ${time}${detail}` }),
  failedChecks: (count: number): LocalizedText => ({
    en: `⚠️ ${count} failed checks`,
    ar: `⚠️ فحوص فاشلة: ${count}`,
    fr: `⚠️ ${count} vérification${count === 1 ? '' : 's'} en échec`,
  }),
  active: (): LocalizedText => ({ en: '✅ active', ar: '✅ نشط', fr: '✅ actif' }),
  next: (time: string): LocalizedText => ({ en: `next ${time}`, ar: `الفحص التالي ${time}`, fr: `prochaine vérification ${time}` }),
  noNext: (): LocalizedText => ({ en: 'next: —', ar: 'الفحص التالي: —', fr: 'prochaine vérification : —' }),
  choicePaused: (): LocalizedText => ({ en: ' (paused)', ar: ' (موقوف)', fr: ' (en pause)' }),
} as const;
