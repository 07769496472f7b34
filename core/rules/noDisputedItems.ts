// Rule no-disputed-items: a determination letter must decide at least one disputed item.
import type { Rule } from './rule';
import { ruleDocsUrl } from './rule';

export const noDisputedItems: Rule = {
  id: 'no-disputed-items',
  defaultSeverity: 'error',
  description: 'The letter decides no disputed item (no "<service>: Upheld | Overturned" block was found).',
  docsUrl: ruleDocsUrl('no-disputed-items'),
  check({ model }) {
    if (!model.isLetter || model.items.length > 0) return [];
    const issues = model.sections.find((s) => s.kind === 'issues');
    return [
      {
        range: issues?.headingRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: 'The letter decides no disputed item: no "<service>: Upheld" or "<service>: Overturned" block was found.',
      },
    ];
  },
};
