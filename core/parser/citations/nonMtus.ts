// Which body a Non-MTUS citation names (ODG, ACOEM, or an article), and its fields.
import { describeAcoem } from './acoem';
import type { CitationFields } from './fields';
import { describeOdg, ODG_CHAPTER, ODG_NAME } from './odg';
import { ACOEM_BY_AUTHOR } from './references';

const ACOEM_NAME = /^(?:ACOEM|American College of Occupational and Environmental Medicine)\b/i;

/**
 * The guideline a Non-MTUS citation's text opens with: ODG (by its name, whose length is given, or by a chapter's,
 * `nameLength` 0) or ACOEM by name; undefined for an article or a web page.
 */
function openingGuideline(body: string): { source: 'ODG'; nameLength: number } | { source: 'ACOEM' } | undefined {
  const initial = body.length > 0 ? body.charCodeAt(0) | 32 : 0;
  const odg = initial === 111 /* o */ ? ODG_NAME.exec(body) : null;
  if (odg || ODG_CHAPTER.test(body)) return { source: 'ODG', nameLength: odg ? odg[0].length : 0 };
  if (initial === 97 /* a */ && ACOEM_NAME.test(body)) return { source: 'ACOEM' };
  return undefined;
}

/** Adds the fields of a Non-MTUS citation: which body, and for ODG and ACOEM the chapter and topics. */
export function describeNonMtus(body: string, fields: CitationFields): void {
  const opening = openingGuideline(body) ?? (ACOEM_BY_AUTHOR.test(body) ? ({ source: 'ACOEM' } as const) : undefined);
  if (opening?.source === 'ODG') {
    fields.source = 'ODG';
    fields.guideline = 'Official Disability Guidelines';
    describeOdg(body.slice(opening.nameLength), fields);
  } else if (opening?.source === 'ACOEM') {
    fields.source = 'ACOEM';
    fields.guideline = 'ACOEM';
    describeAcoem(body, fields);
  } else fields.source = 'article';
}

/**
 * Whether a Non-MTUS citation's text starts by naming ODG or ACOEM (rather than an article or a web page). An
 * author-led ACOEM reference does not count: it is what may be glued onto one.
 */
export function namesGuideline(body: string): boolean {
  return openingGuideline(body) !== undefined;
}

/** The chapter an ODG citation's text names first, if any. */
export function odgChapterOf(text: string): { title?: string } | undefined {
  const fields: CitationFields = { kind: 'non-mtus', source: 'article' };
  describeNonMtus(text, fields);
  return fields.source === 'ODG' ? fields.chapter : undefined;
}
