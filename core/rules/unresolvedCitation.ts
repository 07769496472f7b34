// Rule unresolved-citation: a guideline citation, or a topic in it, that the knowledge base does not know.
import { resolvedCitations } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const unresolvedCitation: Rule = {
  id: 'unresolved-citation',
  defaultSeverity: 'information',
  description: 'A guideline citation (or a section it names) is not in the guideline knowledge base, so no summary can be shown.',
  docsUrl: ruleDocsUrl('unresolved-citation'),
  check({ model }) {
    const reports: RuleReport[] = [];
    for (const { citation: c, resolution: r } of resolvedCitations(model)) {
      // Articles and links are external sources: shown as cited, nothing to resolve.
      if (r.status === 'external') continue;
      if (r.status === 'unresolved') {
        reports.push({ range: c.range, message: `The guideline knowledge base has no entry for "${c.text}".`, data: { unresolved: r.unresolved } });
      } else if (r.unresolved.length > 0) {
        const what = r.unresolved.map((s) => `"${s}"`).join(', ');
        const g = r.guideline?.name ?? c.guideline ?? c.source;
        reports.push({ range: c.range, message: `The guideline knowledge base has no entry for ${what} in ${g}.`, data: { unresolved: r.unresolved } });
      }
    }
    return reports;
  },
};
