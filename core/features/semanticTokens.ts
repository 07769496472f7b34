// Semantic tokens: what the parser knows and a TextMate grammar cannot. The grammar sees one line at a time, so it
// leaves a title wrapped over several lines plain, colours "medically necessary" wherever it stands, and cannot know
// which sentences give the decision's grounds. These tokens mark every line of each item's title, its decision word,
// the rationale's conclusion as read, and the sentences read as its grounds (core/parser/grounds.ts).
// package.json maps each type to the grammar's scopes (`semanticTokenScopes`), so themes colour them as they colour
// the grammar.
import type { Range } from 'vscode-languageserver-types';
import type { Conclusion, Decision, DisputedItem } from '../model';
import { groundSide } from '../summary/grounds';
import { trimEndIndex, trimStartIndex } from '../text/chars';
import { comparePositions } from '../text/lines';
import { itemGrounds } from './grounds';
import type { LetterDocument } from './letterDocument';

/** The token types, in the legend's order (the index is what the protocol sends). */
export const semanticTokenTypes = ['imrItemTitle', 'imrDecision', 'imrConclusion', 'imrGround'] as const;
/** Which way a decision, a conclusion or a ground points: the denial upheld, or overturned. */
export const semanticTokenModifiers = ['upheld', 'overturned'] as const;

export type SemanticTokenType = (typeof semanticTokenTypes)[number];
export type SemanticTokenModifier = (typeof semanticTokenModifiers)[number];

/** One token: always on one line, in UTF-16 code units, as LSP counts them. */
export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

export const semanticTokensLegend = { tokenTypes: [...semanticTokenTypes], tokenModifiers: [...semanticTokenModifiers] };

/** Where two marks overlap the one first in this list keeps its characters: a decision word inside a title, a
 *  conclusion inside a ground's sentence. */
const precedence: readonly SemanticTokenType[] = ['imrDecision', 'imrConclusion', 'imrItemTitle', 'imrGround'];

