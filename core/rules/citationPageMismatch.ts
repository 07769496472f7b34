// Rule citation-page-mismatch: the cited pages lie outside the cited chapter or do not hold the cited topic.
import { resolveCitation } from '../knowledge/resolve';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const citationPageMismatch: Rule = {
  id: 'citation-page-mismatch',
  defaultSeverity: 'warning',
  description: 'A guideline citation gives pages that lie outside the cited chapter or do not hold the cited topic.',
  docsUrl: ruleDocsUrl('citation-page-mismatch'),
  check({ model }) {
    const reports: RuleReport[] = [];
    const letterDate = model.header?.decisionDate?.value;
    for (const item of model.items) {
      for (const p of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
        for (const c of p?.citations ?? []) {
          const mismatch = resolveCitation(c, { letterDate }).pageMismatch;
          if (!mismatch) continue;
          reports.push({
            range: c.range,
            message: mismatch.message,
            data: { kind: mismatch.kind, pages: mismatch.pages, ...(mismatch.foundIn ? { foundIn: mismatch.foundIn } : {}) },
          });
        }
      }
    }
    return reports;
  },
};
