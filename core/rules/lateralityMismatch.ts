// Rule laterality-mismatch: the request names a side ("left hand", "right knee") and the rationale's findings speak
// of the same part on the other side only ("an open reduction internal fixation of the right ankle, right femur, and
// right fingers"). A side swapped is a finding of fact that does not fit the request, as in body-part-mismatch.
import { sidedRegionMentions, type SidedMention } from '../text/bodyRegions';
import type { LineIndex } from '../text/lines';
import { inFindings, rationaleBodyMentions, rationaleWordsRange, requestOf } from './rationaleFindings';
import type { Rule, RuleReport } from './rule';
import { ruleDocsUrl } from './rule';
import { itemName, itemTitleRange } from './itemRanges';

export const lateralityMismatch: Rule = {
  id: 'laterality-mismatch',
  defaultSeverity: 'warning',
  description: "The request names a side (left knee) and the rationale's findings speak of that part on the other side only.",
  docsUrl: ruleDocsUrl('laterality-mismatch'),
  check({ model, text, lines }) {
    const reports: RuleReport[] = [];
    const cache: { lines?: LineIndex } = {};
    for (const item of model.items) {
      const rationale = item.rationale;
      if (!rationale?.text) continue;
      const requested = sidedRegionMentions(requestOf(item));
      if (requested.length === 0) continue;
      const mentions = sidedRegionMentions(rationale.text, rationaleBodyMentions(rationale));
      if (mentions.length === 0) continue;
      const found = inFindings(rationale.text, mentions);
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
          range: rationaleWordsRange(rationale, first.from, first.to, { text, lines }, cache),
          message: `The rationale of ${itemName(item)} speaks of the ${other} ${region} ("${rationale.text.slice(first.from, first.to)}"), never of the ${side} ${region} the request is for.`,
          data: { region, requested: side, spoken: other },
          related: [{ range: itemTitleRange(item), message: `The request: ${requestOf(item)}.` }],
        });
      }
    }
    return reports;
  },
};

function sidesOf(mentions: readonly SidedMention[], region: SidedMention['region']): Set<SidedMention['side']> {
  return new Set(mentions.filter((m) => m.region === region).map((m) => m.side));
}
