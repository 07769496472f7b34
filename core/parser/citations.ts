// Reads the guideline citations and the basis statements out of a guideline paragraph's text.
import type { CitationStatement, GuidelineCitation } from '../model';
import type { LineIndex } from '../text/lines';

export interface ParsedCitations {
  citations: GuidelineCitation[];
  statements: CitationStatement[];
}

/**
 * Parses the text of a `Claims Administrator guideline:` or `MAXIMUS guideline:` paragraph,
 * which lies in `doc.text` between `start` and `end` (offsets, after the label). The text may
 * wrap over several lines, with blank lines between them (double-spaced letters). Never throws.
 */
export function parseCitations(doc: LineIndex, start: number, end: number): ParsedCitations {
  void doc;
  void start;
  void end;
  return { citations: [], statements: [] };
}
