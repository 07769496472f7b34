// Rule missing-claims-administrator-guideline: each item should state the guideline the claims administrator used.
import { hasGuidelineParagraphs, itemName, itemTitleRange } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const missingClaimsAdministratorGuideline: Rule = {
  id: 'missing-claims-administrator-guideline',
  defaultSeverity: 'warning',
  description: 'A disputed item has no "Claims Administrator guideline:" paragraph, or an empty one.',
  docsUrl: ruleDocsUrl('missing-claims-administrator-guideline'),
  check({ model }) {
    const reports: RuleReport[] = [];
    for (const item of model.items) {
      if (!hasGuidelineParagraphs(model, item)) continue;
      const p = item.claimsAdministratorGuideline;
      if (!p) {
        reports.push({
          range: itemTitleRange(item),
          message: `The ${itemName(item)} has no "Claims Administrator guideline:" paragraph.`,
          data: { item: item.index },
        });
      } else if (p.text.trim() === '') {
        reports.push({
          range: p.labelRange,
          message: `The "Claims Administrator guideline:" paragraph of the ${itemName(item)} is empty.`,
          data: { item: item.index, empty: true },
        });
      }
    }
    return reports;
  },
};
