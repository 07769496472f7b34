// Finds the disputed items in the issues section. Items are anchored on their labelled paragraphs
// (`Claims Administrator guideline:`, `MAXIMUS guideline:`, `Decision rationale:`): the title is the
// paragraph just before the first label, its decision the word after its last colon.
import type {
  DisputedItem,
  GuidelineParagraph,
  LabelledParagraph,
  ParagraphKind,
  ParseProblem,
  Range,
} from '../model';
import { CollapsedText, trimEndOf } from '../text/collapse';
import { isJsSpace, trimEndIndex, trimStartIndex } from '../text/chars';
import type { LineIndex } from '../text/lines';
import { ocrFold, ocrFoldCode } from '../text/ocrFold';
import { readCitations } from './citations/paragraph';
import { readConclusion } from './conclusion';
import { isWholeTitleLine, type Layout } from './layout';
import { isDecisionWord, normaliseDecision, parsePartial, parseRetrospective, serviceName, splitAtDecisionWord, splitDecision } from './title';

// Read on one line: between the words any white space but a line break (text from a PDF may hold a tab or a no-break space).
const LABEL_RE = /^\s*(Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)\s*:/i;
// A label as OCR may read it ("Decision rationa1e:", "Claims Adrninistrator guideline;"): two or three words before a
// colon or a semicolon that fold to a label's (core/text/ocrFold.ts).
const OCR_LABEL_RE = /^\s*([A-Za-z0-9|!]+(?:\s+[A-Za-z0-9|!]+){1,2})\s*[:;]/;
const FOLDED_LABELS = new Set(['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale'].map(ocrFold));

/** The label that opens a line: its words as written and the length of the line's text up to its colon. */
function labelOn(text: string): { words: string; length: number } | undefined {
  const m = LABEL_RE.exec(text);
  if (m) return { words: m[1], length: m[0].length };
  const o = OCR_LABEL_RE.exec(text);
  if (o && FOLDED_LABELS.has(ocrFold(o[1].replace(/\s+/g, ' ')))) return { words: o[1], length: o[0].length };
  return undefined;
}

const KIND_ORDER: Record<ParagraphKind, number> = {
  'claims-administrator-guideline': 0,
  'maximus-guideline': 1,
  'decision-rationale': 2,
};
// The fixed sentence that opens the issues section: "... set forth below:" at a line's end, or this opening.
const INTRO_OPENING_RE = /^\s*The\s+Final\s+Determination\s+was\s+based\s+on\s+decisions\b/i;
const INTRO_ENDING_RE = /set\s+forth\s+below$/i;
// The sentences of a partial authorization's title, which end with these words and a full stop.
const PARTIAL_SENTENCE_ENDINGS = ['original request', 'claims administrator', 'imr eligible'];

interface LabelAt {
  line: number;
  kind: ParagraphKind;
  labelStart: number;
  labelEnd: number;
}

/** The kind of a label as written (one of the three labels, in any case): its first letter tells. */
function labelKind(written: string): ParagraphKind {
  const first = written.charCodeAt(0) | 32;
  if (first === 99 /* c */) return 'claims-administrator-guideline';
  if (first === 109 /* m */) return 'maximus-guideline';
  return 'decision-rationale';
}

