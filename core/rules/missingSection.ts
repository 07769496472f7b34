// Rule missing-section: a letter must have each section its template requires.
import type { LetterModel, Range, SectionKind } from '../model';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

const headings: Record<SectionKind, string> = {
  'how-made': 'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'clinical-summary': 'CLINICAL CASE SUMMARY',
  issues: 'IMR ISSUES, DECISIONS AND RATIONALES',
  'documents-reviewed': 'DOCUMENTS REVIEWED',
};

/** The sections a template requires, in letter order. */
export function requiredSections(model: LetterModel): SectionKind[] {
  if (model.template === 'final-determination') return ['how-made', 'clinical-summary', 'issues'];
  // A Medical Professional Review has labels of its own instead of sections (core/parser/professionalReview.ts).
  if (model.template === 'professional-review') return [];
  return ['issues'];
}

export function sectionHeading(kind: SectionKind): string {
  return headings[kind];
}

// A missing section has no text of its own: point at the heading it should precede (or follow).
function anchor(model: LetterModel, order: SectionKind[], missing: SectionKind): Range {
  const at = order.indexOf(missing);
  for (const kind of order.slice(at + 1)) {
    const s = model.sections.find((x) => x.kind === kind);
    if (s) return s.headingRange;
  }
  for (const kind of order.slice(0, at).reverse()) {
    const s = model.sections.find((x) => x.kind === kind);
    if (s) return s.headingRange;
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export const missingSection: Rule = {
  id: 'missing-section',
  defaultSeverity: 'error',
  description: 'A section the letter\'s template requires (e.g. "CLINICAL CASE SUMMARY") is missing.',
  docsUrl: ruleDocsUrl('missing-section'),
  check({ model }) {
    if (!model.isLetter) return [];
    const order = requiredSections(model);
    const reports: RuleReport[] = [];
    for (const kind of order) {
      if (model.sections.some((s) => s.kind === kind)) continue;
      reports.push({
        range: anchor(model, order, kind),
        message: `The letter has no "${headings[kind]}" section.`,
        data: { section: kind },
      });
    }
    return reports;
  },
};
