// Rule unrecognised-text: what the parser could not place (an item without a title, an older template read only in part).
import type { ProblemCode } from '../model';
import type { Rule } from './rule';
import { ruleDocsUrl } from './rule';

// 'missing-decision' is unknown-decision's business, and a text that is no letter at all gets no diagnostics.
const shown: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['unrecognised-item', 'stray-text', 'unreadable', 'legacy-template']);

export const unrecognisedText: Rule = {
  id: 'unrecognised-text',
  defaultSeverity: 'information',
  description: 'Part of the letter could not be read: features and the other rules do not see it.',
  docsUrl: ruleDocsUrl('unrecognised-text'),
  check({ model }) {
    return model.problems
      .filter((p) => shown.has(p.code))
      .map((p) => ({ range: p.range, message: p.message, data: { problem: p.code } }));
  },
};