/** Parses the items on lines [fromLine, toLine). */
export function parseItems(
  doc: LineIndex,
  layout: Layout,
  fromLine: number,
  toLine: number,
  problems: ParseProblem[],
): DisputedItem[] {
  const lines = doc.lines;
  const labels: LabelAt[] = [];
  let regionStart = fromLine;
  for (let l = fromLine; l < toLine; l++) {
    const text = lines[l].text;
    // Cheap pre-check before the regular expression: labels start with "clai", "maxi" or "deci", in any case.
    if (!startsLikeLabel(doc.text, trimStartIndex(doc.text, lines[l].start, lines[l].end))) {
      if (labels.length === 0 && l < fromLine + 6 && isIntro(text)) regionStart = l + 1;
      continue;
    }
    const label = labelOn(text);
    if (!label) {
      if (labels.length === 0 && l < fromLine + 6 && isIntro(text)) regionStart = l + 1;
      continue;
    }
    const labelStart = trimStartIndex(doc.text, lines[l].start, lines[l].end);
    labels.push({ line: l, kind: labelKind(label.words), labelStart, labelEnd: lines[l].start + label.length });
  }

  // Group the labels into items: a label that does not follow the previous one in order opens a new item.
  const groups: LabelAt[][] = [];
  for (const label of labels) {
    const current = groups[groups.length - 1];
    if (!current || KIND_ORDER[label.kind] <= KIND_ORDER[current[current.length - 1].kind]) groups.push([label]);
    else current.push(label);
  }

  // The title of each group: the paragraph before its first label, or before stray text there.
  const starts: ItemStart[] = groups.map((group, g) => {
    const previousLabelLine = g === 0 ? regionStart - 1 : groups[g - 1][groups[g - 1].length - 1].line;
    const anchorLine = group[0].line;
    const titleStartLine = findTitleStart(doc, layout, previousLabelLine, anchorLine, g === 0);
    const title = titleBeforeStrayText(doc, layout, previousLabelLine, titleStartLine, anchorLine, g === 0, problems);
    // Built field by field: a spread of either object took a slow path (a tenth of the parse).
    return title
      ? { titleStartLine: title.titleStartLine, titleEndLine: title.titleEndLine, anchorLine, group }
      : { titleStartLine, titleEndLine: anchorLine, anchorLine, group };
  });

  // Each item's title and labels, in the order of the letter: the label groups', and the titles with no paragraph.
  for (const line of bareTitleLines(doc, layout, regionStart, toLine, starts)) starts.push({ titleStartLine: line, titleEndLine: line + 1, anchorLine: line + 1, group: [] });
  starts.sort((a, b) => a.titleStartLine - b.titleStartLine);
  return starts.map((s, i) => {
    const itemEndLimit = i + 1 < starts.length ? lines[starts[i + 1].titleStartLine].start : lines[toLine - 1].end;
    return buildItem(doc, layout, i, s.group, s.titleStartLine, s.titleEndLine, itemEndLimit, problems);
  });
}

interface ItemStart {
  titleStartLine: number;
  /** The line after the title's last. */
  titleEndLine: number;
  /** The first label's line, or the line after a title with no paragraphs. */
  anchorLine: number;
  group: LabelAt[];
}

// The most lines, and paragraphs, of stray text looked across for a title's decision.
const STRAY_LINES = 3;
const STRAY_PARAGRAPHS = 2;

/**
 * OCR can put text between a title and its first label: a logo read out of order, a page's footer or a fax header
 * at a page break. When the paragraph before the label has no decision and a few lines before its end, or a paragraph
 * just before it, end with one ("Right shoulder MRI: Overturned"), that is the title and the text after it is reported
 * as stray. Undefined otherwise.
 */
function titleBeforeStrayText(
  doc: LineIndex,
  layout: Layout,
  previousLabelLine: number,
  titleStartLine: number,
  anchorLine: number,
  first: boolean,
  problems: ParseProblem[],
): { titleStartLine: number; titleEndLine: number } | undefined {
  if (titleStartLine >= anchorLine || readsDecision(doc, layout, titleStartLine, anchorLine)) return undefined;
  const stray = (start: number, end: number) => {
    let last = anchorLine - 1;
    while (last > end && layout.isBlank(last)) last--;
    const from = doc.offsetAt(doc.trimmedLineRange(end).start);
    const to = trimEndIndex(doc.text, from, doc.lines[last].end);
    problems.push({
      code: 'stray-text',
      message: `Text between a title and its paragraphs, left out of the title (a page's header or footer, or a logo, read out of place?): "${truncate(new CollapsedText(doc, from, to).text)}".`,
      range: doc.range(from, to),
    });
    return { titleStartLine: start, titleEndLine: end };
  };
  // Lines under the title in its paragraph (a fax header that opens the next page).
  for (let end = anchorLine - 1; end > titleStartLine && end >= anchorLine - STRAY_LINES; end--) {
    if (!layout.isBlank(end) && readsDecision(doc, layout, titleStartLine, end)) return stray(titleStartLine, end);
  }
  // Paragraphs of their own.
  let strayStart = titleStartLine;
  for (let k = 0; k < STRAY_PARAGRAPHS; k++) {
    const start = findTitleStart(doc, layout, previousLabelLine, strayStart, first);
    if (start >= strayStart) return undefined;
    if (readsDecision(doc, layout, start, strayStart)) return stray(start, strayStart);
    strayStart = start;
  }
  return undefined;
}