interface Mark {
  range: Range;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

/**
 * The document's tokens, sorted, never overlapping, each on one line and without the white space at either end of
 * a line (a token over a wrapped sentence is one token per line). With `lines`, only the items that touch those
 * lines (for a range request: the visible part of a long letter).
 */
export function getSemanticTokens(doc: LetterDocument, lines?: { start: number; end: number }): SemanticToken[] {
  if (doc.tooLarge || !doc.model.isLetter) return [];
  const marks: Mark[] = [];
  for (const item of doc.model.items) {
    if (lines && (item.range.end.line < lines.start || item.range.start.line > lines.end)) continue;
    marks.push(...itemMarks(doc, item));
  }
  const tokens = paint(doc, marks);
  return lines ? tokens.filter((t) => t.line >= lines.start && t.line <= lines.end) : tokens;
}

function itemMarks(doc: LetterDocument, item: DisputedItem): Mark[] {
  const marks: Mark[] = [];
  if (comparePositions(item.title.range.start, item.title.range.end) < 0)
    marks.push({ range: item.title.range, type: 'imrItemTitle', modifiers: [] });
  // A Medical Professional Review has no decision word: its decision is the conclusion, marked as such below.
  if (item.decisionText && item.form !== 'review')
    marks.push({ range: item.decisionText.range, type: 'imrDecision', modifiers: decisionModifiers(item.decision) });
  if (item.conclusionPhrase && item.conclusion !== 'unclear')
    marks.push({ range: item.conclusionPhrase, type: 'imrConclusion', modifiers: conclusionModifiers(item.conclusion) });
  for (const ground of itemGrounds(doc, item))
    marks.push({
      range: withoutClosingWords(doc, ground.range, item.conclusionPhrase),
      type: 'imrGround',
      modifiers: [groundSide(ground.kind) === 'for' ? 'overturned' : 'upheld'],
    });
  return marks;
}

/**
 * A ground's sentence that holds the conclusion ends with it when what follows is a few closing words ("... as being
 * medically necessary at this time."): left alone in italics they would read as a ground of their own. A reason after
 * the conclusion ("... because there are no red flags") stays.
 */
function withoutClosingWords(doc: LetterDocument, ground: Range, conclusion: Range | undefined): Range {
  if (!conclusion || comparePositions(conclusion.start, ground.start) < 0 || comparePositions(conclusion.end, ground.end) >= 0)
    return ground;
  const tail = doc.text.slice(doc.lines.offsetAt(conclusion.end), doc.lines.offsetAt(ground.end));
  return (tail.match(WORDS_RE) ?? []).length < 4 ? { start: ground.start, end: conclusion.end } : ground;
}

const WORDS_RE = /[\p{L}\p{N}]+/gu;

function decisionModifiers(decision: Decision | undefined): SemanticTokenModifier[] {
  if (decision === 'Upheld') return ['upheld'];
  if (decision === 'Overturned') return ['overturned'];
  return [];
}

function conclusionModifiers(conclusion: Conclusion): SemanticTokenModifier[] {
  return conclusion === 'not-medically-necessary' ? ['upheld'] : ['overturned'];
}

/**
 * Cuts the marks into tokens: one per line, without the white space at either end, and where marks overlap, the characters go to the mark of the
 * highest precedence (the others keep what is left on either side).
 */
function paint(doc: LetterDocument, marks: Mark[]): SemanticToken[] {
  const byLine = new Map<number, SemanticToken[]>();
  const ordered = [...marks].sort((a, b) => precedence.indexOf(a.type) - precedence.indexOf(b.type));
  for (const mark of ordered) {
    for (const piece of linePieces(doc, mark.range)) {
      const taken = byLine.get(piece.line) ?? [];
      const lineStart = doc.lines.lines[piece.line].start;
      for (const [cutFrom, cutTo] of uncovered(piece.from, piece.to, taken)) {
        const from = trimStartIndex(doc.text, lineStart + cutFrom, lineStart + cutTo);
        const to = trimEndIndex(doc.text, from, lineStart + cutTo);
        // What a cut leaves of a sentence may be a lone "." or ",": not worth a token.
        if (!WORD_CHAR_RE.test(doc.text.slice(from, to))) continue;
        taken.push({ line: piece.line, character: from - lineStart, length: to - from, type: mark.type, modifiers: mark.modifiers });
      }
      byLine.set(piece.line, taken);
    }
  }
  const tokens: SemanticToken[] = [];
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) tokens.push(...byLine.get(line)!.sort((a, b) => a.character - b.character));
  return tokens;
}

/** A range's part on each of its lines (columns within the line, its break left out). */
function linePieces(doc: LetterDocument, range: Range): { line: number; from: number; to: number }[] {
  const pieces: { line: number; from: number; to: number }[] = [];
  const last = Math.min(range.end.line, doc.lines.lineCount - 1);
  for (let l = range.start.line; l <= last; l++) {
    const length = doc.lines.lines[l].end - doc.lines.lines[l].start;
    const from = l === range.start.line ? Math.min(range.start.character, length) : 0;
    const to = l === range.end.line ? Math.min(range.end.character, length) : length;
    if (to > from) pieces.push({ line: l, from, to });
  }
  return pieces;
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** The stretches of [from, to) that none of the tokens covers. */
function uncovered(from: number, to: number, tokens: readonly SemanticToken[]): [number, number][] {
  let free: [number, number][] = [[from, to]];
  for (const t of tokens) {
    const tFrom = t.character;
    const tTo = t.character + t.length;
    free = free.flatMap(([a, b]): [number, number][] =>
      tTo <= a || tFrom >= b ? [[a, b]] : ([[a, Math.min(b, tFrom)], [Math.max(a, tTo), b]] as [number, number][]).filter(([x, y]) => y > x),
    );
  }
  return free;
}

/** The protocol's encoding: five numbers a token, each position relative to the token before. */
export function encodeSemanticTokens(tokens: readonly SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const t of tokens) {
    const deltaLine = t.line - line;
    data.push(deltaLine, deltaLine === 0 ? t.character - character : t.character, t.length, semanticTokenTypes.indexOf(t.type), modifierBits(t.modifiers));
    line = t.line;
    character = t.character;
  }
  return data;
}

function modifierBits(modifiers: readonly SemanticTokenModifier[]): number {
  let bits = 0;
  for (const m of modifiers) bits |= 1 << semanticTokenModifiers.indexOf(m);
  return bits;
}
