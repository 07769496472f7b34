// Which body a Non-MTUS citation names (ODG, ACOEM, or an article), and its fields.
import { describeAcoem } from './acoem';
import type { CitationFields } from './fields';
import { describeOdg, ODG_CHAPTER, ODG_NAME } from './odg';
import { ACOEM_BY_AUTHOR } from './references';

const ACOEM_NAME = /^(?:ACOEM|American College of Occupational and Environmental Medicine)\b/i;

/** Adds the fields of a Non-MTUS citation: which body, and for ODG and ACOEM the chapter and topics. */
export function describeNonMtus(body: string, fields: CitationFields): void {
  const initial = body.length > 0 ? body.charCodeAt(0) | 32 : 0;
  const odg = initial === 111 /* o */ ? ODG_NAME.exec(body) : null;
  if (odg || ODG_CHAPTER.test(body)) {
    fields.source = 'ODG';
    fields.guideline = 'Official Disability Guidelines';
    describeOdg(odg ? body.slice(odg[0].length) : body, fields);
  } else if ((initial === 97 /* a */ && ACOEM_NAME.test(body)) || ACOEM_BY_AUTHOR.test(body)) {
    fields.source = 'ACOEM';
    fields.guideline = 'ACOEM';
    describeAcoem(body, fields);
  } else fields.source = 'article';
}

/** Whether a Non-MTUS citation's text starts by naming ODG or ACOEM (rather than an article or a web page). */
export function namesGuideline(body: string): boolean {
  return ODG_NAME.test(body) || ODG_CHAPTER.test(body) || ACOEM_NAME.test(body);
}

/** The chapter an ODG citation's text names first, if any. */
export function odgChapterOf(text: string): { title?: string } | undefined {
  const fields: CitationFields = { kind: 'non-mtus', source: 'article' };
  describeNonMtus(text, fields);
  return fields.source === 'ODG' ? fields.chapter : undefined;
}
