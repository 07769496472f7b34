// Rule missing-guideline: every decision must say which guideline the MAXIMUS reviewer used.
import { hasGuidelineParagraphs, itemName, itemTitleRange } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const missingGuideline: Rule = {
  id: 'missing-guideline',
  defaultSeverity: 'error',
  description: 'A decision has no "MAXIMUS guideline:" paragraph, or an empty one.',
  docsUrl: ruleDocsUrl('missing-guideline'),
  check({ model }) {
    const reports: RuleReport[] = [];
    for (const item of model.items) {
      if (!hasGuidelineParagraphs(model, item)) continue;
      const p = item.maximusGuideline;
      if (!p) {
        reports.push({
          range: itemTitleRange(item),
          message: `The ${itemName(item)} has no "MAXIMUS guideline:" paragraph.`,
          data: { item: item.index },
        });
      } else if (p.text.trim() === '') {
        reports.push({
          range: p.labelRange,
          message: `The "MAXIMUS guideline:" paragraph of the ${itemName(item)} is empty.`,
          data: { item: item.index, empty: true },
        });
      }
    }
    return reports;
  },
};
