// An MTUS section on the service of an item whose reviewer cited none of the MTUS: the MTUS comes first among the
// standards of medical necessity (Labor Code 4610.5(c)(2); ../shared/guidelines/FACTS.md), and a decision on ODG alone
// where the MTUS has a section on the treatment is what an attorney or a researcher looks for. Offered by the item's
// hover and the table's column mtus_not_cited as a fact to check, never as a verdict: a reviewer may use ODG for what
// the MTUS section does not address (a repeat study, a dose).
import type { DisputedItem } from '../model';
import { bestMatch, cachedPool } from './bestMatch';
import { entriesOf, entryById } from './data';
import { regimeAt } from './regime';
import { odgChapterOfService } from './serviceTopic';
import type { KnowledgeEntry } from './types';
import { serviceWords } from '../text/serviceWords';

/** The ACOEM 2004 chapter (of the MTUS until December 2017) of each body part an ODG chapter names. */
const acoemChapterOf: Record<string, number> = {
  neck: 8,
  shoulder: 9,
  elbow: 10,
  forearm: 11,
  'carpal-tunnel': 11,
  'low-back': 12,
  knee: 13,
  ankle: 14,
};

/**
 * How close a service's words must come to a section's name. Lower, "platelet rich plasma injection" met the Chronic
 * Pain guideline's epidural injections and "MRI of the thoracic spine" the low back's imaging; at this score the
 * corpus and the 48 letters beyond it gave 30 sections, each read by hand and each the service's.
 */
const minScore = 0.8;

/** The MTUS section (2009 Chronic Pain guideline, or the body part's ACOEM 2004 chapter) a service's words name. */
export function mtusEntryForService(service: string): KnowledgeEntry | undefined {
  const words = serviceWords(service);
  if (words === '') return undefined;
  const part = odgChapterOfService(service);
  const chapter = part === undefined ? undefined : acoemChapterOf[part];
  const pool = cachedPool(`mtus-for-service/${chapter ?? ''}`, () => [
    ...entriesOf('mtus-cpmtg').filter((e) => e.recommendation !== 'mixed'),
    ...(chapter === undefined ? [] : entriesOf('mtus-acoem-2004').filter((e) => e.chapter?.number === chapter && e.recommendation !== 'mixed')),
  ]);
  const found = bestMatch(words, pool, minScore);
  // A cream, gel or compound of an oral drug ("Compound Cyclobenzaprine 5%", "Diclofenac sodium 3%") is a topical
  // analgesic to the MTUS, whose section on the drug speaks of it by mouth.
  if (found && TOPICAL_SERVICE_RE.test(service) && !isTopicalEntry(found)) return entryById('cpmtg-topical-analgesics') ?? found;
  return found;
}

const TOPICAL_SERVICE_RE = /\b(?:cream|gel|ointment|lotion|topical|compound(?:ed)?|patch(?:es)?|transdermal|liniment)\b|\d\s?%/i;
const TOPICAL_ENTRY_RE = /\b(?:topical|patch|cream|gel|ointment|transdermal|lidoderm|capsaicin|salicylate)/i;

function isTopicalEntry(e: KnowledgeEntry): boolean {
  return TOPICAL_ENTRY_RE.test(e.topic) || (e.aliases ?? []).some((a) => TOPICAL_ENTRY_RE.test(a));
}

/**
 * For an item whose reviewer based the decision on guidelines other than the MTUS (cited, or said to be "outside of
 * the MTUS"), the MTUS section on its service; undefined when the reviewer cited the MTUS, cited nothing, or the
 * decision came after the ACOEM-based MTUS of December 2017 replaced the chapters this reads.
 */
export function mtusNotCited(item: DisputedItem, decisionDate: string | undefined): KnowledgeEntry | undefined {
  const p = item.maximusGuideline;
  if (!p || p.citations.some((c) => c.source === 'MTUS')) return undefined;
  const elsewhere = p.citations.length > 0 || p.statements.some((s) => s.kind === 'outside-mtus');
  if (!elsewhere) return undefined;
  const regime = regimeAt(decisionDate)?.id;
  if (regime !== 'cpmtg-2009' && regime !== 'cpmtg-2016') return undefined;
  return mtusEntryForService(item.service);
}
