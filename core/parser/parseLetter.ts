// Parses the text of an IMR letter into the letter model. Never throws.
import type { LetterModel } from '../model';
import { LineIndex } from '../text/lines';

export function parseLetter(text: string): LetterModel {
  const doc = new LineIndex(text);
  return { isLetter: false, template: 'unknown', lineCount: doc.lineCount, sections: [], patient: {}, items: [], problems: [] };
}
