// Rule uncited-decision: the MAXIMUS guideline paragraph is there but names no guideline or source.
import { itemName } from './itemRanges';
import { isGuidelinePlaceholder } from './missingParagraph';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export const uncitedDecision: Rule = {
  id: 'uncited-decision',
  defaultSeverity: 'warning',
  description: 'The "MAXIMUS guideline:" paragraph cites no guideline or source.',
  docsUrl: ruleDocsUrl('uncited-decision'),
  check({ model }) {
    const reports: RuleReport[] = [];
    for (const item of model.items) {
      const p = item.maximusGuideline;
      // An absent or empty paragraph is missing-guideline's business. A Medical Professional Review explains its
      // guidelines in prose, not in the "Decision based on ..." form the citation reader reads.
      // A placeholder still to be filled in is missing-guideline's too.
      if (!p || p.text.trim() === '' || p.citations.length > 0 || item.form === 'review' || isGuidelinePlaceholder(p.text)) continue;
      const noEvidence = p.statements.find((s) => s.kind === 'no-medical-evidence');
      reports.push({
        range: noEvidence?.range ?? p.textRange ?? p.labelRange,
        message: noEvidence
          ? `The reviewer of ${itemName(item)} did not cite any medical evidence for the decision.`
          : `The "MAXIMUS guideline:" paragraph of ${itemName(item)} cites no guideline or source.`,
      });
    }
    return reports;
  },
};