/** Whether the text of lines [from, to) ends with a decision. */
function readsDecision(doc: LineIndex, layout: Layout, from: number, to: number): boolean {
  // Nearly every title's last line ends with its decision after a colon, which that line alone tells without collapsing
  // the title (a decision alone on its line, or the words before it on the line above, need the whole text).
  let last = to - 1;
  while (last > from && layout.isBlank(last)) last--;
  const line = doc.lines[last].text;
  const onLine = splitAtDecisionWord(line);
  if (onLine && onLine.titleEnd > trimStartIndex(line, 0, line.length)) return true;
  const text = new CollapsedText(doc, doc.lines[from].start, doc.lines[to - 1].end, layout.furniture).text;
  const split = splitDecision(text);
  return split !== undefined && isDecisionWord(split.decision);
}

/**
 * The lines that hold a title and its decision ("Lumbar brace: Upheld") as a paragraph of their own, with no labelled
 * paragraph after them: an item being typed, or one whose paragraphs were lost. Each is an item, so that the checks
 * say what it lacks instead of its line joining the rationale before it.
 */
function bareTitleLines(doc: LineIndex, layout: Layout, fromLine: number, toLine: number, items: readonly { titleStartLine: number; anchorLine: number }[]): number[] {
  const found: number[] = [];
  const lines = doc.lines;
  // The items are in the letter's order: the one a line may be in is the first that ends after it.
  let item = 0;
  for (let l = fromLine; l < toLine; l++) {
    if (!isWholeTitleLine(lines[l].text) || labelOn(lines[l].text)) continue;
    while (item < items.length && items[item].anchorLine <= l) item++;
    if (item < items.length && items[item].titleStartLine <= l) continue;
    // Preceded and followed by a paragraph break, across the blank lines of a page break (which separate nothing),
    // or by the region's start or end: as Format Document leaves it, which drops those blank lines.
    let prev = l - 1;
    while (prev >= fromLine && layout.isBlank(prev) && !layout.isBreak(prev)) prev--;
    const opens = prev < fromLine || layout.isBreak(prev);
    let next = l + 1;
    while (next < toLine && layout.isBlank(next) && !layout.isBreak(next)) next++;
    // Followed by a paragraph break, or by nothing but blank lines (the letter's end).
    const closes = next >= toLine || layout.isBreak(next);
    if (opens && closes) found.push(l);
  }
  return found;
}

/**
 * The first line of the title that ends just before `anchorLine`: walk back from the last non-blank line
 * over lines that do not break paragraphs, and across a break into a title's head. Returns `anchorLine` when there is
 * no title.
 */
function findTitleStart(doc: LineIndex, layout: Layout, previousLabelLine: number, anchorLine: number, first: boolean): number {
  const lines = doc.lines;
  let last = anchorLine - 1;
  while (last > previousLabelLine && layout.isBlank(last)) last--;
  if (last <= previousLabelLine) return anchorLine;
  let start = last;
  // The lines of text of [start, last].
  let taken = 1;
  while (start - 1 > previousLabelLine) {
    if (first && isIntro(lines[start - 1].text)) break;
    if (layout.isBreak(start - 1)) {
      const head = titleHeadBefore(doc, layout, start - 1, previousLabelLine, first, taken);
      if (head < 0) break;
      for (let l = head; l < start; l++) if (!layout.isBlank(l)) taken++;
      start = head;
      continue;
    }
    start--;
    if (!layout.isBlank(start)) taken++;
  }
  while (layout.isBlank(start) && start < last) start++;
  // Where no blank line separates the previous rationale from this title, the title starts after the
  // last line that ends a sentence: titles are noun phrases, rationales end with a full stop. (The
  // sentences of a partial authorization's title are recognised and kept.)
  for (let l = last - 1; l >= start; l--) {
    if (endsSentence(lines[l].text) && !endsPartialSentence(doc, l)) {
      start = l + 1;
      while (layout.isBlank(start) && start < last) start++;
      break;
    }
  }
  return start;
}

