// The research table: one row per disputed item, with the letter's case facts repeated on each row.
import type { DisputedItem, GuidelineCitation, LetterModel } from '../core/model';
import { citedSections } from '../core/knowledge/sections';
import { citationSourceText } from '../core/parser/citations/paragraph';

/** Column names, snake_case so that DuckDB and R read them without quoting. */
export const tableColumns = [
  'file',
  'case_number',
  'decision_date',
  'date_of_injury',
  'ur_denial_date',
  'reviewer_specialty',
  'item_index',
  'item_title',
  'service',
  'retrospective',
  'decision',
  'maximus_guidelines',
  'maximus_sections',
  'conclusion',
] as const;

export type TableColumn = (typeof tableColumns)[number];
export type TableRow = Record<TableColumn, string | number | boolean | null>;

export function tableRows(file: string, model: LetterModel): TableRow[] {
  const header = model.header;
  const letter = {
    file,
    case_number: header?.caseNumber?.value ?? null,
    decision_date: header?.decisionDate?.value ?? null,
    date_of_injury: header?.dateOfInjury?.value ?? model.patient.dateOfInjury?.value ?? null,
    ur_denial_date: header?.urDenialDate?.value ?? null,
    reviewer_specialty: model.reviewer ? model.reviewer.specialties.value.join('; ') || null : null,
  };
  return model.items.map((item) => ({
    ...letter,
    item_index: item.index,
    item_title: item.title.value,
    service: item.service,
    retrospective: item.retrospective,
    decision: item.decision ?? null,
    maximus_guidelines: maximusGuidelines(item),
    // The knowledge base's sections they resolve to, as the summaries group them ("MTUS Chronic Pain: Opioids").
    maximus_sections: citedSections(item.maximusGuideline?.citations ?? []).join('; ') || null,
    conclusion: item.conclusion,
  }));
}

/** The reviewer's citations, each compacted to one short phrase, joined by "; ". */
function maximusGuidelines(item: DisputedItem): string | null {
  const paragraph = item.maximusGuideline;
  if (!paragraph) return null;
  const parts = paragraph.citations.map(compactCitation).filter((s) => s !== '');
  return parts.length > 0 ? parts.join('; ') : null;
}

/** "MTUS Chronic Pain Medical Treatment 2016, Opioids, p. 74-96", "ODG, MRI"; the source as written when unstructured. */
export function compactCitation(c: GuidelineCitation): string {
  if (!c.guideline || c.source === 'article' || c.source === 'url' || c.source === 'other') {
    const text = c.text.trim();
    return citationSourceText(text) || text;
  }
  // "ODG Official Disability Guidelines" and "ACOEM ACOEM 3rd ed." say the same thing twice.
  const guideline = c.source === 'ODG' && /^Official Disability Guidelines/i.test(c.guideline) ? '' : c.guideline;
  const named = guideline.toUpperCase().startsWith(c.source) ? guideline : `${c.source} ${guideline}`;
  const parts = [[named, c.edition].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim()];
  if (c.chapter?.number !== undefined) parts.push(`Chapter ${c.chapter.number}`);
  if (c.sections && c.sections.length > 0) parts.push(c.sections.join(', '));
  if (c.pagesText) parts.push(`p. ${c.pagesText}`);
  return parts.join(', ');
}
