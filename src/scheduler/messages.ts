import { code, type LocalizedText } from '../errors';
import { displayWhen } from './display';
import { PERMISSION_NAMES_FR } from './permissions';

/**
 * What `/schedule` tells a moderator when it refuses, in English, Arabic and
 * French (the `detail` of an `InvalidOptionError`). The English keeps the
 * `Invalid <option>: …` frame's lower-case start; Arabic and French are whole
 * sentences. Option names, cron patterns, time zones and commands stay as the
 * user types them, in code spans in Arabic so they read in a right-to-left line.
 */
export const scheduleMessages = {
  guildFull: (count: number): LocalizedText => ({
    en: `this server already has ${count} schedules, the most allowed; remove one first.`,
    ar: `بلغ هذا الخادم الحد الأقصى لجداول النشر (${count})؛ احذف أحدها أولًا.`,
    fr: `Ce serveur compte déjà ${count} programmations, le maximum autorisé ; supprimez-en une d’abord.`,
  }),
  duplicate: (channelId: string, id: number, when: string, timezone: string): LocalizedText => ({
    en: `<#${channelId}> already has schedule #${id} at ${displayWhen(when)} ${timezone}.`,
    ar: `للقناة <#${channelId}> جدول نشر بالموعد نفسه: رقم ${id}، ${displayWhen(when)} بتوقيت ${code(timezone)}.`,
    fr: `<#${channelId}> a déjà la programmation #${id} à ${displayWhen(when)} (${timezone}).`,
  }),
  neverRuns: (when: string): LocalizedText => ({
    en: `${displayWhen(when)} never runs.`,
    ar: `الموعد ${displayWhen(when)} لا يحين أبدًا.`,
    fr: `${displayWhen(when)} ne se déclenche jamais.`,
  }),
  notAnId: (typed: string): LocalizedText => ({
    en: `"${typed}" is not a schedule id; pick one from the list (/schedule list).`,
    ar: `القيمة ${code(typed)} ليست رقم جدول نشر؛ اختر واحدًا من القائمة (${code('/schedule list')}).`,
    fr: `${code(typed)} n’est pas un numéro de programmation ; choisissez-en une dans la liste (/schedule list).`,
  }),
  noSuchSchedule: (id: number): LocalizedText => ({
    en: `there is no schedule #${id} in this server (see /schedule list).`,
    ar: `لا يوجد في هذا الخادم جدول نشر رقم ${id} (راجع ${code('/schedule list')}).`,
    fr: `Il n’y a pas de programmation #${id} sur ce serveur (voir /schedule list).`,
  }),
  // The stored reason is English (Discord's refusal or our note): Arabic and French point to the list instead.
  alreadyPaused: (id: number, reason: string): LocalizedText => ({
    en: `schedule #${id} is already paused (${reason}).`,
    ar: `جدول النشر رقم ${id} موقوف مؤقتًا بالفعل (السبب في ${code('/schedule list')}).`,
    fr: `La programmation #${id} est déjà en pause (raison dans /schedule list).`,
  }),
  notPaused: (id: number): LocalizedText => ({
    en: `schedule #${id} is not paused.`,
    ar: `جدول النشر رقم ${id} ليس موقوفًا.`,
    fr: `La programmation #${id} n’est pas en pause.`,
  }),
  noFurtherRun: (id: number, when: string): LocalizedText => ({
    en: `schedule #${id} (${displayWhen(when)}) has no further run; remove it.`,
    ar: `لم يعد لجدول النشر رقم ${id} (${displayWhen(when)}) أي موعد قادم؛ احذفه.`,
    fr: `La programmation #${id} (${displayWhen(when)}) n’a plus d’exécution à venir ; supprimez-la.`,
  }),
  whenMissing: (): LocalizedText => ({
    en: 'give a time such as 08:30, or a cron expression such as "0 8 * * 1-5".',
    ar: `اكتب وقتًا مثل ${code('08:30')} أو تعبير ${code('cron')} مثل ${code('0 8 * * 1-5')}.`,
    fr: 'Indiquez une heure comme 08:30, ou une expression cron comme `0 8 * * 1-5`.',
  }),
  notTimeOfDay: (typed: string): LocalizedText => ({
    en: `"${typed}" is not a time of day: use HH:MM from 00:00 to 23:59.`,
    ar: `الوقت ${code(typed)} غير صحيح: اكتبه بالصيغة ${code('HH:MM')} من ${code('00:00')} إلى ${code('23:59')}.`,
    fr: `${code(typed)} n’est pas une heure valide : utilisez HH:MM, de 00:00 à 23:59.`,
  }),
  cronFields: (typed: string, count: number): LocalizedText => ({
    en: `a cron expression needs 5 fields (minute hour day month weekday) or 6 (with seconds first); "${typed}" has ${count}.`,
    ar: `يتكوّن تعبير ${code('cron')} من 5 حقول (الدقيقة، الساعة، اليوم، الشهر، يوم الأسبوع) أو 6 (أولها الثواني)، أما ${code(typed)} ففيه ${count}.`,
    fr: `Une expression cron a 5 champs (minute heure jour mois jour-de-semaine) ou 6 (secondes en tête) ; ${code(typed)} en a ${count}.`,
  }),
  // Croner's own explanation is English: Arabic and French name the pattern only.
  badCron: (typed: string, detail: string): LocalizedText => ({
    en: `"${typed}" is not a valid cron expression (${detail}).`,
    ar: `التعبير ${code(typed)} ليس تعبير ${code('cron')} صالحًا.`,
    fr: `${code(typed)} n’est pas une expression cron valide.`,
  }),
  unknownZone: (typed: string): LocalizedText => ({
    en: `"${typed}" is not an IANA time zone; pick one from the list, such as Asia/Riyadh, Europe/Paris or UTC.`,
    ar: `المنطقة الزمنية ${code(typed)} غير معروفة؛ اختر واحدة من القائمة، مثل ${code('Asia/Riyadh')} أو ${code('Europe/Paris')} أو ${code('UTC')}.`,
    fr: `${code(typed)} n’est pas un fuseau horaire IANA ; choisissez-en un dans la liste, comme Asia/Riyadh, Europe/Paris ou UTC.`,
  }),
  noSuchDate: (pattern: string): LocalizedText => ({
    en: `"${pattern}" never runs (no such date in the calendar).`,
    ar: `التعبير ${code(pattern)} لا يحين أبدًا (لا يوجد تاريخ كهذا في التقويم).`,
    fr: `${code(pattern)} ne se déclenche jamais (cette date n’existe pas dans le calendrier).`,
  }),
  tooOften: (typed: string, gapSeconds: number, minSeconds: number): LocalizedText => ({
    en: `"${typed}" runs as often as every ${formatSeconds(gapSeconds)}; the minimum gap between runs is ${formatSeconds(minSeconds)}.`,
    ar: `الموعد ${code(typed)} قد يتكرر بعد ${arabicDuration(gapSeconds)} فقط، ولا يُسمح بفاصل أقل من ${arabicDuration(minSeconds)} بين مرتين.`,
    fr: `${code(typed)} se déclenche parfois à ${formatSeconds(gapSeconds)} d’intervalle ; il faut au moins ${formatSeconds(minSeconds)} entre deux exécutions.`,
  }),
} as const;

