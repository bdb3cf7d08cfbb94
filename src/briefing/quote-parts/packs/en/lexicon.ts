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
