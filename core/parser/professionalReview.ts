// Reads the "MEDICAL PROFESSIONAL REVIEW" layout of early IMR decisions: one disputed treatment under labelled
// headings (ISSUE AT DISPUTE:, CASE SUMMARY:, DOCUMENTS REVIEWED FOR DETERMINATION:, MEDICAL TREATMENT GUIDELINE(S)
// RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:, RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT
// MEDICALLY NECESSARY:, MEDICAL REVIEWER QUALIFICATIONS:), the long ones wrapped over two lines. The layout has no
// decision word: the decision is what the rationale concludes.
import type { DisputedItem, GuidelineParagraph, LabelledParagraph, ParseProblem } from '../model';
import { CollapsedText } from '../text/collapse';
import type { LineIndex } from '../text/lines';
import { parseCitations } from './citations/paragraph';
import { readConclusion } from './conclusion';
import { parseRetrospective, serviceName } from './title';

/** Whether a text is in this layout: its title line, then its first label. */
const LAYOUT_RE = /^\s*MEDICAL\s+PROFESSIONAL\s+REVIEW\s*$[\s\S]{0,3000}?^\s*ISSUES?\s+AT\s+DISPUTE\s*:/im;

type LabelKind = 'issue' | 'case' | 'documents' | 'guideline' | 'rationale' | 'qualifications';

const LABELS: [LabelKind, RegExp][] = [
  ['issue', /\bISSUES? AT DISPUTE ?:/],
  ['case', /\bCASE SUMMARY ?:/],
  ['documents', /\bDOCUMENTS REVIEWED FOR DETERMINATION ?:/],
  ['guideline', /\bMEDICAL TREATMENT GUIDELINE\(?S?\)? RELIED UPON BY (?:THE )?PROFESSIONAL REVIEWER AND WHY ?:/],
  ['rationale', /\bRATIONALE FOR WHY THE REQUESTED TREATMENT ?\/ ?SERVICE (?:IS ?\/ ?WAS |IS |WAS )?(?:NOT )?MEDICALLY NECESSARY ?:/],
  ['qualifications', /\bMEDICAL REVIEWER QUALIFICATIONS ?:/],
];

/** A labelled part: the label's and the content's collapsed spans. */
interface Part {
  kind: LabelKind;
  labelFrom: number;
  labelTo: number;
  /** The content: after the label up to the next label (or the end). */
  to: number;
}

export interface ProfessionalReview {
  items: DisputedItem[];
  /** Document offsets of the case summary's content, for the patient's facts. */
  caseSummary?: { start: number; end: number };
  /** Document offsets of the reviewer's qualifications, for the reviewer. */
  qualifications?: { start: number; end: number };
}

export function isProfessionalReview(text: string): boolean {
  return LAYOUT_RE.test(text.slice(0, 6000));
}

/** The "is ... medically necessary?" wording around a service: "Is the request for X medically necessary?" is X. */
const QUESTION_RE = /^(?:(?:is|was|whether) )?(?:the )?(?:request(?:ed)? (?:for )?)?(.+?)(?: (?:is|was|are|were))?(?: (?:not )?medically necessary(?: and appropriate)?)?\s*[?.]?$/i;