/** Said after an add or resume reply when the bot's permissions could not be checked. */
const uncheckedNote = (unchecked: boolean): LocalizedText => (unchecked
  ? {
    en: ' I could not check my permissions there right now: if Discord refuses my posts, the schedule pauses and /schedule list says why.',
    ar: ` تعذّر عليّ التحقق من صلاحياتي هناك الآن: إن رفض ${code('Discord')} منشوراتي أُوقف الجدول مؤقتًا وذكر ${code('/schedule list')} السبب.`,
    fr: ' Je n’ai pas pu vérifier mes permissions dans ce salon pour l’instant : si Discord refuse mes publications, la programmation se met en pause et /schedule list en donne la raison.',
  }
  : { en: '', ar: '', fr: '' });

/**
 * What `/schedule` answers when it succeeds, in English, Arabic and French.
 * `next` is Discord timestamp markup (`discordTime`), shown in each reader's
 * own locale; channel mentions stay `<#id>`.
 */
export const scheduleReplies = {
  added: (schedule: { id: number; channelId: string; when: string; timezone: string }, next: string, unchecked: boolean): LocalizedText => {
    const note = uncheckedNote(unchecked);
    return {
      en: `Schedule #${schedule.id}: new briefings go to <#${schedule.channelId}> at ${displayWhen(schedule.when)} (${schedule.timezone}); next run ${next}. The first run posts the newest article only.${note.en}`,
      ar: `جدول النشر رقم ${schedule.id}: تُنشر الموجزات الجديدة في <#${schedule.channelId}> في الموعد ${displayWhen(schedule.when)} بتوقيت ${code(schedule.timezone)}، والتشغيل التالي ${next}. لا ينشر التشغيل الأول إلا أحدث مقال.${note.ar}`,
      fr: `Programmation #${schedule.id} : les nouveaux briefings seront publiés dans <#${schedule.channelId}> à ${displayWhen(schedule.when)} (${schedule.timezone}) ; prochaine exécution ${next}. La première exécution ne publie que l’article le plus récent.${note.fr}`,
    };
  },
  noSchedules: (): LocalizedText => ({
    en: 'No schedules in this server yet. Add one with /schedule add.',
    ar: `لا جداول نشر في هذا الخادم بعد. أضف واحدًا بالأمر ${code('/schedule add')}.`,
    fr: 'Aucune programmation sur ce serveur pour l’instant. Ajoutez-en une avec /schedule add.',
  }),
  listTitle: (count: number): LocalizedText => ({
    en: `Schedules (${count})`,
    ar: `جداول النشر (${count})`,
    fr: `Programmations (${count})`,
  }),
  removed: (id: number, channelId: string): LocalizedText => ({
    en: `Schedule #${id} removed: nothing more will be posted to <#${channelId}> by it.`,
    ar: `حُذف جدول النشر رقم ${id}: لن ينشر بعد الآن شيئًا في <#${channelId}>.`,
    fr: `Programmation #${id} supprimée : elle ne publiera plus rien dans <#${channelId}>.`,
  }),
  paused: (id: number): LocalizedText => ({
    en: `Schedule #${id} paused. Resume it with /schedule resume.`,
    ar: `أُوقف جدول النشر رقم ${id} مؤقتًا. استأنفه بالأمر ${code('/schedule resume')}.`,
    fr: `Programmation #${id} en pause. Reprenez-la avec /schedule resume.`,
  }),
  resumed: (id: number, next: string, unchecked: boolean): LocalizedText => {
    const note = uncheckedNote(unchecked);
    return {
      en: `Schedule #${id} resumed; next run ${next}.${note.en}`,
      ar: `استُؤنف جدول النشر رقم ${id}، والتشغيل التالي ${next}.${note.ar}`,
      fr: `Programmation #${id} reprise ; prochaine exécution ${next}.${note.fr}`,
    };
  },
} as const;

