// What the rules that compare a request with its rationale's findings share: which words of a rationale lie in
// sentences about the case (the grounds' findingFrom: not the guideline restated, generalised or quoted), and where
// words of the rationale's collapsed text are in the document.
import type { DisputedItem, LabelledParagraph, Range } from '../model';
import { itemTitleRange } from './itemRanges';
import type { Rule, RuleReport } from './rule';
import { findingFrom, sentenceSpans } from '../parser/grounds';
import { bodyRegionMentions, type BodyRegionMention } from '../text/bodyRegions';
import { CollapsedText } from '../text/collapse';
import type { LineIndex } from '../text/lines';

// The parts of the body each rationale names, read once for both rules that ask (lint reads every rationale).
const mentionsOf = new WeakMap<LabelledParagraph, BodyRegionMention[]>();

/** The parts of the body a rationale names (core/text/bodyRegions.ts), in the order of its text. */
export function rationaleBodyMentions(rationale: LabelledParagraph): BodyRegionMention[] {
  let mentions = mentionsOf.get(rationale);
  if (!mentions) mentionsOf.set(rationale, (mentions = bodyRegionMentions(rationale.text)));
  return mentions;
}

/** The mentions (offsets in the rationale's collapsed text, in order) that lie in sentences about the case. */
export function inFindings<M extends { from: number }>(text: string, mentions: readonly M[]): M[] {
  if (mentions.length === 0) return [];
  const sentences = sentenceSpans(text);
  const kept: M[] = [];
  let s = -1;
  // Where the sentence's finding starts in the text (past what may be, "... may be appropriate but this request"),
  // Infinity if it has none.
  let finding = Infinity;
  for (const mention of mentions) {
    // The sentence that holds the mention, and where its finding starts: read once a sentence.
    if (s < 0 || sentences[s][1] <= mention.from) {
      do s++;
      while (s < sentences.length - 1 && sentences[s][1] <= mention.from);
      const from = findingFrom(text.slice(sentences[s][0], sentences[s][1]));
      finding = from === undefined ? Infinity : sentences[s][0] + from;
    }
    if (mention.from >= finding) kept.push(mention);
  }
  return kept;
}

/**
 * Where [from, to) of a rationale's collapsed text is in the document; the label's range when the text cannot be
 * mapped back (no text, or a line index that does not hold it).
 */
export function rationaleWordsRange(rationale: LabelledParagraph, from: number, to: number, index: LineIndex | undefined): Range {
  if (!index || !rationale.textRange) return rationale.labelRange;
  const collapsed = new CollapsedText(index, index.offsetAt(rationale.textRange.start), index.offsetAt(rationale.textRange.end));
  return collapsed.text === rationale.text ? collapsed.range(from, to) : rationale.labelRange;
}

/**
 * A rule that holds each item's rationale against its request: `report` reads one item, with `place` to find where
 * words of its rationale's collapsed text are in the document.
 */
export function rationaleRule(
  rule: Omit<Rule, 'check'>,
  report: (item: DisputedItem, rationale: LabelledParagraph, place: (from: number, to: number) => Range) => RuleReport[],
): Rule {
  return {
    ...rule,
    check(context) {
      return context.model.items.flatMap((item) => {
        const rationale = item.rationale;
        if (!rationale?.text) return [];
        // context.lines only when there is something to place: the command line's index is built on first read.
        return report(item, rationale, (from, to) => rationaleWordsRange(rationale, from, to, context.lines));
      });
    },
  };
}

/** The related place of such a rule's report: the item's title, named by its request. */
export function requestPlace(item: DisputedItem): { range: Range; message: string } {
  return { range: itemTitleRange(item), message: `The request: ${requestOf(item)}.` };
}

/** What the item requests, in its words: for a partial authorization, the part decided (not the original request and
 *  what was authorized, which the title also holds). */
export function requestOf(item: DisputedItem): string {
  return item.service || item.title.value;
}

/** "neck, mid back and low back". */
export function listed(words: readonly string[], conjunction: string): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}
