// Seeds as an OCR engine writes them, for the tests of OCR'd letters: the OCR text of real letters stays out of the
// repository, so each pattern an audit of OCR'd letters found is rebuilt here on a seed or a short synthetic letter.
import { readSeed } from '../lsp/mutants';

/**
 * A seed (a pypdf extract: an empty line after every line, paragraphs separated by a line of spaces) as tesseract
 * writes a page: no white space at a line's end, one empty line between paragraphs, and none inside them.
 */
export function asTesseract(seed: string): string {
  return seed
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Seed 001 (one item, "12 Physical Therapy Treatments for The Lumbar Spine: Upheld") as tesseract writes it. */
export function tesseractSeed(name?: string): string {
  return asTesseract(readSeed(name));
}
