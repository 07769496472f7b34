// Rule body-part-mismatch: the rationale's findings speak of another part of the body than the one the request is
// for, and never of it: "Physical therapy, cervical and thoracic spine", decided because "the patient complained of
// continued pain of the lumbar spine". Such a rationale was likely written for another request or another claim, and
// a finding of fact that does not fit the request is what an appeal looks for (Labor Code 4610.6(h)(5)).
import type { BodyRegion } from '../text/bodyRegions';
import { bodyRegionMentions, bodyRegionsIn, withRelatedRegions, type BodyRegionMention } from '../text/bodyRegions';
import { isFinding, sentenceSpans } from '../parser/grounds';
import { CollapsedText } from '../text/collapse';
import { LineIndex } from '../text/lines';
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
    let index: LineIndex | undefined;
    for (const item of model.items) {
      const rationale = item.rationale;
      if (!rationale?.text) continue;
      const requested = bodyRegionsIn(item.title.value);
      if (requested.length === 0) continue;
      const fits = withRelatedRegions(requested);
      // Most rationales name no other part at all: the sentences are looked at only when one does.
      const mentions = bodyRegionMentions(rationale.text);
      if (mentions.every((m) => m.regions.every((r) => fits.has(r)))) continue;
      const spoken = new Set<BodyRegion>();
      let first: BodyRegionMention | undefined;
      const sentences = sentenceSpans(rationale.text);
      let s = -1;
      let finding = false;
      for (const mention of mentions) {
        // The sentence that holds the mention, and whether it is a finding about the case: once a sentence.
        if (s < 0 || sentences[s][1] <= mention.from) {
          do s++;
          while (s < sentences.length - 1 && sentences[s][1] <= mention.from);
          finding = isFinding(rationale.text.slice(sentences[s][0], sentences[s][1]));
        }
        if (!finding) continue;
        for (const r of mention.regions) spoken.add(r);
        first ??= mention;
      }
      if (!first || [...spoken].some((r) => fits.has(r))) continue;
      let range = rationale.labelRange;
      // The command line passes no line index: one is built only for a letter that has a report, which is rare.
      index ??= lines ?? (text === undefined ? undefined : new LineIndex(text));
      if (index && rationale.textRange) {
        const collapsed = new CollapsedText(index, index.offsetAt(rationale.textRange.start), index.offsetAt(rationale.textRange.end));
        if (collapsed.text === rationale.text) range = collapsed.range(first.from, first.to);
      }
      reports.push({
        range,
        message: `The rationale of ${itemName(item)} speaks of the ${list([...spoken], 'and')} ("${rationale.text.slice(first.from, first.to)}"), never of the ${list(requested, 'or')} the request is for.`,
        data: { requested, spoken: [...spoken] },
        related: [{ range: itemTitleRange(item), message: `The request: ${item.title.value}.` }],
      });
    }
    return reports;
  },
};

function list(words: readonly string[], conjunction: string): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
