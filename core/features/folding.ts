// Folding ranges: the header, each section, each disputed item and each multi-line paragraph.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Range } from '../model';
import type { LetterDocument } from './letterDocument';

export function getFoldingRanges(doc: LetterDocument): FoldingRange[] {
  const { model } = doc;
  const seen = new Set<string>();
  const folds: FoldingRange[] = [];
  const add = (range: Range, kind?: FoldingRangeKind) => {
    let end = range.end.line;
    // A range ending at column 0 does not really cover that line.
    if (range.end.character === 0 && end > range.start.line) end--;
    const key = `${range.start.line}:${end}`;
    if (end <= range.start.line || seen.has(key)) return;
    seen.add(key);
    folds.push(kind ? { startLine: range.start.line, endLine: end, kind } : { startLine: range.start.line, endLine: end });
  };
  if (model.header) add(model.header.range, FoldingRangeKind.Region);
  for (const s of model.sections) add(s.range, FoldingRangeKind.Region);
  for (const item of model.items) {
    add(item.range, FoldingRangeKind.Region);
    for (const p of [item.claimsAdministratorGuideline, item.maximusGuideline, item.rationale]) {
      if (p) add(p.range);
    }
  }
  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
