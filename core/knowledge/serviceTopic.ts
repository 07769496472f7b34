// For a citation that names a guideline or a chapter but no section ("Official Disability Guidelines (ODG)",
// "MTUS Low Back Complaints 2004"), the entry of that guideline the item's service points to: the hover offers it,
// marked as not cited by the letter. Nothing else counts it: the summaries and references keep what was cited.
import type { GuidelineCitation } from '../model';
import { bestMatch, cachedPool } from './bestMatch';
import { entriesOf } from './data';
import { serviceWords } from '../text/serviceWords';
import { isAnyBodyPart } from './odgChapters';
import type { Resolution } from './resolve';
import type { KnowledgeEntry } from './types';

/** Body parts as services name them, to the ODG chapter that covers each. */
const BODY_PARTS: [string, RegExp][] = [
  ['carpal-tunnel', /\bcarpal tunnel\b/i],
  ['low-back', /\b(?:lumbar|lumbosacral|low(?:er)? back|thoracic|sacroiliac)\b/i],
  ['neck', /\b(?:cervical|neck)\b/i],
  ['shoulder', /\bshoulders?\b/i],
  ['elbow', /\belbows?\b/i],
  ['forearm', /\b(?:forearms?|wrists?|hands?|fingers?|thumbs?)\b/i],
  ['hip', /\b(?:hips?|pelvis|pelvic)\b/i],
  ['knee', /\bknees?\b/i],
  ['ankle', /\b(?:ankles?|foot|feet|toes?)\b/i],
  ['head', /\b(?:head|brain|skull)\b/i],
];

/** The one ODG chapter a service's body part belongs to; none when it names none, or several. */
export function odgChapterOfService(service: string): string | undefined {
  const found = BODY_PARTS.filter(([, re]) => re.test(service)).map(([key]) => key);
  // "carpal tunnel release of the right wrist" is one body part.
  const parts = found.includes('carpal-tunnel') ? ['carpal-tunnel'] : found;
  return parts.length === 1 ? parts[0] : undefined;
}

/** The pool of entries a service may be matched against, for the guideline (and chapter) a citation names. */
function poolFor(citation: GuidelineCitation, resolution: Resolution, service: string): readonly KnowledgeEntry[] {
  const gid = resolution.guideline?.id;
  switch (gid) {
    case 'odg': {
      const chapter = resolution.matches.find((m) => m.via === 'chapter')?.entry.chapter?.key ?? odgChapterOfService(service);
      // Without a body part, only what holds for any body part: an MRI of no named part is no chapter's MRI.
      return cachedPool(`service/odg/${chapter ?? ''}`, () =>
        entriesOf('odg').filter((e) => e.recommendation !== 'mixed' && ((chapter && (e.chapter?.key === chapter || e.alsoIn?.includes(chapter))) || isAnyBodyPart(e))),
      );
    }
    case 'mtus-acoem-2004': {
      const n = citation.chapter?.number;
      return n === undefined ? [] : cachedPool(`service/acoem2004/${n}`, () => entriesOf('mtus-acoem-2004').filter((e) => e.chapter?.number === n && e.recommendation !== 'mixed'));
    }
    case 'mtus-cpmtg':
      return cachedPool('service/cpmtg', () => entriesOf('mtus-cpmtg').filter((e) => e.recommendation !== 'mixed'));
    default:
      // Guidelines whose overview is the topic (Acupuncture, the formulary...), and those read by section number.
      return [];
  }
}

/**
 * The entry the item's service points to, when the citation resolved only to a guideline's or a chapter's
 * overview: "Official Disability Guidelines (ODG)" for "MRI of the lumbar spine" gives the low back's MRI.
 */
export function entryForService(citation: GuidelineCitation, resolution: Resolution, service: string | undefined): KnowledgeEntry | undefined {
  if (!service || resolution.status !== 'resolved') return undefined;
  if (resolution.unresolved.length > 0 || !resolution.matches.every((m) => m.via === 'guideline' || m.via === 'chapter')) return undefined;
  const words = serviceWords(service);
  if (words === '') return undefined;
  const pool = poolFor(citation, resolution, service);
  if (pool.length === 0) return undefined;
  const found = bestMatch(words, pool, 0.6);
  return found && !resolution.entries.includes(found) ? found : undefined;
}
