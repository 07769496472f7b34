// Rule missing-rationale: every disputed item needs a non-empty "Decision rationale:" paragraph.
import { missingParagraphRule } from './missingParagraph';

export const missingRationale = missingParagraphRule({
  id: 'missing-rationale',
  defaultSeverity: 'error',
  description: 'A disputed item has no "Decision rationale:" paragraph, or an empty one.',
  label: 'Decision rationale:',
  paragraph: (item) => item.rationale,
});