export function parseProfessionalReview(doc: LineIndex, problems: ParseProblem[]): ProfessionalReview {
  const c = new CollapsedText(doc, 0, doc.text.length);
  const parts = findParts(c.text);
  const part = (kind: LabelKind) => parts.find((p) => p.kind === kind);
  const content = (p: Part) => {
    let from = p.labelTo;
    while (from < p.to && c.text.charCodeAt(from) === 32) from++;
    return { from, to: p.to, text: c.text.slice(from, p.to).trim() };
  };
  const docSpan = (p: Part | undefined) => {
    if (!p) return undefined;
    const { from, to } = content(p);
    return to > from ? { start: c.offsetAt(from), end: c.offsetAt(to - 1) + 1 } : undefined;
  };
  const result: ProfessionalReview = { items: [], caseSummary: docSpan(part('case')), qualifications: docSpan(part('qualifications')) };

  const issue = part('issue');
  if (!issue) return result;
  const asked = content(issue);
  const rationalePart = part('rationale');
  const guidelinePart = part('guideline');
  const labelled = (p: Part, kind: LabelledParagraph['kind']): LabelledParagraph => {
    const { from, to, text } = content(p);
    const labelRange = c.range(p.labelFrom, p.labelTo);
    return {
      kind,
      label: c.text.slice(p.labelFrom, p.labelTo),
      labelRange,
      text,
      ...(text ? { textRange: c.range(from, to) } : {}),
      range: c.range(p.labelFrom, text ? to : p.labelTo),
    };
  };

  const title = asked.text;
  const service = QUESTION_RE.exec(title)?.[1] ?? title;
  const retro = parseRetrospective(service);
  const titleRange = c.range(asked.from, asked.from + title.length);
  // The item, as a labelled one: from its title (the question at dispute) through the end of its rationale (the case
  // summary and the documents lie between them); the parts in any order, so that the item always holds its paragraphs.
  const own = [issue, guidelinePart, rationalePart].filter((p): p is Part => p !== undefined);
  const item: DisputedItem = {
    index: 0,
    form: 'review',
    range: c.range(Math.min(asked.from, ...own.slice(1).map((p) => p.labelFrom)), Math.max(...own.map((p) => p.to))),
    title: { value: title, text: title, range: titleRange },
    titleLines: titleLines(doc, titleRange),
    service: serviceName(service, undefined),
    retrospective: retro.retrospective,
    conclusion: 'unclear',
  };
  if (guidelinePart) {
    const p = labelled(guidelinePart, 'maximus-guideline');
    const span = docSpan(guidelinePart);
    const parsed = span ? parseCitations(doc, span.start, span.end) : { citations: [], statements: [] };
    item.maximusGuideline = { ...p, citations: parsed.citations, statements: parsed.statements } satisfies GuidelineParagraph;
  }
  if (rationalePart) {
    const p = labelled(rationalePart, 'decision-rationale');
    item.rationale = p;
    const found = readConclusion(p.text);
    item.conclusion = found.conclusion;
    if (found.conclusion !== 'unclear') {
      const { from } = content(rationalePart);
      const range = c.range(from + found.from, from + found.to);
      item.conclusionRange = range;
      item.conclusionPhrase = c.range(from + found.phraseFrom, from + found.phraseTo);
      // No decision word: the conclusion stands for it (Upheld = the denial stands = not medically necessary).
      const said = p.text.slice(found.from, found.to);
      item.decisionText = { value: said, text: said, range };
      item.decision = found.conclusion === 'not-medically-necessary' ? 'Upheld' : 'Overturned';
    }
  }
  if (!item.decision) {
    problems.push({
      code: 'missing-decision',
      message: 'A Medical Professional Review states no decision word, and its rationale does not conclude whether the treatment is medically necessary.',
      range: titleRange,
    });
  }
  problems.push({
    code: 'legacy-template',
    message: `An older template (Medical Professional Review): its one disputed item is read from "ISSUE AT DISPUTE", and its decision from the rationale's conclusion${item.decision ? ` (${item.decision})` : ''}.`,
    range: c.range(issue.labelFrom, issue.labelTo),
  });
  result.items.push(item);
  return result;
}

/** The labels in text order; each once (the first), a part running to the next label. */
function findParts(text: string): Part[] {
  const found: Omit<Part, 'to'>[] = [];
  for (const [kind, re] of LABELS) {
    const m = re.exec(text);
    if (m) found.push({ kind, labelFrom: m.index, labelTo: m.index + m[0].length });
  }
  found.sort((a, b) => a.labelFrom - b.labelFrom);
  return found.map((p, i) => ({ ...p, to: i + 1 < found.length ? trimmedEnd(text, found[i + 1].labelFrom) : text.length }));
}

function trimmedEnd(text: string, end: number): number {
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end;
}

/** The ranges of the lines a title covers, each trimmed to the title. */
function titleLines(doc: LineIndex, range: DisputedItem['title']['range']): DisputedItem['titleLines'] {
  const lines: DisputedItem['titleLines'] = [];
  for (let l = range.start.line; l <= range.end.line; l++) {
    const line = doc.trimmedLineRange(l);
    const start = l === range.start.line ? range.start : line.start;
    const end = l === range.end.line ? range.end : line.end;
    if (start.character !== end.character || start.line !== end.line) lines.push({ start, end });
  }
  return lines.length > 0 ? lines : [range];
}
