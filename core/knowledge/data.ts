// The knowledge base's data, imported from JSON so the bundles carry it.
import guidelinesJson from './data/guidelines.json';
import cpmtgJson from './data/mtus-cpmtg.json';
import opioidsJson from './data/mtus-opioids-2016.json';
import acoem2004Json from './data/mtus-acoem-2004.json';
import otherJson from './data/mtus-other-and-acoem.json';
import odgJson from './data/odg.json';
import type { GuidelineId, GuidelineInfo, KnowledgeEntry } from './types';

// The JSON files are checked against data/*.schema.json by a test; TypeScript widens their string
// literals, so they are narrowed here once.
export const guidelines: readonly GuidelineInfo[] = guidelinesJson as GuidelineInfo[];

export const entries: readonly KnowledgeEntry[] = [
  ...(cpmtgJson as KnowledgeEntry[]),
  ...(opioidsJson as KnowledgeEntry[]),
  ...(acoem2004Json as KnowledgeEntry[]),
  ...(otherJson as KnowledgeEntry[]),
  ...(odgJson as KnowledgeEntry[]),
];

const byId = new Map(entries.map((e) => [e.id, e]));
const guidelineById = new Map(guidelines.map((g) => [g.id, g]));

export function entryById(id: string): KnowledgeEntry | undefined {
  return byId.get(id);
}

export function guidelineInfo(id: GuidelineId): GuidelineInfo | undefined {
  return guidelineById.get(id);
}

/** A guideline's entries, in data order. */
export function entriesOf(id: GuidelineId): KnowledgeEntry[] {
  return entries.filter((e) => e.guideline === id);
}