/**
 * The words of a `/schedule list` line and of an autocomplete choice. Stored
 * reasons and run details (Discord's refusal, "posted 2") are shown as stored.
 */
export const scheduleListTexts = {
  paused: (reason: string): LocalizedText => ({ en: `⏸ paused: ${reason}`, ar: `⏸ موقوف مؤقتًا: ${reason}`, fr: `⏸ en pause : ${reason}` }),
  notRunYet: (): LocalizedText => ({ en: 'not run yet', ar: 'لم يعمل بعد', fr: 'pas encore exécutée' }),
  ok: (): LocalizedText => ({ en: '✅ ok', ar: '✅ نجح', fr: '✅ réussie' }),
  failed: (): LocalizedText => ({ en: '⚠️ failed', ar: '⚠️ فشل', fr: '⚠️ échouée' }),
  next: (time: string): LocalizedText => ({ en: `next ${time}`, ar: `التالي ${time}`, fr: `prochaine ${time}` }),
  noNext: (): LocalizedText => ({ en: 'next: —', ar: 'التالي: —', fr: 'prochaine : —' }),
  last: (state: string): LocalizedText => ({ en: `last: ${state}`, ar: `الأخير: ${state}`, fr: `dernière : ${state}` }),
  uncertain: (count: number): LocalizedText => ({
    en: ` · ❓ ${count} post${count === 1 ? '' : 's'} uncertain: an answer was lost and I cannot read the channel's history to check (grant Read Message History: I check again at each run)`,
    ar: ` · ❓ منشورات غير مؤكدة: ${count}، إذ ضاع رد ولا أستطيع قراءة سجل القناة للتحقق (امنحني صلاحية ${code('Read Message History')}: أتحقق مجددًا عند كل تشغيل)`,
    fr: ` · ❓ ${count} publication${count === 1 ? '' : 's'} incertaine${count === 1 ? '' : 's'} : une réponse s’est perdue et je ne peux pas lire l’historique du salon pour vérifier (accordez-moi ${frenchPermission('Read Message History')} : je revérifie à chaque exécution)`,
  }),
  more: (rest: number): LocalizedText => ({ en: `… and ${rest} more`, ar: `… و${rest} أخرى`, fr: `… et ${rest} de plus` }),
  choicePaused: (): LocalizedText => ({ en: ' · paused', ar: ' · موقوف', fr: ' · en pause' }),
} as const;

