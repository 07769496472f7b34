// Rule duplicate-item: the same service decided twice in one letter.
import type { DisputedItem } from '../model';
import { capitalised, itemName, itemTitleRange } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

/** Two items are the same service when their names match ignoring case, punctuation and spacing (and their dates of service match). */
export function serviceKey(item: DisputedItem): string {
  const name = item.service
    .toLowerCase()
    .replace(/[^a-z0-9%#]+/g, ' ')
    .trim();
  return `${name}|${item.dateOfService?.value ?? ''}`;
}

export const duplicateItem: Rule = {
  id: 'duplicate-item',
  defaultSeverity: 'warning',
  description: 'The same service is decided twice in one letter.',
  docsUrl: ruleDocsUrl('duplicate-item'),
  check({ model }) {
    const reports: RuleReport[] = [];
    if (model.items.length < 2) return reports;
    const seen = new Map<string, DisputedItem>();
    for (const item of model.items) {
      const key = serviceKey(item);
      if (key.startsWith('|')) continue;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, item);
        continue;
      }
      reports.push({
        range: itemTitleRange(item),
        message: `${capitalised(itemName(item))} repeats the service of item ${first.index + 1} (line ${first.title.range.start.line + 1}).`,
        data: { item: item.index, first: first.index },
        related: [{ range: itemTitleRange(first), message: `Item ${first.index + 1}, the same service${first.decision ? ` (${first.decision})` : ''}.` }],
      });
    }
    return reports;
  },
};
