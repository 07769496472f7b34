// The text a range covers, read with vscode-languageserver-textdocument: an oracle for our own range arithmetic.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';

export function textAt(text: string, range: Range): string {
  return TextDocument.create('file:///oracle.txt', 'imr', 1, text).getText(range);
}
