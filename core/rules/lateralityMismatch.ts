// Rule laterality-mismatch: the request names a side ("left hand", "right knee") and the rationale's findings speak
// of the same part on the other side only ("an open reduction internal fixation of the right ankle, right femur, and
// right fingers"). A side swapped is a finding of fact that does not fit the request, as in body-part-mismatch.
import { sidedRegionMentions, type SidedMention } from '../text/bodyRegions';
import { inFindings, rationaleBodyMentions, rationaleRule, requestOf, requestPlace } from './rationaleFindings';
import type { RuleReport } from './rule';
import { ruleDocsUrl } from './rule';
import { itemName } from './itemRanges';

export const lateralityMismatch = rationaleRule(
  {
    id: 'laterality-mismatch',
    defaultSeverity: 'warning',
    description: "The request names a side (left knee) and the rationale's findings speak of that part on the other side only.",
    docsUrl: ruleDocsUrl('laterality-mismatch'),
  },
  (item, rationale, place) => {
    const requested = sidedRegionMentions(requestOf(item));
    if (requested.length === 0) return [];
    const mentions = sidedRegionMentions(rationale.text, rationaleBodyMentions(rationale));
    if (mentions.length === 0) return [];
    const found = inFindings(rationale.text, mentions);
    const reports: RuleReport[] = [];
    for (const region of new Set(requested.map((m) => m.region))) {
      const sides = sidesOf(requested, region);
      // A request for both sides, or for each, fits any finding.
      if (sides.size !== 1 || sides.has('both')) continue;
      const [side] = sides;
      const spoken = found.filter((m) => m.region === region);
      if (spoken.length === 0 || spoken.some((m) => m.side === side || m.side === 'both')) continue;
      const first = spoken[0];
      const other = side === 'left' ? 'right' : 'left';
      reports.push({
        range: place(first.from, first.to),
        message: `The rationale of ${itemName(item)} speaks of the ${other} ${region} ("${rationale.text.slice(first.from, first.to)}"), never of the ${side} ${region} the request is for.`,
        data: { region, requested: side, spoken: other },
        related: [requestPlace(item)],
      });
    }
    return reports;
  },
);

function sidesOf(mentions: readonly SidedMention[], region: SidedMention['region']): Set<SidedMention['side']> {
  return new Set(mentions.filter((m) => m.region === region).map((m) => m.side));
}
