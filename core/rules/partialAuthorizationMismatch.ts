// Rule partial-authorization-mismatch: a partial authorization whose remaining portion is not the original request
// less what the claims administrator authorized ("12 sessions ... 6 authorized ... the remaining 8 sessions").
import { partArithmetic } from '../text/quantities';
import { itemName } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const partialAuthorizationMismatch: Rule = {
  id: 'partial-authorization-mismatch',
  defaultSeverity: 'warning',
  description: "A partial authorization's remaining portion is not the original request less what was authorized (or not the original request, when that is left IMR eligible).",
  docsUrl: ruleDocsUrl('partial-authorization-mismatch'),
  check({ model }) {
    const reports: RuleReport[] = [];
    for (const item of model.items) {
      const partial = item.partial;
      // "..., leaving the original request IMR eligible. The original request, <restated>": the restated request is
      // the original, word for word but for case, spacing, articles and lead words ("one month supply of").
      if (partial && LEAVES_ORIGINAL_RE.test(item.title.text) && requestWords(partial.originalRequest) !== requestWords(partial.remaining)) {
        reports.push({
          range: partial.ranges.remaining,
          message:
            `The title of ${itemName(item)} leaves the original request IMR eligible, but restates it as ` +
            `"${partial.remaining}" where the original request is "${partial.originalRequest}".`,
          data: { originalRequest: partial.originalRequest, restated: partial.remaining },
          related: [{ range: partial.ranges.originalRequest, message: `The original request: ${partial.originalRequest}.` }],
        });
        continue;
      }
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

const LEAVES_ORIGINAL_RE = /\bleaving the (?:entire |whole )?original request (?:as )?IMR[- ]eligible\b/i;

/**
 * A request's words for comparing two wordings of it: lower case, without articles, lead words ("one month supply
 * of", "a 30-day supply of"; "purchase of" is kept: it says what is asked), spaces, commas and a final period.
 */
function requestWords(s: string): string {
  return s
    .toLowerCase()
    .replace(/^(?:(?:a|an)\s+)?(?:(?:one|two|three|\d+)[\s-]+)?(?:month|week|day)(?:s|'s|s')?\s+supply\s+of\s+/, '')
    .replace(/\b(?:a|an|the)\b/g, ' ')
    .replace(/[\s.,;:]+$/, '')
    // A period between digits is a decimal point ("320.5"): only spaces and commas go.
    .replace(/[\s,]+/g, '');
}
