// Which items of a letter go with a surgery it decides: the "Associated surgical service" items, the services
// before and after an operation (a clearance, an assistant, post-operative therapy), and those whose rationale
// decides them by the surgery's fate ("As the requested surgical intervention is not medically necessary per the
// documentation, the requested ancillary service is not medically necessary."). A letter denying a shoulder
// repair often denies a dozen such items with it: a researcher counting decisions needs to know they are one, and
// the rule associated-service-conflict checks that none is decided against its surgery.
import type { DisputedItem, SurgeryBasis } from '../model';
import { CollapsedText } from '../text/collapse';
import type { LineIndex } from '../text/lines';

/** Services that exist only with an operation, by the words that open or name them. */
const ASSOCIATED_RE = /\bassociated\s+surgical\s+services?\b/i;
const PRE_OPERATIVE_RE =
  /\b(?:pre|peri|intra)[- ]?op(?:erative(?:ly)?)?\b|\bpre[- ]?surg(?:ical|ery)\b|\b(?:medical|surgical|cardiac|pre[- ]?op(?:erative)?)\s+clearance\b|^clearance\b|\bassistant\s+(?:surgeon|pa|physician|md)\b|\b(?:surgical|surgeon'?s?|pa|physician\s+assistant)\s+assist(?:ant|ance)?\b|\bco-?surgeon\b/i;
const POST_OPERATIVE_RE = /\bpost[- ]?op(?:erative(?:ly)?)?\b|\bpost[- ]?surg(?:ical|ery)\b/i;

/** A title naming an operation. "Extended release" is a drug's, not a release's; "surgical service" an associated one's. */
// (The endings -ectomy, -otomy, -plasty, -odesis, -orrhaphy are matched at a word's end: a leading \w+ would be tried
// at every letter of every word.)
const SURGERY_RE =
  /(?:ectom(?:y|ies)|otom(?:y|ies)|plast(?:y|ies)|odesis|orrhaphy)\b|\b(?:surger(?:y|ies)|surgical(?!\s+services?\b)|arthroscop\w*|fusion|repair|(?<!(?:extended|sustained|controlled|delayed|immediate|modified)[- ])release|decompression|reconstruction|(?<!hormone\s|testosterone\s)replacement|fixation|ORIF|debridement|excision|resection|transposition|amputation|manipulation under anesthesia|implantation)\b/i;

/** How a title ties its item to a surgery: "Associated surgical service: ...", a pre-operative or a post-operative service. */
export function titleBasis(service: string): Exclude<SurgeryBasis, 'rationale'> | undefined {
  // One expression, tried once over the title: the group that matched says which (the first words to match win).
  const m = TITLE_BASIS_RE.exec(service);
  if (!m) return undefined;
  return m[1] !== undefined ? 'associated' : m[2] !== undefined ? 'pre-operative' : 'post-operative';
}
const TITLE_BASIS_RE = new RegExp(`(${ASSOCIATED_RE.source})|(${PRE_OPERATIVE_RE.source})|(${POST_OPERATIVE_RE.source})`, 'i');

/** Services that name an operation without being one: a surgical consultation, myofascial release, spinal
 *  decompression therapy. */
const NOT_SURGERY_RE =
  /^\W*(?:(?:surgical|orthopedic|orthopaedic|spine|spinal)\s+)?(?:consult\w*|evaluation|referral|second opinion)\b|\b(?:surgery|surgical|surgeon|replacement)\s+(?:evaluation|consult\w*|referral|opinion|specialist)\b|\b(?:myofascial|therapy|traction)\b/i;

/** Whether a service names an operation itself (not a service that goes with one, nor a consultation about one). */
export function isSurgery(service: string): boolean {
  return titleBasis(service) === undefined && namesOperation(service);
}

function namesOperation(service: string): boolean {
  return SURGERY_RE.test(service) && !NOT_SURGERY_RE.test(service);
}

// "As the requested surgical intervention is not medically necessary", "Since the surgery has been deemed not
// medically necessary", "Because the primary procedure is medically necessary", or a sentence of its own on the other
// request, "The concurrent request for shoulder surgery is supported": the surgery named as the subject, then up to
// five words (the verb, a negation) before the verdict.
const DEPENDENCE_RE =
  /\b(?:(?:as|since|because|given that)\s+(?:the\s+)?(?:(?:requested|proposed|primary|underlying|planned|associated|related|above|recommended)\s+)*|the\s+concurrent(?:ly)?\s+(?:request\s+for|requested)\s+(?:[a-z]+\s+)?)(?:surgical\s+(?:intervention|procedure|request|treatment)s?|surger(?:y|ies)|(?:operative\s+|surgical\s+)?procedures?|operations?)\s+((?:is|are|was|were|has|have|had|can|cannot|could|would|will)\b(?:[\s-]+[a-z]+){0,5}?)[\s-]+(?:medically\s+)?(?:necessary|indicated|supported|certified|approved|warranted|appropriate)\b/i;
const NEGATION_RE = /\b(?:not|non|cannot|never|no)\b|n't\b|\bun[a-z]+/i;

export interface SurgeryDependenceMatch {
  from: number;
  to: number;
  /** Whether the words say the surgery is medically necessary. */
  necessary: boolean;
}

/** The words of a rationale (collapsed onto one line) that decide its item by a surgery's fate, if any. */
export function readSurgeryDependence(text: string): SurgeryDependenceMatch | undefined {
  if (!text.includes('urg') && !text.includes('rocedure') && !text.includes('peration')) return undefined;
  const m = DEPENDENCE_RE.exec(text);
  return m ? { from: m.index, to: m.index + m[0].length, necessary: !NEGATION_RE.test(m[1]) } : undefined;
}

/**
 * Ties each item that goes with a surgery to the nearest item above it that decides one. An item tied by neither
 * its title nor its rationale, or with no surgery above it, stays untied. A rationale is read for the surgery's fate
 * only below a surgery: most letters decide none, and their rationales are not read again.
 */
export function linkSurgeries(doc: LineIndex, items: DisputedItem[]): void {
  let surgery: DisputedItem | undefined;
  // (Most letters decide no surgery: for them each item but the last is tried once against SURGERY_RE, no more.)
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (surgery) {
      const words = item.rationale?.textRange;
      if (words) {
        const collapsed = new CollapsedText(doc, doc.offsetAt(words.start), doc.offsetAt(words.end));
        const found = readSurgeryDependence(collapsed.text);
        if (found) item.surgeryDependence = { range: collapsed.range(found.from, found.to), necessary: found.necessary };
      }
      const basis = titleBasis(item.title.value) ?? (item.surgeryDependence ? 'rationale' : undefined);
      if (basis) {
        item.surgery = { item: surgery.index, basis };
        continue;
      }
    }
    if (i + 1 < items.length && namesOperation(item.service) && titleBasis(item.title.value) === undefined) surgery = item;
  }
}
