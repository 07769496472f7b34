// Rule missing-rationale: every disputed item needs a non-empty "Decision rationale:" paragraph.
import { itemName, itemTitleRange } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const missingRationale: Rule = {
  id: 'missing-rationale',
  defaultSeverity: 'error',
  description: 'A disputed item has no "Decision rationale:" paragraph, or an empty one.',
  docsUrl: ruleDocsUrl('missing-rationale'),
  check({ model }) {
    const reports: RuleReport[] = [];
    for (const item of model.items) {
      if (!item.rationale) {
        reports.push({
          range: itemTitleRange(item),
          message: `The ${itemName(item)} has no "Decision rationale:" paragraph.`,
          data: { item: item.index },
        });
      } else if (item.rationale.text.trim() === '') {
        reports.push({
          range: item.rationale.labelRange,
          message: `The "Decision rationale:" paragraph of the ${itemName(item)} is empty.`,
          data: { item: item.index, empty: true },
        });
      }
    }
    return reports;
  },
};
