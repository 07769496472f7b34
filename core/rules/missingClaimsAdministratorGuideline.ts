// Rule missing-claims-administrator-guideline: each item should state the guideline the claims administrator used.
import { hasGuidelineParagraphs } from './itemRanges';
import { missingParagraphRule } from './missingParagraph';

export const missingClaimsAdministratorGuideline = missingParagraphRule({
  id: 'missing-claims-administrator-guideline',
  defaultSeverity: 'warning',
  description: 'A disputed item has no "Claims Administrator guideline:" paragraph, or an empty one.',
  label: 'Claims Administrator guideline:',
  paragraph: (item) => item.claimsAdministratorGuideline,
  applies: hasGuidelineParagraphs,
});
