// Rule partial-authorization-mismatch: a partial authorization whose remaining portion is not the original request
// less what the claims administrator authorized ("12 sessions ... 6 authorized ... the remaining 8 sessions").
import { partArithmetic } from '../text/quantities';
import { itemName } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const partialAuthorizationMismatch: Rule = {
  id: 'partial-authorization-mismatch',
  defaultSeverity: 'warning',
  description: "A partial authorization's remaining portion is not the original request less what was authorized.",
  docsUrl: ruleDocsUrl('partial-authorization-mismatch'),
  check({ model }) {
    const reports: RuleReport[] = [];
    for (const item of model.items) {
      const partial = item.partial;
      if (!partial?.authorized || !partial.ranges.authorized) continue;
      const sum = partArithmetic(partial.originalRequest, partial.authorized, partial.remaining);
      if (sum.kind !== 'mismatch') continue;
      const left = Math.round((sum.original - sum.authorized) * 1000) / 1000;
      reports.push({
        range: partial.ranges.remaining,
        message:
          `The remaining portion of ${itemName(item)} does not add up: the original request less what was ` +
          `authorized leaves ${left} (${sum.original} - ${sum.authorized}), not ${sum.remaining}.`,
        related: [
          { range: partial.ranges.originalRequest, message: `The original request: ${sum.original}.` },
          { range: partial.ranges.authorized, message: `Authorized by the claims administrator: ${sum.authorized}.` },
        ],
      });
    }
    return reports;
  },
};
