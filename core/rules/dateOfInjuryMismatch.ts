// Rule date-of-injury-mismatch: the clinical case summary gives another date of injury than the header table. One
// of the two is wrong (a typo, or a summary written for another claim): a reader relying on either should know.
import type { LetterModel } from '../model';
import type { LineIndex } from '../text/lines';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const dateOfInjuryMismatch: Rule = {
  id: 'date-of-injury-mismatch',
  defaultSeverity: 'warning',
  description: 'The clinical case summary gives another date of injury than the header table.',
  docsUrl: ruleDocsUrl('date-of-injury-mismatch'),
  check(context) {
    const { model, text } = context;
    const header = model.header?.dateOfInjury;
    const summary = model.patient.dateOfInjury;
    if (!header || !summary || header.value === summary.value) return [];
    const cumulative = text !== undefined && context.lines !== undefined && isCumulativeTrauma(model, text, context.lines);
    const report: RuleReport = {
      range: summary.range,
      message: `The clinical case summary gives the date of injury as ${summary.text} (${summary.value}); the header table says ${header.text} (${header.value}).${
        cumulative ? " The summary describes cumulative trauma: a cumulative trauma claim's date of injury may be given as a period, and the two dates may both be right." : ''
      }`,
      data: { header: header.value, summary: summary.value, ...(cumulative ? { cumulativeTrauma: true } : {}) },
      related: [{ range: header.range, message: `The header table's date of injury, ${header.text}.` }],
      ...(cumulative ? { atMost: 'information' as const } : {}),
    };
    return [report];
  },
};

// "The mechanism of injury is detailed as repetitive trauma", "cumulative trauma", "continuous trauma", "a CT claim".
const CUMULATIVE_RE = /\b(?:cumulative|repetitive|continuous|repeated)[\s-]+(?:(?:work[\s-]+)?(?:trauma|injur(?:y|ies)|strain|stress|motion))\b|\bCT\s+(?:claim|injury)\b/i;

/** Whether the clinical case summary describes cumulative (repetitive, continuous) trauma. */
function isCumulativeTrauma(model: LetterModel, text: string, lines: LineIndex): boolean {
  const section = model.sections.find((s) => s.kind === 'clinical-summary');
  if (!section) return false;
  return CUMULATIVE_RE.test(text.slice(lines.offsetAt(section.range.start), lines.offsetAt(section.range.end)));
}
