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
  /** A paragraph holding only the quick fix's placeholder is still to be written: reported with this message's end. */
  placeholder?: { test(text: string): boolean; write: string };
}

/** The placeholder the missing-guideline quick fix inserts: bracketed, and saying it is to be filled in. */
export const guidelinePlaceholder = '[To fill in: the guideline the expert reviewer based the decision on.]';

/** Whether a MAXIMUS guideline paragraph's text is only that placeholder (or the one earlier versions inserted). */
export function isGuidelinePlaceholder(text: string): boolean {
  const t = text.trim().replace(/\s+/g, ' ');
  // Any "[To fill in: ...]" (guidelinePlaceholder is one).
  return /^\[To fill in:[^\]]*\]$/i.test(t) || t === '[The guideline the expert reviewer based the decision on.]';
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
        } else if (spec.placeholder?.test(p.text)) {
          reports.push({
            range: p.textRange ?? p.labelRange,
            message: `The "${spec.label}" paragraph of ${itemName(item)} holds only a placeholder: ${spec.placeholder.write}.`,
            data: { item: item.index, placeholder: true },
          });
        }
      }
      return reports;
    },
  };
}
