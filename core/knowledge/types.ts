// Types of the guideline knowledge base: the entries in data/*.json and what the resolver returns.
import type { PageRange } from '../model';

export type GuidelineId =
  | 'mtus-cpmtg'
  | 'mtus-opioids-2016'
  | 'mtus-acoem-2004'
  | 'mtus-acupuncture'
  | 'mtus-postsurgical'
  | 'mtus-acoem-2017'
  | 'mtus-formulary'
  | 'odg'
  | 'acoem-3rd';

export type Recommendation = 'recommended' | 'not recommended' | 'option' | 'conditional' | 'insufficient evidence' | 'mixed';

export interface SourceRef {
  title: string;
  url?: string;
}

/** One summarised section, topic, page range or chapter of a guideline (data/entry.schema.json). */
export interface KnowledgeEntry {
  id: string;
  guideline: GuidelineId;
  chapter?: { number?: number; title: string; key?: string };
  topic: string;
  /** The section name as letters write it; completion inserts it. */
  citedAs?: string;
  aliases?: string[];
  /** Section number, e.g. "3.3.9" in the 2016 Opioids guideline. */
  section?: string;
  /** Pages in the edition letters cite (the 2009 CPMTG PDF, ACOEM 2nd edition). */
  pages?: PageRange[];
  /** Whether the page numbers themselves were checked; unverified when absent. */
  pagesConfidence?: 'verified' | 'unverified';
  recommendation: Recommendation;
  limits?: string;
  /** Two or three sentences in our own words. */
  summary: string;
  sources: SourceRef[];
  confidence: 'verified' | 'unverified';
  confidenceLevel?: 'high' | 'medium' | 'low';
  /** Other ODG chapters (keys) where the same topic appears. */
  alsoIn?: string[];
  note?: string;
}

export interface GuidelineEdition {
  edition: string;
  label: string;
  /** ISO dates the edition was in force (inclusive). */
  from?: string;
  to?: string;
  note?: string;
}

/** A guideline document (data/guidelines.json). */
export interface GuidelineInfo {
  id: GuidelineId;
  name: string;
  short: string;
  regulation?: string;
  /** 'mtus': presumed correct; 'guideline': ACOEM/ODG, consulted where the MTUS is silent or rebutted. */
  tier: 'mtus' | 'guideline';
  aliases: string[];
  editions: GuidelineEdition[];
  chapters?: { number: number; title: string; pages?: PageRange; pagesConfidence?: 'verified' | 'unverified' }[];
  sources: SourceRef[];
}
