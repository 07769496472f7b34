// The citation being read, which each describe function completes in place.
import type { GuidelineCitation } from '../../model';

/** A citation being read. The describe functions (mtus.ts, nonMtus.ts, odg.ts, acoem.ts) add its fields in place,
 *  without copying objects, and in a fixed order (guideline, edition, chapter, sections, pages, url) that JSON
 *  output shows; paragraph.ts adds its text and range last. */
export type CitationFields = Omit<GuidelineCitation, 'text' | 'range'>;
