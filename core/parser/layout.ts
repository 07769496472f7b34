// Which blank lines separate paragraphs. PDF extracts disagree: pypdf writes a paragraph break as a line
// holding only spaces and leaves truly empty lines at page breaks; double-spaced extracts put an empty
// line after every line; hand-typed letters use empty lines.
import { trimStartIndex } from '../text/chars';
import type { LineIndex } from '../text/lines';

export type BreakStyle = 'space-only' | 'double-spaced' | 'plain';

export interface Layout {
  style: BreakStyle;
  /** Whether the line is blank (white space only). */
  isBlank(line: number): boolean;
  /** Whether the line separates paragraphs. */
  isBreak(line: number): boolean;
}

export function analyseLayout(doc: LineIndex): Layout {
  const lines = doc.lines;
  // 0 text, 1 empty, 2 spaces only. A plain array: allocating a typed array costs more than filling this one.
  const blank: number[] = [];
  let spaceOnly = 0;
  let textLines = 0;
  let textFollowedByEmpty = 0;
  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i];
    if (end === start) {
      blank.push(1);
    } else if (trimStartIndex(doc.text, start, end) === end) {
      blank.push(2);
      spaceOnly++;
    } else {
      blank.push(0);
      textLines++;
      if (i + 1 < lines.length && lines[i + 1].end === lines[i + 1].start) textFollowedByEmpty++;
    }
  }
  let style: BreakStyle;
  if (spaceOnly >= 2) style = 'space-only';
  else if (textLines >= 8 && textFollowedByEmpty >= textLines * 0.7) style = 'double-spaced';
  else style = 'plain';

  const isBlank = (line: number) => line >= 0 && line < lines.length && blank[line] !== 0;
  let isBreak: (line: number) => boolean;
  if (style === 'space-only')
    // A page break leaves one empty line, even inside a title; two or more in a row separate paragraphs.
    isBreak = (line) =>
      line >= 0 &&
      line < lines.length &&
      (blank[line] === 2 || (blank[line] === 1 && ((line > 0 && blank[line - 1] === 1) || (line + 1 < lines.length && blank[line + 1] === 1))));
  else if (style === 'double-spaced')
    isBreak = (line) => isBlank(line) && (isBlank(line - 1) || isBlank(line + 1));
  else isBreak = isBlank;
  return { style, isBlank, isBreak };
}