// The most lines of text a title read across blank lines may have: the real letters' run to seven.
const TITLE_LINES = 8;

/**
 * OCR starts a new block inside a long title (after its bold first line, or at a page break written as an empty
 * line). The first line of the paragraphs before the blank line `blank` when they are such a title's head, or -1. A
 * paragraph before a title ends with a sentence, a colon or a decision; one that stops after a word (not a digit or a
 * comma: a page number, a full stop misread) is the title's head when it starts as a title does, with a capital or a
 * digit (one in lower case goes on from the paragraph before it), and is neither a labelled paragraph's own text nor
 * more than a title can hold with the `taken` lines after it.
 */
function titleHeadBefore(doc: LineIndex, layout: Layout, blank: number, previousLabelLine: number, first: boolean, taken: number): number {
  const lines = doc.lines;
  let count = taken;
  for (let gap = blank; ; ) {
    let before = gap;
    while (before > previousLabelLine && layout.isBlank(before)) before--;
    if (before <= previousLabelLine || !stopsAfterWord(lines[before].text) || (first && isIntro(lines[before].text))) return -1;
    let head = before;
    while (head - 1 > previousLabelLine && !layout.isBreak(head - 1) && !(first && isIntro(lines[head - 1].text))) head--;
    // Run back to the label: that label's text (a rationale whose full stop was lost).
    if (!first && head - 1 === previousLabelLine) return -1;
    for (let l = head; l <= before; l++) if (!layout.isBlank(l)) count++;
    if (count > TITLE_LINES) return -1;
    if (!startsInLowerCase(doc, head)) return head;
    if (first && head - 1 > previousLabelLine && isIntro(lines[head - 1].text)) return -1;
    gap = head - 1;
  }
}

/** Whether a line's text starts with a lower-case letter (ASCII). */
function startsInLowerCase(doc: LineIndex, line: number): boolean {
  const { start, end } = doc.lines[line];
  const at = trimStartIndex(doc.text, start, end);
  const c = at < end ? doc.text.charCodeAt(at) : 0;
  return c >= 97 && c <= 122;
}

