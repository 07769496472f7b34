// Rule missing-guideline: every decision must say which guideline the MAXIMUS reviewer used.
import { hasGuidelineParagraphs } from './itemRanges';
import { isGuidelinePlaceholder, missingParagraphRule } from './missingParagraph';

export const missingGuideline = missingParagraphRule({
  id: 'missing-guideline',
  defaultSeverity: 'error',
  description: 'A decision has no "MAXIMUS guideline:" paragraph, or an empty one (or one holding only the quick fix\'s placeholder).',
  label: 'MAXIMUS guideline:',
  paragraph: (item) => item.maximusGuideline,
  applies: hasGuidelineParagraphs,
  placeholder: { test: isGuidelinePlaceholder, write: 'replace it with the guideline the decision is based on ("Decision based on MTUS ...")' },
});