/**
 * Why the bot refuses a channel for `/schedule`. Discord has no Arabic client,
 * so an Arabic reader sees the permissions under their English names (in code
 * spans); French gets the names its Discord client shows.
 */
export const channelMessages = {
  missing: (channelId: string, missing: readonly string[]): LocalizedText => ({
    en: `I cannot post briefings in <#${channelId}>: I am missing ${missing.join(', ')} there.`,
    ar: `لا أستطيع نشر الموجزات في <#${channelId}>، إذ تنقصني فيها ${missing.length > 1 ? 'صلاحيات' : 'صلاحية'} ${missing.map(code).join('، ')}.`,
    fr: `Je ne peux pas publier de briefings dans <#${channelId}> : il me manque ${missing.map(frenchPermission).join(', ')}.`,
  }),
  notText: (channelId: string): LocalizedText => ({
    en: `<#${channelId}> is not a text or announcement channel.`,
    ar: `القناة <#${channelId}> ليست قناة نصية ولا قناة إعلانات.`,
    fr: `<#${channelId}> n’est ni un salon textuel ni un salon d’annonces.`,
  }),
  notMember: (): LocalizedText => ({
    en: 'I am not a member of this server: invite me with the bot scope first.',
    ar: `لست عضوًا في هذا الخادم: ادعني إليه أولًا بنطاق ${code('bot')}.`,
    fr: 'Je ne suis pas membre de ce serveur : invitez-moi d’abord avec le scope `bot`.',
  }),
  cannotSee: (channelId: string): LocalizedText => ({
    en: `I cannot see <#${channelId}>: give me View Channel there, or pick another channel.`,
    ar: `لا أستطيع رؤية <#${channelId}>: امنحني فيها صلاحية ${code('View Channel')}، أو اختر قناة أخرى.`,
    fr: `Je ne vois pas <#${channelId}> : donnez-moi ${frenchPermission('View Channel')} dans ce salon, ou choisissez-en un autre.`,
  }),
  otherServer: (channelId: string): LocalizedText => ({
    en: `<#${channelId}> belongs to another server: pick a channel of this one.`,
    ar: `القناة <#${channelId}> تابعة لخادم آخر: اختر قناة من هذا الخادم.`,
    fr: `<#${channelId}> appartient à un autre serveur : choisissez un salon de celui-ci.`,
  }),
  gone: (channelId: string): LocalizedText => ({
    en: `<#${channelId}> does not exist (any more) in this server.`,
    ar: `القناة <#${channelId}> غير موجودة في هذا الخادم (أو لم تعد موجودة).`,
    fr: `<#${channelId}> n’existe pas (ou plus) sur ce serveur.`,
  }),
} as const;

/** A permission as French Discord names it, in guillemets (« Voir les salons »). */
function frenchPermission(name: string): string {
  return `«\u202f${PERMISSION_NAMES_FR[name] ?? name}\u202f»`;
}

/** 90 → "1 min 30 s", 900 → "15 min", 7200 → "2 h" (English and French alike). */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const minutes = Math.round((s % 3600) / 60);
  return minutes ? `${Math.floor(s / 3600)} h ${minutes} min` : `${s / 3600} h`;
}

/** A count of hours, minutes or seconds in Arabic, in the genitive (after بعد, أقل من). */
function arabicCount(n: number, [one, two, few]: readonly [string, string, string]): string {
  if (n === 1) return one;
  if (n === 2) return two;
  // 3–10 (and 103–110…) take the plural; other counts the singular.
  return `${n} ${n % 100 >= 3 && n % 100 <= 10 ? few : one}`;
}

const HOURS = ['ساعة', 'ساعتين', 'ساعات'] as const;
const MINUTES = ['دقيقة', 'دقيقتين', 'دقائق'] as const;
const SECONDS = ['ثانية', 'ثانيتين', 'ثوانٍ'] as const;

/** {@link formatSeconds} in Arabic words: 90 → "دقيقة و30 ثانية", 7200 → "ساعتين". */
export function arabicDuration(seconds: number): string {
  const s = Math.round(seconds);
  const parts = s < 3600
    ? [[Math.floor(s / 60), MINUTES], [s % 60, SECONDS]] as const
    : [[Math.floor(s / 3600), HOURS], [Math.round((s % 3600) / 60), MINUTES]] as const;
  const words = parts.filter(([n]) => n > 0).map(([n, forms]) => arabicCount(n, forms));
  return words.length ? words.join(' و') : arabicCount(0, SECONDS);
}
