// The shared check of the three "missing paragraph" rules: an item without the labelled paragraph, or with an empty one.
import type { DisputedItem, LabelledParagraph, LetterModel } from '../model';
import { capitalised, itemName, itemTitleRange } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';

export interface MissingParagraphRuleSpec {
  id: string;
  defaultSeverity: Rule['defaultSeverity'];
  description: string;
  /** The label as letters write it, for the messages. */
  label: string;
  paragraph(item: DisputedItem): LabelledParagraph | undefined;
  /** Items that cannot have the paragraph (the 2013 template's numbered decisions) are skipped. */
  applies?(model: LetterModel, item: DisputedItem): boolean;
}

export function missingParagraphRule(spec: MissingParagraphRuleSpec): Rule {
  return {
    id: spec.id,
    defaultSeverity: spec.defaultSeverity,
    description: spec.description,
    docsUrl: ruleDocsUrl(spec.id),
    check({ model }) {
      const reports: RuleReport[] = [];
      for (const item of model.items) {
        if (spec.applies && !spec.applies(model, item)) continue;
        const p = spec.paragraph(item);
        if (!p) {
          reports.push({
            range: itemTitleRange(item),
            message: `${capitalised(itemName(item))} has no "${spec.label}" paragraph.`,
            data: { item: item.index },
          });
        } else if (p.text.trim() === '') {
          reports.push({
            range: p.labelRange,
            message: `The "${spec.label}" paragraph of ${itemName(item)} is empty.`,
            data: { item: item.index, empty: true },
          });
        }
      }
      return reports;
    },
  };
}
