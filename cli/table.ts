// The research table: one row per disputed item, with the letter's case facts repeated on each row.
import type { DisputedItem, GuidelineCitation, GuidelineParagraph, LetterModel } from '../core/model';
import { citedSections, sectionLabel } from '../core/knowledge/sections';
import { mtusNotCited } from '../core/knowledge/mtusNotCited';
import { itemGroundKinds } from '../core/parser/grounds';
import { citationSourceText, citationTextWithLink } from '../core/parser/citations/paragraph';
import { guidelineBasis } from '../core/summary/letterSummary';
import { serviceKind } from '../core/text/serviceWords';
import { timelineOf } from '../core/summary/timeline';
import { checksByItem } from '../core/summary/itemChecks';
import { lintLetter, type RuleSeverity } from '../core/lint';

export type Cell = string | number | boolean | null;

interface ItemOf {
  file: string;
  model: LetterModel;
  item: DisputedItem;
  /** The rule ids of the item's diagnostics, with the file's rules (linted once a letter, only for the column). */
  checks: () => string[];
}

/**
 * Every column, in the order the table writes them, and how each is read from an item of a letter. Names are
 * snake_case so that DuckDB and R read them without quoting. Only the columns asked for are computed (`--columns`).
 */
const columnValues = {
  file: ({ file }) => file,
  case_number: ({ model }) => model.header?.caseNumber?.value ?? null,
  date_assigned: ({ model }) => model.header?.dateAssigned?.value ?? null,
  application_received: ({ model }) => model.header?.applicationReceived?.value ?? null,
  priority: ({ model }) => model.header?.priority?.value ?? null,
  decision_date: ({ model }) => model.header?.decisionDate?.value ?? null,
  date_of_injury: ({ model }) => model.header?.dateOfInjury?.value ?? model.patient.dateOfInjury?.value ?? null,
  ur_denial_date: ({ model }) => model.header?.urDenialDate?.value ?? null,
  // Days between those dates (core/summary/timeline.ts): the application's wait after the UR denial, and the review's
  // turnaround from the application and from the assignment. Negative when the dates are out of order.
  days_ur_to_application: ({ model }) => timelineOf(model.header).urToApplication ?? null,
  days_to_decision: ({ model }) => timelineOf(model.header).applicationToDecision ?? null,
  days_assigned_to_decision: ({ model }) => timelineOf(model.header).assignedToDecision ?? null,
  patient_age: ({ model }) => model.patient.age?.value ?? null,
  patient_sex: ({ model }) => model.patient.sex?.value ?? null,
  reviewer_specialty: ({ model }) => joined(model.reviewer?.specialties.value ?? []),
  reviewer_licensure: ({ model }) => joined(model.reviewer?.licensure.value ?? []),
  item_index: ({ item }) => item.index,
  // 1-based, as editors and `grep -n` count; for a PDF, the line of `imr-letters text`.
  line: ({ item }) => item.title.range.start.line + 1,
  item_title: ({ item }) => item.title.value,
  service: ({ item }) => item.service,
  // The kind of service the precedents and the summary's service groups compare ("cervical mri", "hydrocodone ..."):
  // GROUP BY it to count a service whatever its quantity, dose, side or wording.
  service_kind: ({ item }) => serviceKind(item.service),
  original_request: ({ item }) => item.partial?.originalRequest ?? null,
  authorized: ({ item }) => item.partial?.authorized ?? null,
  retrospective: ({ item }) => item.retrospective,
  date_of_service: ({ item }) => item.dateOfService?.value ?? null,
  decision: ({ item }) => item.decision ?? null,
  decision_text: ({ item }) => item.decisionText?.value ?? null,
  // The summaries' "claims administrator's guideline" group, as maximus_basis is the reviewer's.
  claims_administrator_basis: ({ item }) => (item.claimsAdministratorGuideline ? guidelineBasis(item.claimsAdministratorGuideline) : null),
  claims_administrator_guidelines: ({ item }) => compactCitations(item.claimsAdministratorGuideline),
  claims_administrator_sections: ({ item }) => joined(citedSections(item.claimsAdministratorGuideline?.citations ?? [])),
  claims_administrator_statements: ({ item }) => statements(item.claimsAdministratorGuideline),
  // The summaries' "reviewer's guideline" group: "MTUS", "MTUS + ODG", "None cited".
  maximus_basis: ({ item }) => (item.maximusGuideline || item.form === 'numbered' ? guidelineBasis(item.maximusGuideline, item.form) : null),
  maximus_guidelines: ({ item }) => compactCitations(item.maximusGuideline),
  // The knowledge base's sections they resolve to, as the summaries group them ("MTUS Chronic Pain: Opioids").
  maximus_sections: ({ item }) => joined(citedSections(item.maximusGuideline?.citations ?? [])),
  maximus_statements: ({ item }) => statements(item.maximusGuideline),
  // The MTUS section on the service when the reviewer cited none of the MTUS (core/knowledge/mtusNotCited.ts).
  mtus_not_cited: ({ model, item }) => {
    const entry = mtusNotCited(item, model.header?.decisionDate?.value);
    return entry ? sectionLabel(entry) : null;
  },
  conclusion: ({ item }) => item.conclusion,
  // The grounds read in the rationale (core/parser/grounds.ts), as kinds: "no-functional-improvement; no-red-flags".
  grounds: ({ item }) => (item.rationale ? joined(itemGroundKinds(item)) : null),
  // The surgery the item goes with (core/parser/surgery.ts), by its item_index, so that a researcher can count a
  // surgery's dozen associated denials as one decision or leave them out.
  surgery_item: ({ item }) => item.surgery?.item ?? null,
  surgery_basis: ({ item }) => item.surgery?.basis ?? null,
  surgery_decision: ({ model, item }) => (item.surgery ? (model.items[item.surgery.item]?.decision ?? null) : null),
  // The rule ids of the item's diagnostics, as `imr-letters lint` finds them with the same rules: "body-part-mismatch".
  checks: ({ checks }) => joined(checks()),
  rationale: ({ item }) => (item.rationale ? item.rationale.text.replace(/\s+/g, ' ').trim() || null : null),
} satisfies Record<string, (of: ItemOf) => Cell>;

