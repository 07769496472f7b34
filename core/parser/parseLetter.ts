// Parses the text of an IMR letter into the letter model. Never throws: whatever it cannot place
// becomes a problem with a range.
import type { LetterModel, ParseProblem, Section } from '../model';
import { LineIndex } from '../text/lines';
import { parseHeader } from './header';
import { parseItems } from './items';
import { parseNumberedDecisions } from './numberedDecisions';
import { analyseLayout } from './layout';
import { parsePatient } from './patient';
import { isProfessionalReview, parseProfessionalReview, type ProfessionalReview } from './professionalReview';
import { parseReviewer } from './reviewer';
import { findSections } from './sections';
import { linkSurgeries } from './surgery';

// Between the words any white space: text from a PDF may hold a tab or a no-break space.
const NOTICE_2013_RE =
  /Notice\s+of\s+Independent\s+Medical\s+Review\s+Determination|IMR\s+DECISION\(S\)\s+AND\s+RATIONALE\(S\)|DOCUMENTS\s+REVIEWED/i;
const LETTER_MARKER_RE = /HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE|Independent\s+Medical\s+Review|\bMAXIMUS\b|Case\s+Number:\s*CM\d/i;

/** Parses a letter's text; a caller that already has the text's line index may pass it instead. */
export function parseLetter(text: string | LineIndex): LetterModel {
  const doc = text instanceof LineIndex ? text : new LineIndex(typeof text === 'string' ? text : String(text ?? ''));
  const problems: ParseProblem[] = [];
  const model: LetterModel = {
    isLetter: false,
    template: 'unknown',
    lineCount: doc.lineCount,
    sections: [],
    patient: {},
    items: [],
    problems,
  };
  // Each part is parsed on its own, so a failure in one (a bug on some odd input) costs only that part.
  const attempt = (part: string, fn: () => void) => {
    try {
      fn();
    } catch (error) {
      problems.push({
        code: 'unreadable',
        message: `Could not read the ${part}: ${error instanceof Error ? error.message : String(error)}`,
        range: doc.range(0, 0),
      });
    }
  };

  const layout = analyseLayout(doc);
  attempt('sections', () => {
    model.sections = findSections(doc);
  });
  const section = (kind: Section['kind']) => model.sections.find((s) => s.kind === kind);
  const firstSectionLine = model.sections.length > 0 ? model.sections[0].headingRange.start.line : doc.lineCount;
  const lineStart = (line: number) => (line < doc.lineCount ? doc.lines[line].start : doc.text.length);

  attempt('header', () => {
    // The header table sits above the first heading; in letters without headings, in the first lines.
    const headerEnd = model.sections.length > 0 ? lineStart(firstSectionLine) : lineStart(Math.min(doc.lineCount, 12));
    model.header = parseHeader(doc, 0, headerEnd);
  });

  const howMade = section('how-made');
  const summary = section('clinical-summary');
  const issues = section('issues');

  // The Medical Professional Review layout has none of the headings above: its own labels place everything.
  let review: ProfessionalReview | undefined;
  if (model.sections.length === 0 && isProfessionalReview(doc.text)) {
    attempt('Medical Professional Review', () => {
      review = parseProfessionalReview(doc, problems);
    });
  }

  attempt('reviewer', () => {
    const qualifications = review?.qualifications;
    if (qualifications) {
      model.reviewer = parseReviewer(doc, qualifications.start, qualifications.end, layout);
      return;
    }
    const from = howMade ? doc.offsetAt(howMade.range.start) : 0;
    const to = summary ? doc.offsetAt(summary.range.start) : issues ? doc.offsetAt(issues.range.start) : doc.text.length;
    if (to > from) model.reviewer = parseReviewer(doc, from, to, layout);
  });

  attempt('clinical case summary', () => {
    if (summary) model.patient = parsePatient(doc, doc.offsetAt(summary.headingRange.end), doc.offsetAt(summary.range.end));
    else if (review?.caseSummary) model.patient = parsePatient(doc, review.caseSummary.start, review.caseSummary.end);
  });

  attempt('disputed items', () => {
    if (review) {
      model.items = review.items;
      return;
    }
    // Only text after the issues heading holds items: the case summary can use the same wordings.
    let fromLine = issues ? issues.headingRange.start.line + 1 : 0;
    if (!issues && model.sections.length > 0) fromLine = model.sections[model.sections.length - 1].headingRange.start.line + 1;
    model.items = parseItems(doc, layout, fromLine, doc.lineCount, problems);
    if (model.items.length === 0 && NOTICE_2013_RE.test(doc.text.slice(0, 20000))) model.items = parseNumberedDecisions(doc, problems);
    linkSurgeries(doc, model.items);
  });

  const hasHeading = model.sections.length > 0;
  const head = doc.text.slice(0, 4000);
  model.isLetter = hasHeading || model.items.length > 0 || review !== undefined || (model.header?.caseNumber !== undefined && LETTER_MARKER_RE.test(head));
  model.template = !model.isLetter
    ? 'unknown'
    : review
      ? 'professional-review'
      : howMade || (issues && /ISSUES/i.test(issues.heading))
        ? 'final-determination'
        : NOTICE_2013_RE.test(head) || model.items.some((i) => i.form === 'numbered')
          ? 'notice-2013'
          : 'unknown';
  if (!model.isLetter) {
    problems.push({
      code: 'not-a-letter',
      message: 'This does not look like an IMR letter: no section headings and no disputed items were found.',
      range: doc.range(0, doc.lines[0].end),
    });
  }
  return model;
}
