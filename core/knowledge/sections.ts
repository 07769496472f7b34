// The guideline sections a paragraph's citations resolve to, named for a breakdown: "MTUS Chronic Pain: Opioids".
// The folder summary and `imr-letters summary` count items by them (the treatment a decision rests on, which a
// service's own words name too many ways to group).
import type { GuidelineCitation } from '../model';
import { resolveCitation } from './resolve';
import type { GuidelineId, KnowledgeEntry } from './types';

const shortNames: Record<GuidelineId, string> = {
  'mtus-cpmtg': 'MTUS Chronic Pain',
  'mtus-opioids-2016': 'MTUS Opioids (2016)',
  'mtus-acoem-2004': 'MTUS ACOEM',
  'mtus-acupuncture': 'MTUS Acupuncture',
  'mtus-postsurgical': 'MTUS Postsurgical',
  'mtus-acoem-2017': 'MTUS ACOEM (2017)',
  'mtus-formulary': 'MTUS Formulary',
  odg: 'ODG',
  'acoem-3rd': 'ACOEM 3rd ed.',
};

/** "MTUS ACOEM: Low back: Special Studies (imaging and electrodiagnostics)". */
export function sectionLabel(entry: KnowledgeEntry): string {
  return `${shortNames[entry.guideline]}: ${entry.topic}`;
}

/** The sections the citations resolve to, each once, in the order cited; those not in the knowledge base are left out. */
export function citedSections(citations: readonly GuidelineCitation[]): string[] {
  const labels = new Set<string>();
  for (const c of citations) {
    const r = resolveCitation(c);
    if (r.status === 'resolved') for (const e of r.entries) labels.add(sectionLabel(e));
  }
  return [...labels];
}