export type TableColumn = keyof typeof columnValues;

/** Every column the table knows, in its order. */
export const allColumns = Object.keys(columnValues) as TableColumn[];

/** The columns written without `--columns`: all but the rationale, whose text would make the table several times larger. */
export const tableColumns: readonly TableColumn[] = allColumns.filter((c) => c !== 'rationale');

export function isTableColumn(name: string): name is TableColumn {
  return Object.prototype.hasOwnProperty.call(columnValues, name);
}

export type TableRow = Partial<Record<TableColumn, Cell>>;

/** What the column `checks` needs of the letter: its text and the rules' severities (the file's configuration). */
export interface TableLint {
  text?: string;
  rules?: Record<string, RuleSeverity>;
}

/** The letter's rows: one per item, holding the given columns in their order. */
export function tableRows(file: string, model: LetterModel, columns: readonly TableColumn[] = tableColumns, lint: TableLint = {}): TableRow[] {
  let checks: string[][] | undefined;
  const checksOf = (index: number) => {
    checks ??= checksByItem(model.items, lintLetter(model, { text: lint.text, rules: lint.rules })).items.map((ds) => [
      ...new Set(ds.map((d) => String(d.code))),
    ]);
    return checks[index];
  };
  return model.items.map((item, index) => {
    const row: TableRow = {};
    for (const c of columns) row[c] = columnValues[c]({ file, model, item, checks: () => checksOf(index) });
    return row;
  });
}

function joined(values: readonly string[]): string | null {
  return values.length > 0 ? values.join('; ') : null;
}

/** A paragraph's citations, each compacted to one short phrase, joined by "; ". */
function compactCitations(paragraph: GuidelineParagraph | undefined): string | null {
  return joined(paragraph?.citations.map(compactCitation).filter((s) => s !== '') ?? []);
}

/** What the paragraph says instead of (or beside) a citation: "no-medical-evidence", "not-based-on-mtus", "outside-mtus". */
function statements(paragraph: GuidelineParagraph | undefined): string | null {
  return joined([...new Set(paragraph?.statements.map((s) => s.kind) ?? [])]);
}

/** "MTUS Chronic Pain Medical Treatment 2016, Opioids, p. 74-96", "ODG, MRI"; the source as written when unstructured. */
export function compactCitation(c: GuidelineCitation): string {
  if (!c.guideline || c.source === 'article' || c.source === 'url' || c.source === 'other') {
    const text = citationTextWithLink(c).trim();
    return citationSourceText(text) || text;
  }
  // "ODG Official Disability Guidelines" and "ACOEM ACOEM 3rd ed." say the same thing twice.
  const guideline = c.source === 'ODG' && /^Official Disability Guidelines/i.test(c.guideline) ? '' : c.guideline;
  const named = guideline.toUpperCase().startsWith(c.source) ? guideline : `${c.source} ${guideline}`;
  const parts = [[named, c.edition].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim()];
  if (c.chapter?.number !== undefined) parts.push(`Chapter ${c.chapter.number}`);
  else if (c.chapter?.title) parts.push(c.chapter.title); // ODG's chapters have names, not numbers
  if (c.sections && c.sections.length > 0) parts.push(c.sections.join(', '));
  if (c.pagesText) parts.push(`p. ${c.pagesText}`);
  return parts.join(', ');
}
