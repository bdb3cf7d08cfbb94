/** English speech words: the verbs that report words ("said", "warned") and the participles among them ("saying"). Lower case. */

export const EN_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'asked', 'asks', 'warned', 'warns', 'explained', 'explains',
  'stated', 'states', 'noted', 'notes', 'insisted', 'insists', 'argued', 'argues', 'wrote', 'writes', 'tweeted',
  'declared', 'announced', 'claimed', 'claims', 'continued', 'replied', 'recalled', 'acknowledged', 'admitted',
  'suggested', 'observed', 'cautioned', 'urged', 'predicted', 'remarked', 'stressed', 'emphasized', 'emphasised',
  'confirmed', 'complained', 'conceded', 'responded', 'answered', 'testified', 'posted', 'wondered', 'quipped',
  'recounted', 'agreed', 'vowed', 'pledged', 'maintained', 'contended', 'reiterated', 'concluded', 'whispered',
  'shouted', 'exclaimed', 'saying', 'adding', 'telling', 'warning', 'noting', 'explaining', 'arguing', 'lamented', 'laments',
]);

export const EN_PARTICIPLES = new Set(['saying', 'adding', 'telling', 'warning', 'noting', 'explaining', 'arguing']);

/**
 * Verbs that characterise in the speaker's own words: called it "…",
 * described the attack as "…", dismissed as "…". Their past forms are also
 * passive participles ("The plan, described as "…"", "was condemned as"),
 * which name no speaker.
 */
export const EN_CHARACTERISING = new Set([
  'called', 'described', 'describes', 'dismissed', 'dismisses', 'praised', 'praises', 'accused', 'accuses', 'denied',
  'denies', 'criticised', 'criticized', 'criticises', 'criticizes', 'condemned', 'condemns', 'defended', 'defends', 'hailed',
  'hails', 'welcomed', 'welcomes', 'blamed', 'blames', 'rejected', 'rejects', 'slammed', 'slams', 'branded', 'brands',
  'labelled', 'labeled', 'characterised', 'characterized', 'demanded', 'demands', 'promised', 'promises', 'threatened',
]);

/** Words right before a past form that make it passive (was described, widely condemned). */
export const EN_PASSIVE_MARKS = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'widely', 'often', 'once', 'long', 'also']);

/** Verbs that also name a thing when the quote follows them at once ("a group called "…"", "a plan dubbed "…""). */
export const EN_NAMING_VERBS = new Set(['called', 'branded', 'labelled', 'labeled', 'described']);
