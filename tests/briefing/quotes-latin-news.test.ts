import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/briefing/quotes';
import type { Language, Quote } from '../../src/briefing/schema';

/**
 * English and French attribution patterns of real news (issue 12; seen in
 * ../shared/quotes-dev, written afresh here): who the engine names, or null
 * when the evidence is too weak (a wrong speaker is worse than none).
 */

function quoteWith(quotes: readonly Quote[], piece: string): Quote {
  const q = quotes.find((x) => x.text.includes(piece));
  expect(q, `no quote contains "${piece}" in ${JSON.stringify(quotes)}`).toBeDefined();
  return q!;
}

/** [label, language, paragraphs, piece of the quote, speaker (null: none), role (undefined: not checked)] */
type Row = [string, Language, string[], string, string | null, string | null | undefined];

const rows: Row[] = [
  ['en: after the quote, a name and a long apposition before "told"', 'en', [
    '"The ceasefire talks are back to the drawing board," Lina Khatib, an expert on the conflict at U.K. think-tank Chatham House, told the AP. "The next move makes negotiations even trickier."',
  ], 'drawing board', 'Lina Khatib', 'an expert on the conflict at U.K. think-tank Chatham House'],
  ['en: the quote after an apposition shares its speaker across the initials', 'en', [
    '"The ceasefire talks are back to the drawing board," Lina Khatib, an expert on the conflict at U.K. think-tank Chatham House, told the AP. "The next move makes negotiations even trickier."',
  ], 'even trickier', 'Lina Khatib', undefined],
  ['fr: after the quote, a name and its apposition with la', 'fr', [
    '« Nous ne lâcherons rien sur les salaires », a déclaré Sophie Binet, la secrétaire générale de la CGT, lundi.',
  ], 'lâcherons rien', 'Sophie Binet', 'la secrétaire générale de la CGT'],
  ['en: "the US President said:" is a role, resolved to the name given later', 'en', [
    'In a post after a meeting with Nato Secretary General Mark Rutte, the US President said: "Nato was not there when we needed them."',
    'Speaking in August, US President Donald Trump said there would be "no going into Nato by Ukraine" as part of a deal.',
  ], 'not there when we needed', 'Donald Trump', 'the US President'],
  ['en: a question heading is no speaker role ("What has Trump said")', 'en', [
    'What has Trump said about Nato?',
    'US President Donald Trump said there would be "no going into Nato by Ukraine" as part of a deal.',
  ], 'no going into Nato', 'Donald Trump', 'US President'],
  ['en: "X, which says" names the institution X', 'en', [
    'Sadeq Abu Amer told the AP a deal was still possible. Abu Amer is the head of the Palestinian Dialogue Group in Turkey, which says on its site that it aims to "protect the historical rights of the Palestinian people."',
  ], 'historical rights', 'Palestinian Dialogue Group in Turkey', undefined],
  ['en: "X, who said" names the person X', 'en', [
    'The bill was backed by Senator Jane Smith, who said it was "a victory for every working family in the state."',
  ], 'victory for every', 'Jane Smith', undefined],
  ['en: "which says" after no institution gives no speaker, not the last one', 'en', [
    'Jane Smith said the vote was close. "We won by a handful of votes tonight," she said.',
    'The bill passed by two votes, which says a lot about "the mood of the country right now and its fears."',
  ], 'mood of the country', null, undefined],
  ['fr: an incise inside the guillemets splits the quote; both parts are hers', 'fr', [
    'Sophie Binet, la secrétaire générale de la CGT, a rencontré le président. « Là-dessus, notre désaccord est total, souligne-t-elle. La CGT a des solutions pour financer la branche vieillesse. »',
  ], 'désaccord est total', 'Sophie Binet', undefined],
  ['fr: the second part of a split quote', 'fr', [
    'Sophie Binet, la secrétaire générale de la CGT, a rencontré le président. « Là-dessus, notre désaccord est total, souligne-t-elle. La CGT a des solutions pour financer la branche vieillesse. »',
  ], 'des solutions pour financer', 'Sophie Binet', undefined],
  ['fr: an incise naming the speaker', 'fr', [
    '« Nous avons tout essayé pour les joindre, poursuit Laurent Fabius. Il faut maintenant attendre les secours sur place. »',
  ], 'attendre les secours', 'Laurent Fabius', undefined],
  ['fr: « d’après le récit qu’elle livre » is her account, not a speaker', 'fr', [
    'Sophie Binet, la secrétaire générale de la CGT, a été reçue mercredi par Emmanuel Macron. Pour ce tête-à-tête, Mme Binet est « arrivée avec son propre ordre du jour », d’après le récit qu’elle livre au Monde.',
  ], 'ordre du jour', 'Sophie Binet', undefined],
  ['en: "according to the report" names nobody', 'en', [
    'Jane Smith, the mayor, opened the session. The city is short of money, according to the report: "the deficit will double within two years without new taxes."',
  ], 'deficit will double', null, undefined],
  ['fr: M. Macron anywhere makes him a man: « elle » skips him', 'fr', [
    'Mme Binet, la dirigeante de la CGT, a été reçue à l’Elysée. « Je lui ai dit ce que pensent les salariés de ce pays », a-t-elle expliqué.',
    'Emmanuel Macron a répondu : « Le texte est voté, il sera appliqué partout. » Selon un conseiller, M. Macron a pris des notes.',
    '« Nous ne lâcherons rien tant que la réforme ne sera pas retirée », a-t-elle ajouté.',
  ], 'lâcherons rien', 'Binet', undefined],
  ['fr: an introductory phrase is no role (Pour ce tête-à-tête, En début de soirée)', 'fr', [
    'En début de soirée, Sophie Binet a déclaré : « Le dialogue social est rompu dans ce pays. »',
  ], 'dialogue social', 'Sophie Binet', null],
  ['fr: « Pour la syndicaliste, … « … » » is the opinion of the main speaker the descriptor refers to', 'fr', [
    '« Nous ne lâcherons rien », a déclaré Mme Binet, la secrétaire générale de la CGT, lundi. « Le dialogue est rompu », a-t-elle ajouté.',
    'Pour la syndicaliste, il n’existe qu’une seule voie pour « apaiser la colère et tourner la page » : un référendum.',
  ], 'apaiser la colère', 'Binet', undefined],
  ['fr: « Pour la France, … « … » » names no speaker (a country, not a person)', 'fr', [
    '« Nous ne lâcherons rien », a déclaré Mme Binet, la secrétaire générale de la CGT, lundi. « Le dialogue est rompu », a-t-elle ajouté.',
    'Pour la France, il s’agit d’un « tournant historique dans les relations avec ses voisins ».',
  ], 'tournant historique', null, undefined],
  ['en: a descriptor that is an office ("the minister") is not the main speaker', 'en', [
    '"We will not give up," said Jane Smith, the union leader. "The talks are over," she added.',
    'For the minister, there is only one way to "calm the anger and turn the page on this dispute."',
  ], 'calm the anger', null, undefined],
  ['en: a descriptor with nobody quoted twice before names nobody', 'en', [
    '"We will not give up," said Jane Smith, the union leader.',
    'For the unionist, there is only one way to "calm the anger and turn the page on this dispute."',
  ], 'calm the anger', null, undefined],
  ['fr: « … », a ajouté X: the quote of the sentence before is X’s too', 'fr', [
    'Les autorités françaises sont toujours sans nouvelles «d’encore plus de 200» personnes. «Pour certains d’entre eux on est très interrogatif», a ajouté Laurent Fabius.',
  ], 'encore plus de 200', 'Laurent Fabius', undefined],
  ['en: "…," X added: the quote of the sentence before is X’s too', 'en', [
    'Officials have lost contact with "more than 200 people" in the valley. "For some of them we are very worried," added Laurent Fabius.',
  ], 'more than 200 people', 'Laurent Fabius', undefined],
  ['en: "…," X said (no going on): the quote of the sentence before is nobody’s', 'en', [
    'Officials have lost contact with "more than 200 people" in the valley. "For some of them we are very worried," said Laurent Fabius.',
  ], 'more than 200 people', null, undefined],
  ['en: "she said" after a named subject with an age apposition (Linda Broussard, 67, spent…)', 'en', [
    'The National Weather Service said in a statement that "more rain of three to five inches is possible on the coast."',
    'Linda Broussard, 67, spent the night on her roof in Houma. "I have never seen anything like it in my whole life," she said.',
  ], 'never seen anything', 'Linda Broussard', undefined],
  ['en: "she said" after a known surname as subject, past an adverb (Raman also addressed…)', 'en', [
    'Priya Raman, the chief executive, said: "Demand is far ahead of what our supply chain allows this year."',
    '"The shortage gives rivals an opening," said Ben Ortiz, an analyst at Morgan Stanley.',
    'Raman also addressed questions about export rules. Asked about Asia, she said: "It is too early to say what the new rules will do."',
  ], 'too early to say', 'Priya Raman', undefined],
  ['en: a lone capitalised word opening a sentence that names nobody known is no subject', 'en', [
    'Priya Raman, the chief executive, said: "Demand is far ahead of what our supply chain allows this year."',
    'Economists also expected higher prices. "It is too early to say what the new rules will do," she said.',
  ], 'too early to say', 'Priya Raman', undefined],
  ['fr: a plural present verb (des climatologues estiment que « … »)', 'fr', [
    'Dans une tribune publiée par Le Monde, des climatologues estiment que ces vagues de chaleur « deviendront la norme d’ici 2050 si rien n’est fait ».',
  ], 'deviendront la norme', 'des climatologues', undefined],
  ['fr: a gerund goes on with the subject (tout en prévenant que « … »)', 'fr', [
    'Le président de la FNSEA, Arnaud Rousseau, a salué « un premier pas », tout en prévenant que la mobilisation continuerait « tant que les engagements ne seront pas inscrits dans la loi ».',
  ], 'tant que les engagements', 'Arnaud Rousseau', undefined],
];

describe('extractQuotes: English and French attribution on patterns of real news', () => {
  it.each(rows)('%s', (_label, language, paragraphs, piece, speaker, role) => {
    const q = quoteWith(extractQuotes(paragraphs, language), piece);
    expect(q.speaker).toBe(speaker);
    if (role !== undefined) expect(q.speakerRole ?? null).toBe(role);
  });
});
