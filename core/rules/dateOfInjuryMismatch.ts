// Rule date-of-injury-mismatch: the clinical case summary gives another date of injury than the header table. One
// of the two is wrong (a typo, or a summary written for another claim): a reader relying on either should know.
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const dateOfInjuryMismatch: Rule = {
  id: 'date-of-injury-mismatch',
  defaultSeverity: 'warning',
  description: 'The clinical case summary gives another date of injury than the header table.',
  docsUrl: ruleDocsUrl('date-of-injury-mismatch'),
  check({ model }) {
    const header = model.header?.dateOfInjury;
    const summary = model.patient.dateOfInjury;
    if (!header || !summary || header.value === summary.value) return [];
    const report: RuleReport = {
      range: summary.range,
      message: `The clinical case summary gives the date of injury as ${summary.text} (${summary.value}); the header table says ${header.text} (${header.value}).`,
      data: { header: header.value, summary: summary.value },
      related: [{ range: header.range, message: `The header table's date of injury, ${header.text}.` }],
    };
    return [report];
  },
};
