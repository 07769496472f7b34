// Finds the section headings of a letter, in the current template and its older equivalents.
import type { Section, SectionKind } from '../model';
import { trimStartIndex } from '../text/chars';
import type { LineIndex } from '../text/lines';
import { ocrFold, ocrFoldCode } from '../text/ocrFold';

const HEADINGS: { kind: SectionKind; pattern: RegExp }[] = [
  { kind: 'how-made', pattern: /^HOW THE IMR FINAL DETERMINATION WAS MADE$/i },
  { kind: 'clinical-summary', pattern: /^CLINICAL CASE SUMMARY$/i },
  { kind: 'issues', pattern: /^IMR ISSUES,? DECISIONS,? AND RATIONALES$/i },
  { kind: 'issues', pattern: /^(?:IMR|INDEPENDENT MEDICAL REVIEW) DECISIONS?(?:\(S\))? AND RATIONALES?(?:\(S\))?$/i },
  { kind: 'documents-reviewed', pattern: /^DOCUMENTS REVIEWED:?$/i },
];

// The headings as letters usually write them, looked up whole before any expression is tried: a heading
// line is found on every letter, and a map lookup costs a fraction of the expressions below. Each kind
// comes from the expressions themselves, so the two can never disagree.
const COMMON_HEADINGS = new Map<string, SectionKind | undefined>(
  [
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'CLINICAL CASE SUMMARY',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'IMR ISSUES, DECISIONS, AND RATIONALES',
    'IMR DECISION(S) AND RATIONALE(S)',
    'DOCUMENTS REVIEWED',
    'DOCUMENTS REVIEWED:',
  ].map((heading) => [heading, matchHeading(heading)]),
);

// The same headings as OCR may misread them ("IMR ISSUES, DEC1SIONS AND RATIONALES", "CLlNICAL CASE SUMMARY"): a
// heading whose words fold to exactly one of these (core/text/ocrFold.ts).
const FOLDED_HEADINGS = new Map<string, SectionKind | undefined>([...COMMON_HEADINGS].map(([heading, kind]) => [ocrFold(heading), kind]));

export function headingKind(trimmedLine: string): SectionKind | undefined {
  // Headings are short lines; testing the length first keeps this cheap on every line of a letter.
  if (trimmedLine.length < 14 || trimmedLine.length > 60) return undefined;
  // Every heading opens with HOW, CLI(NICAL), IMR, IND(EPENDENT) or DOC(UMENTS), in any case (folded as OCR's misreadings).
  const opening = (ocrFoldCode(trimmedLine.charCodeAt(0)) << 16) | (ocrFoldCode(trimmedLine.charCodeAt(1)) << 8) | ocrFoldCode(trimmedLine.charCodeAt(2));
  if (!HEADING_OPENINGS.has(opening)) return undefined;
  const common = COMMON_HEADINGS.get(trimmedLine);
  if (common) return common;
  const normalised = trimmedLine.replace(/\s+/g, ' ');
  return matchHeading(normalised) ?? FOLDED_HEADINGS.get(ocrFold(normalised));
}

const HEADING_OPENINGS = new Set(
  ['how', 'cli', 'imr', 'ind', 'doc'].map((w) => (ocrFoldCode(w.charCodeAt(0)) << 16) | (ocrFoldCode(w.charCodeAt(1)) << 8) | ocrFoldCode(w.charCodeAt(2))),
);

function matchHeading(normalised: string): SectionKind | undefined {
  for (const h of HEADINGS) if (h.pattern.test(normalised)) return h.kind;
  return undefined;
}

/** The sections in document order; each ends at the last non-blank character before the next heading. */
export function findSections(doc: LineIndex): Section[] {
  const found: { kind: SectionKind; line: number }[] = [];
  const text = doc.text;
  for (const line of doc.lines) {
    // Headings are upper case: a cheap look at the first two letters skips almost every line. (Past a line's
    // end is its line break or nothing, neither a letter.)
    const at = trimStartIndex(text, line.start, line.end);
    // (The length first: the two reads after it then stay inside the line.)
    if (line.end - at < 14) continue;
    const first = text.charCodeAt(at);
    const second = text.charCodeAt(at + 1);
    // (An "I" that OCR read as "l", "1" or "|" opens a heading too: "lMR ISSUES".)
    const misreadI = first === 108 || first === 49 || first === 124;
    if (!((first >= 65 && first <= 90) || misreadI) || !(second >= 65 && second <= 90)) continue;
    // Every heading starts with H(OW), C(LINICAL), I(MR / NDEPENDENT) or D(OCUMENTS).
    if (first !== 72 && first !== 67 && first !== 73 && first !== 68 && !misreadI) continue;
    const kind = headingKind(line.text.trim());
    // A heading repeated later (a quoted template) keeps the first occurrence.
    if (kind && !found.some((f) => f.kind === kind)) found.push({ kind, line: line.index });
  }
  return found.map((f, i) => {
    const headingRange = doc.trimmedLineRange(f.line);
    const nextLine = i + 1 < found.length ? found[i + 1].line : doc.lineCount;
    const end = lastTextEnd(doc, f.line, nextLine);
    return {
      kind: f.kind,
      heading: doc.lines[f.line].text.trim(),
      headingRange,
      range: { start: headingRange.start, end },
    };
  });
}

/** The position after the last non-blank character on lines [from, to). */
export function lastTextEnd(doc: LineIndex, from: number, to: number) {
  for (let l = Math.min(to, doc.lineCount) - 1; l >= from; l--) {
    const r = doc.trimmedLineRange(l);
    if (r.end.character > r.start.character) return r.end;
  }
  return doc.trimmedLineRange(from).end;
}
