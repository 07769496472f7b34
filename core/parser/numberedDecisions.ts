// Reads the 2013 template, whose decisions are numbered sentences ("1) MAXIMUS Federal Services, Inc.
// has determined the request for <service> is not medically necessary and appropriate."), listed near
// the top and repeated with their rationale further down. Each item counts once: the later,
// fuller occurrence wins.
import type { DisputedItem, ParseProblem } from '../model';
import { CollapsedText } from '../text/collapse';
import type { LineIndex } from '../text/lines';
import { readConclusion } from './conclusion';
import { parseRetrospective, serviceName } from './title';

const DECISION_RE =
  /(\d{1,2})\) ?MAXIMUS Federal Services,? Inc\.? has determined (?:that )?the request(?:ed)? (?:for )?(.+?) (?:is|was|are|were) (not )?medically necessary(?: and appropriate)?\./gi;

export function parseNumberedDecisions(doc: LineIndex, problems: ParseProblem[]): DisputedItem[] {
  const c = new CollapsedText(doc, 0, doc.text.length);
  const matches: RegExpExecArray[] = [];
  DECISION_RE.lastIndex = 0;
  for (let m = DECISION_RE.exec(c.text); m; m = DECISION_RE.exec(c.text)) matches.push(m);
  if (matches.length === 0) return [];

  const byNumber = new Map<string, number>();
  matches.forEach((m, i) => byNumber.set(m[1], i));
  const kept = [...byNumber.values()].sort((a, b) => a - b);
  const items = kept.map((mi, index): DisputedItem => {
    const m = matches[mi];
    const serviceStart = m.index + m[0].indexOf(m[2], m[1].length + 2);
    const title = m[2];
    const verdictText = m[3] ? 'not medically necessary' : 'medically necessary';
    const verdictStart = m.index + m[0].toLowerCase().lastIndexOf(verdictText);
    const sentenceEnd = m.index + m[0].length;
    // The rationale: what follows the sentence up to the next numbered decision.
    const next = matches.find((other) => other.index > m.index);
    const rationaleEnd = next ? next.index : c.text.length;
    const rationaleText = c.text.slice(sentenceEnd, rationaleEnd).trim();
    const rationaleStart = rationaleText ? c.text.indexOf(rationaleText, sentenceEnd) : sentenceEnd;
    const found = readConclusion(rationaleText || m[0]);
    const retro = parseRetrospective(title);
    const range = c.range(m.index, rationaleText ? rationaleStart + rationaleText.length : sentenceEnd);
    const item: DisputedItem = {
      index,
      form: 'numbered',
      range,
      title: { value: title, text: title, range: c.range(serviceStart, serviceStart + title.length) },
      titleLines: [c.range(serviceStart, serviceStart + title.length)],
      service: serviceName(title, undefined),
      retrospective: retro.retrospective,
      decisionText: { value: verdictText, text: verdictText, range: c.range(verdictStart, verdictStart + verdictText.length) },
      decision: m[3] ? 'Upheld' : 'Overturned',
      conclusion: found.conclusion,
    };
    if (rationaleText) {
      const rationaleRange = c.range(rationaleStart, rationaleStart + rationaleText.length);
      item.rationale = {
        kind: 'decision-rationale',
        label: '',
        labelRange: { start: rationaleRange.start, end: rationaleRange.start },
        text: rationaleText,
        textRange: rationaleRange,
        range: rationaleRange,
      };
      if (found.conclusion !== 'unclear') {
        item.conclusionRange = c.range(rationaleStart + found.from, rationaleStart + found.to);
        item.conclusionPhrase = c.range(rationaleStart + found.phraseFrom, rationaleStart + found.phraseTo);
      }
    }
    return item;
  });
  problems.push({
    code: 'legacy-template',
    message: `An older (2013) template: ${items.length} numbered decision(s) read; its guideline citations are not labelled, so they were not parsed.`,
    range: items[0].title.range,
  });
  return items;
}
