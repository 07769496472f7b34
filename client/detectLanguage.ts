// Switches plain-text documents that are IMR letters (text extracted from the PDFs) to the imr language.
import * as vscode from 'vscode';

/** How many lines from the top are looked at: the markers sit within the first ten in every known letter. */
const linesLooked = 60;

const markers: readonly RegExp[] = [
  /HOW THE IMR FINAL DETERMINATION WAS MADE/,
  /Case Number:\s*CM\d/,
  /IMR ISSUES, DECISIONS AND RATIONALES/,
  /Notice of Independent Medical Review Determination/i,
];

/** Whether the first lines of a text hold one of the markers of an IMR letter. */
export function hasLetterMarkers(text: string): boolean {
  const head = text.split(/\r?\n/, linesLooked).join('\n');
  return markers.some((m) => m.test(head));
}

function headOf(document: vscode.TextDocument): string {
  const last = Math.min(document.lineCount, linesLooked) - 1;
  return document.getText(new vscode.Range(0, 0, last, document.lineAt(last).text.length));
}

/** Documents switched once: if one comes back as plain text, the user chose that and it stays. */
const switched = new Set<string>();

async function detect(document: vscode.TextDocument): Promise<void> {
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
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(run));
  for (const d of vscode.workspace.textDocuments) run(d);
}
