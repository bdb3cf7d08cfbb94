/**
 * Every word list of the English and French attribution reader, in one
 * place. Text in either language (and in a language the engine does not
 * know) is read with all of them: English articles quote French titles and
 * French ones English names, so the lists are shared, each word marked by
 * the language it comes from only where that matters (the speech words, in
 * `../en/lexicon.ts` and `../fr/lexicon.ts`). Lower case, ’ written '.
 */
import type { Gender } from '../../../speech-verbs';

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/u).filter(Boolean));

/** Title words that may stand before a name and belong to the role. */
export const TITLES = set(`
  mr. mrs. ms. dr. m. mme mlle mr mrs ms dr president prime minister mayor senator sen. rep. representative gov. governor
  gen. general secretary chancellor judge justice professor prof. sir lord lady king queen prince princess pope father
  rev. chief coach captain officer sgt. col. lt. ambassador président présidente ministre maire sénateur sénatrice député
  députée général juge docteur professeur maître me. monsieur madame pr. premier commissioner director spokesman
  spokeswoman spokesperson chairman chairwoman ceo founder sheikh emir foreign interior defence defense finance health
  state deputy vice former porte-parole attorney councillor councilman councilwoman detective inspector superintendent
  sergeant lieutenant colonel admiral chef commandant procureur procureure ambassadeur ambassadrice
  chair speaker leader pope cardinal bishop rabbi imam secretary-general première ministre présidente
  pr capt. capt maj. maj adm. adm cmdr. cmdr hon. supt. supt insp. lt sgt col gen gov sen brig. cpl. pvt. mgr mgr. me mme. mlle.
  admiral commander brigadier monseigneur
`);

/** Capitalised words that are not names at the start of a phrase. */
export const NOT_NAMES = set(`
  the a an his her their its our my your this that these those le la les l' un une des du de sa son ses leur leurs ce
  cette ces later earlier meanwhile however then now also but and yesterday today tomorrow tonight monday tuesday
  wednesday thursday friday saturday sunday january february march april may june july august september october
  november december in on at after before when while speaking asked still officials police authorities experts analysts
  critics witnesses residents sources protesters doctors researchers scientists investigators prosecutors people others
  many some both observers diplomats organizers organisers officers it they we i you he she il elle ils elles on nous
  vous plusieurs selon mais et puis alors ensuite hier aujourd'hui demain lundi mardi mercredi jeudi vendredi samedi
  dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre there here so
`);

/** Words that end a phrase read after the verb (said Smith, who …). */
export const AFTER_CUTS = set(`
  who whom whose which that in on at during when adding after before while as because to from for with about of and
  but in qui que lors dans sur après avant pendant quand alors en pour avec à au aux devant dont et mais ce cette
  il elle ils elles
  monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
  lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui ce soir matin
`);

export const FEMININE = set(`mrs. ms. mrs ms mme mme. mlle mlle. madame mademoiselle she elle spokeswoman chairwoman councilwoman congresswoman
  businesswoman policewoman actress queen princess duchess lady présidente sénatrice députée ambassadrice procureure directrice
  conseillère avocate chancelière préfète rectrice fondatrice dirigeante militante adjointe cheffe autrice
  chercheuse experte infirmière présentatrice réalisatrice `);

export const MASCULINE = set(`mr. mr m. monsieur he il spokesman chairman councilman congressman businessman policeman sir king prince duke
  lord directeur conseiller avocat chancelier fondateur dirigeant militant candidat adjoint chercheur présentateur réalisateur`);

/** Words that alone make no role: determiners, honorifics, sentence adverbs. */
export const FILLERS = set(`
  the a an his her their its le la les l' un une sa son ses leur later earlier meanwhile however then now also but and
  mr. mrs. ms. m. mme mlle mr mrs ms monsieur madame mais et puis alors ensuite
  what why how where who which whose whom does did do has have had is are was were will would can could should
  que quoi pourquoi comment où qui
`);

/** Nouns of documents and accounts: as a speaker they are anaphors for whoever issued them ("the report", « le récit qu’elle livre »). */
export const DOCUMENTS = set(`
  report reports statement statements study survey memo letter account document post tweet release interview record
  transcript text message note
  récit propos rapport communiqué étude enquête lettre déclaration déclarations courrier texte message entretien
  témoignage note tribune
`);

/** Words joining a document to its issuer (a statement from the ministry, un communiqué du parquet, a report by Amnesty). */
export const ISSUER_LINKS = set("from by of du de des d' par");

/** Nouns of institutions: an issuer holding one is named whole (the Foreign Ministry, le ministère des Affaires étrangères). */
export const INSTITUTIONS = set(`
  ministry department office government council commission agency authority court embassy army police service
  committee union party parliament senate assembly bank company group organisation organization university
  ministère gouvernement conseil commission agence autorité cour tribunal ambassade armée police parquet préfecture
  comité syndicat parti parlement sénat assemblée banque entreprise groupe organisation université mairie élysée
`);

/** Participles that may stand between a document and its issuer (a statement issued by, un rapport publié par). */
export const ISSUED = set('issued released published signed publié publiée diffusé diffusée signé signée');

/** Possessives and pronouns inside a document phrase that tell whose it is (her account, le récit qu'elle livre). */
export const POSSESSORS: ReadonlyMap<string, Gender> = new Map([
  ['her', 'f'], ['she', 'f'], ["qu'elle", 'f'], ['elle', 'f'], ['his', 'm'], ['he', 'm'], ["qu'il", 'm'], ['il', 'm'],
]);

