/**
 * The post-filter: what Readability leaves inside the article container that
 * is not the article (section labels, bylines and timestamps before the lead,
 * teaser links, "Read more" and "Lire aussi" lines, captions, app and
 * newsletter promos, "skip past" links, paywall and comment-policy tails).
 * Rules are by pattern and shape, in ar/en/fr, never by site.
 */
import { type Block, wordCount } from './blocks';

/** What the page says about itself, to recognise its own header lines in the body. */
export interface PageFacts {
  title: string;
  byline?: string;
  siteName?: string;
}

/** A block that ends the article: everything from it on is dropped. */
const TAIL_MARKERS = [
  /^il vous reste \d+(?:[.,]\d+)?\s*% de cet article/i,
  /^(?:about the authors?|à propos de l[’']auteur|عن الكاتب)\s*:?$/i,
  /^(?:comments?|commentaires|التعليقات)\s*(?:\(\d+\))?\s*:?$/i,
  /^ترحب شبكة .{1,40} بالنقاش/,
  /^الآراء الواردة (?:أدناه|في التعليقات)/,
  /^(?:join|view) the (?:conversation|discussion)\b/i,
];

/** A heading that introduces a list of links to other articles: it and the links after it go. */
const LINK_LIST_HEADINGS = /^(?:read more|more on this(?: story)?|related(?: stories| articles| coverage| content)?|more from [\p{L} ]+|you may also like|recommended|lire aussi|à lire aussi|sur le même sujet|voir aussi|اقرأ أيضا|اقرأ أيضاً|مواضيع ذات صلة|اخترنا لكم)\s*:?$/iu;

/** Lines that are never article text, wherever they stand. */
const BOILERPLATE_LINES = [
  /^\[[^\]]+\]$/, // [Read: Why Tunisia …]
  /^(?:related|read(?: more)?|see also|more|watch|listen|video|photos?|gallery|map|graphic|live|lire(?: aussi)?|à lire(?: aussi)?|voir(?: aussi)?|regarder|écouter|vidéo|revivez|اقرأ(?: أيضا| أيضاً| المزيد)?|شاهد|للمزيد|فيديو)\s*[:|：]/iu,
  /^(?:continue reading(?: the main story)?|advertisement|advertising|sponsored(?: content)?|publicité|إعلان|skip (?:past|to) .{0,80}|passer (?:la|à) .{0,80}|powered by .{0,60}|getty(?: images)?|(?:ap|afp|reuters|epa)(?: photo)?|image (?:source|caption|copyright)[: ].{0,80}|media caption.{0,200}|share(?: this)?(?: article| story)?|partager(?: cet article)?|شارك(?: هذا)?(?: المقال)?)$/iu,
  /^(?:download|get|install|téléchargez|télécharger|حمّل|حمل) (?:the|our|l['’]|notre|تطبيق).{0,80}\bapp\b.{0,80}$/iu,
  /^(?:sign up|subscribe|inscrivez-vous|abonnez-vous|اشترك)\b.{0,120}(?:newsletter|lettre|infolettre|النشرة)?.{0,80}$/iu,
  /^(?:article réservé aux abonnés|subscriber(?:s)?[- ]only|for subscribers|réservé aux abonnés)$/i,
  /^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$/i,
  /^il y a \d+\s+\p{L}+$/iu,
  /^منذ \d+\s+\p{L}+$/u,
  /^duration\s+\d+:\d+/i,
];

/** A date/update stamp ("Posted: Aug 08, 2024 | Last Updated …", "… آخر تحديث 14:00"). */
const STAMP = /(?:^|\s|·)(?:posted|published|updated|first published|last updated|publié(?: le)?|mis à jour|modifié le|نشر(?: في)?|آخر تحديث|تم النشر|تاريخ النشر)\b|آخر تحديث/iu;

/** A photo credit closing a caption: "(Reuters)", "(Adel Hana/Associated Press)". */
const CAPTION_CREDIT = /\((?:[^()]{0,60}\/)?(?:reuters|ap|afp|epa|associated press|getty images|[\p{L} .'-]{0,40}(?:images|photo|photos)|cbc|bbc|صورة[^()]{0,40})\)\s*$/iu;

/** Ends like a sentence (also after a closing quote or bracket). */
const SENTENCE_END = /[.!?…؟。](?:["'”’»)\]]*)\s*$|["”»]\s*$/u;

const LINK_TEASER_SHARE = 0.8;
const LINK_TEASER_MAX_WORDS = 30;
const PROSE_MIN_WORDS = 12;

/** The article's own blocks, in order. */
export function filterBoilerplate(blocks: readonly Block[], facts: PageFacts): Block[] {
  const body = dropLinkLists(cutTail(blocks));
  const afterLead = trimLead(body, facts);
  const kept = afterLead.filter((block) => !isBoilerplate(block) && !isStamp(block));
  return dropRepeats(kept);
}

/** A paragraph of running text: long enough and ending like a sentence. */
export function isProse(block: Block): boolean {
  return !/^h\d$/.test(block.tag) && block.linkShare < 0.5 && wordCount(block.text) >= PROSE_MIN_WORDS && SENTENCE_END.test(block.text);
}

function cutTail(blocks: readonly Block[]): Block[] {
  const end = blocks.findIndex((block, index) => index > 0 && TAIL_MARKERS.some((marker) => marker.test(block.text)));
  return end < 0 ? [...blocks] : blocks.slice(0, end);
}

function dropLinkLists(blocks: Block[]): Block[] {
  const kept: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (!LINK_LIST_HEADINGS.test(blocks[i]!.text)) {
      kept.push(blocks[i]!);
      continue;
    }
    while (i + 1 < blocks.length && !isProse(blocks[i + 1]!) && (isLinkTeaser(blocks[i + 1]!) || wordCount(blocks[i + 1]!.text) <= LINK_TEASER_MAX_WORDS)) i++;
  }
  return kept;
}

/** Lines of a page header that sit between the headline and the lead. */
const HEADER_LINES = [
  /^(?:article réservé aux abonnés|réservé aux abonnés|subscribers?[- ]only|for subscribers|exclusive to subscribers)$/i,
  /^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$/i,
  /^il y a \d+\s+\p{L}+$/iu,
  /^منذ \d+\s+\p{L}+$/u,
  /^(?:by|par|بقلم)\s.{1,80}$/i,
];

/**
 * Drop the page header Readability kept before the lead: everything up to
 * the last headline, byline, stamp or "subscribers only" line standing before
 * the first two paragraphs of running text, then the short labels (section
 * names, kickers) between it and the first paragraph.
 */
function trimLead(blocks: Block[], facts: PageFacts): Block[] {
  let firstPair = blocks.findIndex((block, i) => isProse(block) && i + 1 < blocks.length && isProse(blocks[i + 1]!));
  if (firstPair < 0) firstPair = Math.max(0, blocks.findIndex(isProse));
  let headerEnd = -1;
  for (let i = 0; i < firstPair; i++) if (isHeaderLine(blocks[i]!, facts)) headerEnd = i;
  const rest = blocks.slice(headerEnd + 1);
  const lead = rest.findIndex(isProse);
  if (lead <= 0) return rest;
  return [...rest.slice(0, lead).filter((block) => wordCount(block.text) > 6), ...rest.slice(lead)];
}

function isHeaderLine(block: Block, facts: PageFacts): boolean {
  const text = fold(block.text);
  const words = wordCount(block.text);
  if (words > 25) return false;
  if (text === fold(facts.title)) return true;
  if (facts.byline && text.includes(fold(facts.byline)) && words <= wordCount(facts.byline) + 6) return true;
  if (facts.siteName && text === fold(facts.siteName)) return true;
  return isStamp(block) || HEADER_LINES.some((pattern) => pattern.test(block.text));
}

function isStamp(block: Block): boolean {
  return wordCount(block.text) <= 20 && !SENTENCE_END.test(block.text.replace(/\)\s*$/, '')) && STAMP.test(block.text);
}

function isBoilerplate(block: Block): boolean {
  if (!/[\p{L}\p{N}]/u.test(block.text)) return true;
  if (isLinkTeaser(block)) return true;
  if (BOILERPLATE_LINES.some((pattern) => pattern.test(block.text))) return true;
  return wordCount(block.text) <= 60 && CAPTION_CREDIT.test(block.text);
}

function isLinkTeaser(block: Block): boolean {
  return block.linkShare >= LINK_TEASER_SHARE && wordCount(block.text) <= LINK_TEASER_MAX_WORDS;
}

/** Short lines repeated (a byline printed twice, a caption echoed) keep their first copy. */
function dropRepeats(blocks: Block[]): Block[] {
  const seen = new Set<string>();
  return blocks.filter((block) => {
    if (wordCount(block.text) > 30) return true;
    const key = fold(block.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}
