// Rule body-part-mismatch: the rationale's findings speak of another part of the body than the one the request is
// for, and never of it: "Physical therapy, cervical and thoracic spine", decided because "the patient complained of
// continued pain of the lumbar spine". Such a rationale was likely written for another request or another claim, and
// a finding of fact that does not fit the request is what an appeal looks for (Labor Code 4610.6(h)(5)).
import type { BodyRegion } from '../text/bodyRegions';
import { bodyRegionsIn, withRelatedRegions } from '../text/bodyRegions';
import { inFindings, listed, rationaleBodyMentions, rationaleRule, requestOf, requestPlace } from './rationaleFindings';
import { ruleDocsUrl } from './rule';
import { itemName } from './itemRanges';

export const bodyPartMismatch = rationaleRule(
  {
    id: 'body-part-mismatch',
    defaultSeverity: 'warning',
    description: "The rationale's findings speak of another part of the body than the request, and never of the request's.",
    docsUrl: ruleDocsUrl('body-part-mismatch'),
  },
  (item, rationale, place) => {
    const requested = bodyRegionsIn(requestOf(item));
    if (requested.length === 0) return [];
    const fits = withRelatedRegions(requested);
    // Most rationales name no other part at all: the sentences are looked at only when one does.
    const mentions = rationaleBodyMentions(rationale);
    if (mentions.every((m) => m.regions.every((r) => fits.has(r)))) return [];
    const found = inFindings(rationale.text, mentions);
    const spoken = [...new Set<BodyRegion>(found.flatMap((m) => m.regions))];
    if (found.length === 0 || spoken.some((r) => fits.has(r))) return [];
    const [first] = found;
    return [
      {
        range: place(first.from, first.to),
        message: `The rationale of ${itemName(item)} speaks of the ${listed(spoken, 'and')} ("${rationale.text.slice(first.from, first.to)}"), never of the ${listed(requested, 'or')} the request is for.`,
        data: { requested, spoken },
        related: [requestPlace(item)],
      },
    ];
  },
);