function buildItem(
  doc: LineIndex,
  layout: Layout,
  index: number,
  group: LabelAt[],
  titleStartLine: number,
  titleEndLine: number,
  itemEndLimit: number,
  problems: ParseProblem[],
): DisputedItem {
  const lines = doc.lines;
  // Title: lines [titleStartLine, titleEndLine), blank lines and page furniture skipped.
  const titleLines: Range[] = [];
  for (let l = titleStartLine; l < titleEndLine; l++) {
    if (layout.isFurniture(l)) continue;
    const r = doc.trimmedLineRange(l);
    if (r.end.character > r.start.character) titleLines.push(r);
  }
  const titleFrom = titleLines.length > 0 ? doc.offsetAt(titleLines[0].start) : group[0].labelStart;
  const titleTo = titleLines.length > 0 ? doc.offsetAt(titleLines[titleLines.length - 1].end) : group[0].labelStart;
  const collapsedTitle = new CollapsedText(doc, titleFrom, titleTo, layout.furniture);
  const split = splitDecision(collapsedTitle.text);
  const titleEnd = split ? split.titleEnd : collapsedTitle.text.length;
  // Collapsed text holds no white space but single spaces.
  const titleText = trimEndOf(collapsedTitle.text.slice(0, titleEnd), ' :;');
  const title = { value: titleText, text: titleText, range: collapsedTitle.range(0, titleText.length) };

  const item: DisputedItem = {
    index,
    form: 'labelled',
    range: { start: title.range.start, end: title.range.end },
    title,
    titleLines,
    service: titleText,
    retrospective: false,
    conclusion: 'unclear',
  };
  if (titleLines.length === 0) {
    problems.push({
      code: 'unrecognised-item',
      message: 'A disputed item has labelled paragraphs but no title before them.',
      range: doc.range(group[0].labelStart, group[0].labelEnd),
    });
  }
  if (split) {
    item.decisionText = {
      value: split.decision,
      text: split.decision,
      range: collapsedTitle.range(split.decisionStart, split.decisionStart + split.decision.length),
    };
    item.decision = normaliseDecision(split.decision);
  } else if (titleLines.length > 0) {
    problems.push({
      code: 'missing-decision',
      message: `No decision (Upheld or Overturned) after the title "${truncate(titleText)}".`,
      range: title.range,
    });
  }

  item.partial = parsePartial(titleText, (start, end) => collapsedTitle.range(start, end));
  const retro = parseRetrospective(titleText);
  item.retrospective = retro.retrospective;
  if (retro.dos) {
    item.dateOfService = {
      value: retro.dos.iso,
      text: retro.dos.text,
      range: collapsedTitle.range(retro.dos.index, retro.dos.index + retro.dos.text.length),
    };
  }
  item.service = serviceName(titleText, item.partial);

  // The labelled paragraphs: each runs to the next label, the last one to the next item's title.
  // An item without paragraphs ends with its decision word.
  let itemEnd = doc.offsetAt(item.decisionText ? item.decisionText.range.end : item.range.end);
  group.forEach((label, i) => {
    const limit = i + 1 < group.length ? lines[group[i + 1].line].start : itemEndLimit;
    const { paragraph, collapsed } = buildParagraph(doc, layout, label, limit);
    itemEnd = Math.max(itemEnd, doc.offsetAt(paragraph.range.end));
    if (label.kind === 'decision-rationale') {
      item.rationale = paragraph;
      const found = readConclusion(collapsed.text);
      item.conclusion = found.conclusion;
      if (found.conclusion !== 'unclear' || found.to > found.from) item.conclusionRange = collapsed.range(found.from, found.to);
      if (found.conclusion !== 'unclear') item.conclusionPhrase = collapsed.range(found.phraseFrom, found.phraseTo);
    } else {
      const parsed = readCitations(collapsed);
      const guideline: GuidelineParagraph = paragraph as GuidelineParagraph;
      guideline.citations = parsed.citations;
      guideline.statements = parsed.statements;
      if (label.kind === 'maximus-guideline') item.maximusGuideline = guideline;
      else item.claimsAdministratorGuideline = guideline;
    }
  });
  item.range = { start: item.range.start, end: doc.positionAt(itemEnd) };
  if (titleLines.length === 0) item.range.start = doc.positionAt(group[0].labelStart);
  return item;
}

function buildParagraph(doc: LineIndex, layout: Layout, label: LabelAt, limit: number): { paragraph: LabelledParagraph; collapsed: CollapsedText } {
  const text = doc.text;
  const from = trimStartIndex(text, label.labelEnd, Math.max(label.labelEnd, limit));
  const to = trimEndIndex(text, from, Math.max(label.labelEnd, limit));
  const collapsed = new CollapsedText(doc, from, to, layout.furniture);
  const labelRange = doc.range(label.labelStart, label.labelEnd);
  const textRange = to > from ? doc.range(from, to) : undefined;
  const paragraph: LabelledParagraph = {
    kind: label.kind,
    label: text.slice(label.labelStart, label.labelEnd),
    labelRange,
    text: collapsed.text,
    range: { start: labelRange.start, end: textRange ? textRange.end : labelRange.end },
  };
  if (textRange) paragraph.textRange = textRange;
  return { paragraph, collapsed };
}

