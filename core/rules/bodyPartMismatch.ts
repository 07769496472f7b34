// Rule body-part-mismatch: the rationale's findings speak of another part of the body than the one the request is
// for, and never of it: "Physical therapy, cervical and thoracic spine", decided because "the patient complained of
// continued pain of the lumbar spine". Such a rationale was likely written for another request or another claim, and
// a finding of fact that does not fit the request is what an appeal looks for (Labor Code 4610.6(h)(5)).
import type { BodyRegion } from '../text/bodyRegions';
import { bodyRegionsIn, withRelatedRegions } from '../text/bodyRegions';
import type { LineIndex } from '../text/lines';
import { inFindings, listed, rationaleBodyMentions, rationaleWordsRange, requestOf } from './rationaleFindings';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';
import { itemName, itemTitleRange } from './itemRanges';

export const bodyPartMismatch: Rule = {
  id: 'body-part-mismatch',
  defaultSeverity: 'warning',
  description: "The rationale's findings speak of another part of the body than the request, and never of the request's.",
  docsUrl: ruleDocsUrl('body-part-mismatch'),
  check({ model, text, lines }) {
    const reports: RuleReport[] = [];
    const cache: { lines?: LineIndex } = {};
    for (const item of model.items) {
      const rationale = item.rationale;
      if (!rationale?.text) continue;
      const requested = bodyRegionsIn(requestOf(item));
      if (requested.length === 0) continue;
      const fits = withRelatedRegions(requested);
      // Most rationales name no other part at all: the sentences are looked at only when one does.
      const mentions = rationaleBodyMentions(rationale);
      if (mentions.every((m) => m.regions.every((r) => fits.has(r)))) continue;
      const found = inFindings(rationale.text, mentions);
      const spoken = [...new Set<BodyRegion>(found.flatMap((m) => m.regions))];
      if (found.length === 0 || spoken.some((r) => fits.has(r))) continue;
      const [first] = found;
      reports.push({
        range: rationaleWordsRange(rationale, first.from, first.to, { text, lines }, cache),
        message: `The rationale of ${itemName(item)} speaks of the ${listed(spoken, 'and')} ("${rationale.text.slice(first.from, first.to)}"), never of the ${listed(requested, 'or')} the request is for.`,
        data: { requested, spoken },
        related: [{ range: itemTitleRange(item), message: `The request: ${requestOf(item)}.` }],
      });
    }
    return reports;
  },
};