/** Labels of a headline or a line before a colon that name no speaker (Update: "…", Vidéo : « … »). */
export const COLON_LABELS = set(`
  update updated breaking watch exclusive analysis live opinion video photos photo read explainer editorial interview
  comment review listen podcast quiz factcheck q a question answer warning note correction editor's
  vidéo direct témoignage tribune analyse récit enquête reportage éditorial verbatim exclusif info alerte entretien
  chronique lire aussi décryptage question réponse
`);

/** Pronouns standing alone after "according to" / « selon »: the person named last (according to him, selon elle). */
export const SOURCE_PRONOUNS: ReadonlyMap<string, Gender> = new Map([
  ['him', 'm'], ['her', 'f'], ['them', 'unknown'], ['lui', 'm'], ['elle', 'f'], ['eux', 'unknown'], ['elles', 'f'],
]);

/** Nouns of a point of view after a possessive opening the sentence: "In her view, …", « À ses yeux, … ». */
export const VIEW_NOUNS = set('view opinion words eyes mind yeux');

/** Possessives of such a view, with the gender they tell (ses, leurs tell none). */
export const VIEW_POSSESSIVES: ReadonlyMap<string, Gender> = new Map([['his', 'm'], ['her', 'f'], ['ses', 'unknown'], ['son', 'unknown']]);

/** Lower-case particles inside names (Charles de Gaulle, Ursula von der Leyen). */
export const PARTICLES = set('de du des van von der den da di bin ibn al el la le dos do y');

/** Words before a capitalised run that make its first word part of a role (mayor of Springfield). */
export const OF_WORDS = set("of for at in from de du des d' pour à au aux chez 's");

/** Articles and possessives opening an apposition ("Jane Smith, the mayor", « Anne Vignot, la maire »). */
export const APPOSITION_STARTS = set("a an the his her their le la les l' un une sa son ses leur");

/** Words that never start a speaker phrase: a pronoun subject with its clause ("he told journalists"). */
export const CLAUSE_STARTS = set('he she they it we i you il elle ils elles on nous vous');

/** Words of a clause that no speaker phrase holds: "The only body swerve the president performed was when I" is a sentence, not a speaker. */
export const CLAUSE_WORDS = set('was were is are when if est était sont étaient quand lorsque');

/** Words after which an article goes on the same speaker phrase (the mayor of the city, le ministre de la Santé, the mayor and the governor). */
export const ARTICLE_LINKS = set(`of for at in on to from with by about against over under into and or
  de à en sur pour par avec dans chez contre vers et ou`);

/** Verbs of words imagined rather than said, after {@link HYPOTHETICAL_OPENERS} (as if to say, comme pour dire). */
export const HYPOTHETICAL_VERBS = set('say saying ask asking tell dire demander signifier lancer répondre dit disait disant');

/** Word runs before such a verb that make the words imagined: as if to say, as though saying, comme pour dire, comme si elle disait. */
export const HYPOTHETICAL_OPENERS: readonly (readonly string[])[] = [
  'as if to', 'as though to', 'as if', 'as though', 'seemed to', 'seeming to', 'seems to', 'comme pour', 'comme si il', 'comme si elle',
  "comme s'il", 'semblait', 'semble', 'semblant',
].map((run) => run.split(' '));

/** Words that start a new clause: the subject cannot lie before them. */
export const CLAUSE_BREAKS = new Set(['and', 'but', 'while', 'because', 'although', 'though', 'whereas', 'et', 'mais', 'car', 'tandis',
  'puisque', 'lorsque', 'quand', 'so', 'or', 'ou', 'donc']);

/** "that" / "que": what follows is reported speech, a quote inside it is a fragment. */
export const THAT = /^(that|que|qu'.*|qu’.*)$/u;

/** Relative pronouns that may stand as the subject of a speech verb ("the group, which says"). */
export const RELATIVES = new Set(['which', 'who', 'qui']);

/** Words opening an adverbial between a verb and its quote (said in a statement, told reporters on Monday). */
export const ADVERBIAL = /^(in|on|at|during|after|before|last|this|yesterday|today|earlier|later|via|through|from|to|dans|lors|sur|à|au|devant|après|avant|hier|ce|cette|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u;

/** Verbs whose object (reporters, the BBC) may stand between them and the quote. */
export const TELL = /^(told|tells|telling|asked|asks|warned|urged|assured|a-t-il|a-t-elle|dit|déclaré|confié|expliqué|lancé)$/u;

/** Verbs of going on: the speaker said the words before too ("…", he added; « … », a ajouté Laurent Fabius). */
export const ADD_VERBS = new Set(['added', 'adds', 'continued', 'ajouté', 'ajoute', 'poursuivi', 'poursuit', 'renchéri', 'renchérit']);

/** Words dropped between a subject and its verb ("Smith has said", « il a aussi déclaré »). */
export const LATIN_AUX = new Set(['has', 'had', 'have', 'was', 'is', 'also', 'then', 'later', 'reportedly', 'previously',
  'once', 'earlier', 'lui', 'leur', 'nous', 'vous', 'y', 'en', 'me', 'ne', 'pas', 'aussi', 'encore', 'déjà', 'alors',
  'further', 'again', 'would', 'will', 'could', 'may', 'might', 'ont', 'avait']);
