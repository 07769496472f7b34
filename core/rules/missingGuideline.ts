// Rule missing-guideline: every decision must say which guideline the MAXIMUS reviewer used.
import { hasGuidelineParagraphs } from './itemRanges';
import { missingParagraphRule } from './missingParagraph';

export const missingGuideline = missingParagraphRule({
  id: 'missing-guideline',
  defaultSeverity: 'error',
  description: 'A decision has no "MAXIMUS guideline:" paragraph, or an empty one.',
  label: 'MAXIMUS guideline:',
  paragraph: (item) => item.maximusGuideline,
  applies: hasGuidelineParagraphs,
});