// The line-end tests below read back from the end of the line. (As expressions anchored at the end, each
// was tried at every position of every line it looked at.)

/** The end of `text` without its trailing white space (in the sense of `\s`). */
function endWithoutSpace(text: string): number {
  return trimEndIndex(text, 0, text.length);
}

/** Whether a line ends a sentence: ".", "!" or "?", maybe followed by a closing quote or bracket. */
function endsSentence(text: string): boolean {
  // (Every read checks its index: a read before the start costs the optimized code a round trip.)
  let end = endWithoutSpace(text);
  if (end === 0) return false;
  const last = text.charCodeAt(end - 1);
  if (last === 34 /* " */ || last === 39 /* ' */ || last === 41 /* ) */ || last === 93 /* ] */) end--;
  if (end === 0) return false;
  const stop = text.charCodeAt(end - 1);
  return stop === 46 /* . */ || stop === 33 /* ! */ || stop === 63 /* ? */;
}

/** Whether a line ends with a letter, and not with a decision. */
function stopsAfterWord(text: string): boolean {
  const end = endWithoutSpace(text);
  if (end === 0) return false;
  const last = text.charCodeAt(end - 1) | 32;
  if (last < 97 || last > 122) return false;
  let start = end;
  while (start > 0 && !isJsSpace(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== 58 /* : */ && text.charCodeAt(start - 1) !== 59 /* ; */) start--;
  return !isDecisionWord(text.slice(start, end));
}

/** Whether a line ends one of the sentences of a partial authorization's title ("... was the original request."). */
function endsPartialSentence(doc: LineIndex, line: number): boolean {
  const text = doc.text;
  const { start, end: lineEnd } = doc.lines[line];
  const end = trimEndIndex(text, start, lineEnd);
  if (end === start || text.charCodeAt(end - 1) !== 46 /* . */) return false;
  // The words before the stop, read across line breaks with white space collapsed: text from a PDF may double
  // a space or break the line inside them ("the Claims\nAdministrator.").
  const before = text
    .slice(Math.max(0, end - 61), end - 1)
    .replace(/\s+/g, ' ')
    .toLowerCase();
  return PARTIAL_SENTENCE_ENDINGS.some((ending) => before.endsWith(ending));
}

/** Whether a line is (the end of) the fixed sentence that opens the issues section. */
function isIntro(text: string): boolean {
  let end = endWithoutSpace(text);
  if (end > 0 && text.charCodeAt(end - 1) === 58 /* : */) end--;
  if (end >= 15 && (text.charCodeAt(end - 1) | 32) === 119 /* w */ && INTRO_ENDING_RE.test(text.slice(Math.max(0, end - 40), end)))
    return true;
  return INTRO_OPENING_RE.test(text);
}

// The first four letters of each label, folded as OCR's misreadings are (core/text/ocrFold.ts), as one number each.
const LABEL_OPENINGS = ['clai', 'maxi', 'deci'].map((word) => openingAt(word, 0));

function openingAt(text: string, at: number): number {
  return ((ocrFoldCode(text.charCodeAt(at)) << 24) | (ocrFoldCode(text.charCodeAt(at + 1)) << 16) | (ocrFoldCode(text.charCodeAt(at + 2)) << 8) | ocrFoldCode(text.charCodeAt(at + 3))) >>> 0;
}

/** Whether the text at `at` opens like a label: "clai", "maxi" or "deci" in any case, or as OCR may misread them. */
function startsLikeLabel(text: string, at: number): boolean {
  if (at + 4 > text.length) return false;
  // Each label opens with "c", "m" or "d" (which OCR's confusions leave alone): most lines are spared the fold.
  const first = text.charCodeAt(at) | 32;
  if (first !== 99 /* c */ && first !== 109 /* m */ && first !== 100 /* d */) return false;
  const opening = openingAt(text, at);
  return opening === LABEL_OPENINGS[0] || opening === LABEL_OPENINGS[1] || opening === LABEL_OPENINGS[2];
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
