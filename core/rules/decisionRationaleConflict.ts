// Rule decision-rationale-conflict: the decision word must agree with what the rationale concludes.
import { capitalised, itemName } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const decisionRationaleConflict: Rule = {
  id: 'decision-rationale-conflict',
  defaultSeverity: 'error',
  description:
    'An item is Upheld while its rationale concludes the request is medically necessary, or Overturned while it concludes it is not.',
  docsUrl: ruleDocsUrl('decision-rationale-conflict'),
  check({ model }) {
    const reports: RuleReport[] = [];
    for (const item of model.items) {
      if (!item.decision || !item.decisionText) continue;
      // The parser reads the conclusion negation-aware; 'unclear' never conflicts.
      const conflict =
        (item.decision === 'Upheld' && item.conclusion === 'medically-necessary') ||
        (item.decision === 'Overturned' && item.conclusion === 'not-medically-necessary');
      if (!conflict) continue;
      const line = item.conclusionRange ? ` (line ${item.conclusionRange.start.line + 1})` : '';
      const says = item.conclusion === 'medically-necessary' ? 'is medically necessary' : 'is not medically necessary';
      reports.push({
        range: item.decisionText.range,
        message: `${capitalised(itemName(item))} is ${item.decision}, but its rationale concludes the request ${says}${line}.`,
        data: { item: item.index, conclusionRange: item.conclusionRange },
        ...(item.conclusionRange ? { related: [{ range: item.conclusionRange, message: `The rationale concludes the request ${says}.` }] } : {}),
      });
    }
    return reports;
  },
};
