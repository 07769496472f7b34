// Switches plain-text documents that are IMR letters (text extracted from the PDFs) to the imr language.
import * as vscode from 'vscode';
import { hasLetterMarkers, linesLooked } from './letterMarkers';
import { pdfScheme } from './pdfLetters';

function headOf(document: vscode.TextDocument): string {
  const last = Math.min(document.lineCount, linesLooked) - 1;
  return document.getText(new vscode.Range(0, 0, last, document.lineAt(last).text.length));
}

/** Documents switched once: if one comes back as plain text, the user chose that and it stays. */
const switched = new Set<string>();

async function detect(document: vscode.TextDocument): Promise<void> {
  // A PDF's text opened by its URI (a workspace symbol or a reference in a PDF, a restored window) is a letter.
  if (document.uri.scheme === pdfScheme && document.languageId === 'plaintext') {
    await vscode.languages.setTextDocumentLanguage(document, 'imr');
    return;
  }
  if (document.languageId !== 'plaintext' || document.lineCount === 0) return;
  if (switched.has(document.uri.toString())) return;
  if (!vscode.workspace.getConfiguration('imr', document).get<boolean>('detectInTextFiles', true)) return;
  if (!hasLetterMarkers(headOf(document))) return;
  switched.add(document.uri.toString());
  await vscode.languages.setTextDocumentLanguage(document, 'imr');
}

export function registerLanguageDetection(context: vscode.ExtensionContext): void {
  const run = (d: vscode.TextDocument) =>
    void detect(d).catch(() => {
      // The document was closed before it could be switched: nothing to do.
    });
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(run),
    // A language change closes and reopens the document at once; a document still gone a moment later was
    // really closed, and is detected afresh when it is opened again.
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      if (!switched.has(key)) return;
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((t) => t.uri.toString() === key)) switched.delete(key);
      }, 500);
    }),
  );
  for (const d of vscode.workspace.textDocuments) run(d);
}
