// Rule citation-page-mismatch: the cited pages lie outside the cited chapter or do not hold the cited topic.
import { resolvedCitations } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const citationPageMismatch: Rule = {
  id: 'citation-page-mismatch',
  defaultSeverity: 'warning',
  description: 'A guideline citation gives pages that lie outside the cited chapter or do not hold the cited topic.',
  docsUrl: ruleDocsUrl('citation-page-mismatch'),
  check({ model }) {
    const reports: RuleReport[] = [];
    for (const { citation, resolution } of resolvedCitations(model)) {
      const mismatch = resolution.pageMismatch;
      if (!mismatch) continue;
      reports.push({
        range: citation.range,
        message: mismatch.message,
        data: { kind: mismatch.kind, pages: mismatch.pages, ...(mismatch.foundIn ? { foundIn: mismatch.foundIn } : {}) },
      });
    }
    return reports;
  },
};
