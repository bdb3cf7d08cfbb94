/**
 * French speech words: past participles after « a » (a déclaré), present and
 * imperfect forms (déclare, disait), gerunds (en prévenant) and the subject
 * pronouns of inverted forms (a-t-elle). Lower case.
 */
import type { Gender } from '../../../speech-verbs';

export const FR_PARTICIPLES = new Set([
  'déclaré', 'dit', 'affirmé', 'estimé', 'ajouté', 'expliqué', 'souligné', 'indiqué', 'précisé', 'assuré', 'lancé',
  'martelé', 'insisté', 'averti', 'prévenu', 'poursuivi', 'confié', 'reconnu', 'rappelé', 'répondu', 'écrit', 'tweeté',
  'annoncé', 'jugé', 'dénoncé', 'commenté', 'regretté', 'raconté', 'résumé', 'noté', 'observé', 'relevé', 'tranché',
  'admis', 'confirmé', 'déploré', 'plaidé', 'promis', 'demandé', 'répété', 'ironisé', 'conclu', 'fait', 'soutenu',
  'réagi', 'témoigné', 'argumenté', 'interrogé', 'avancé', 'analysé', 'détaillé', 'glissé', 'lâché', 'soufflé', 'nuancé', 'tempéré',
  'protesté', 'souri', 'plaisanté', 'grincé', 'tonné', 'fustigé', 'salué',
  // Verbs that characterise in the speaker's own words: a qualifié de « … », a décrit, a accusé X de « … ».
  'qualifié', 'décrit', 'critiqué', 'accusé', 'défendu', 'rejeté', 'appelé', 'condamné', 'évoqué', 'exhorté', 'réclamé', 'exigé',
  'contesté', 'démenti', 'menacé', 'qualifiée', 'décrite',
]);

export const FR_PRESENT = new Set([
  'déclare', 'dit', 'affirme', 'estime', 'ajoute', 'explique', 'souligne', 'indique', 'précise', 'assure', 'lance',
  'martèle', 'insiste', 'avertit', 'prévient', 'poursuit', 'confie', 'reconnaît', 'reconnait', 'rappelle', 'répond',
  'écrit', 'juge', 'dénonce', 'commente', 'regrette', 'raconte', 'résume', 'note', 'observe', 'relève', 'tranche',
  'admet', 'confirme', 'déplore', 'plaide', 'promet', 'demande', 'répète', 'ironise', 'conclut', 'soutient', 'réagit',
  'témoigne', 'avance', 'déclarait', 'disait', 'expliquait', 'affirmait', 'estimait', 'ajoutait', 'confiait',
  'analyse', 'détaille', 'glisse', 'lâche', 'souffle', 'nuance', 'tempère', 'proteste', 'tonne', 'fustige', 'prévenait',
  'analysait', 'soulignait', 'précisait', 'assurait', 'racontait', 'insistait', 'martelait', 'salue',
  'déclarent', 'disent', 'affirment', 'estiment', 'ajoutent', 'expliquent', 'soulignent', 'indiquent', 'précisent', 'assurent',
  'préviennent', 'rappellent', 'jugent', 'dénoncent', 'regrettent', 'reconnaissent', 'répondent', 'avertissent',
  'qualifie', 'décrit', 'accuse', 'défend', 'rejette', 'appelle', 'condamne', 'évoque', 'exhorte', 'réclame', 'exige', 'conteste',
  'dément', 'menace', 'qualifient', 'décrivent', 'accusent', 'appellent', 'condamnent', 'réclament', 'exigent',
]);

/** Gerunds continuing the sentence's subject: « …, tout en prévenant que « … » ». */
export const FR_GERUNDS = new Set([
  'prévenant', 'soulignant', 'ajoutant', 'expliquant', 'estimant', 'affirmant', 'assurant', 'rappelant', 'précisant',
  'déclarant', 'indiquant', 'insistant', 'jugeant', 'dénonçant', 'reconnaissant', 'avertissant', 'martelant',
]);

export const FR_PRONOUNS: Readonly<Record<string, Gender>> = { il: 'm', elle: 'f', ils: 'unknown', elles: 'f', on: 'unknown' };

