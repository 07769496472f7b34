// Letters published as PDFs, opened as letters: "IMR: Open PDF as Letter" asks the server for the PDF's text
// (imr/pdfText; the server runs pdf.js, the client does not) and shows it as a read-only document in the imr
// language, under the imr-pdf scheme, with every feature of a letter. "Save as Text Letter" writes it to a .txt.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { fileName } from '../core/summary/folderRows';
import type { PdfTextParams, PdfTextResult } from './protocol';
import { pdfTextRequest } from './protocol';

/** The scheme of a PDF's text: `imr-pdf:/path/letter.pdf` stands for the text of `file:///path/letter.pdf`. */
export const pdfScheme = 'imr-pdf';

export function pdfTextUri(pdf: vscode.Uri): vscode.Uri {
  return pdf.with({ scheme: pdfScheme });
}

/** Whether a URI names a PDF on this machine (by its name: the server's index and the explorer go by it too). */
export function isPdfUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && /\.pdf$/i.test(uri.path);
}

export function pdfOf(textUri: vscode.Uri): vscode.Uri {
  return textUri.with({ scheme: 'file' });
}

export class PdfLetters implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: () => Promise<void>,
  ) {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(pdfScheme, this),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === pdfScheme) this.texts.delete(d.uri.toString());
      }),
    );
  }

  /** The text of a PDF, or why there is none. */
  async read(pdf: vscode.Uri): Promise<PdfTextResult> {
    if (pdf.scheme !== 'file') return { ok: false, reason: 'only PDFs on this machine can be read' };
    await this.ready();
    const params: PdfTextParams = { uri: pdf.toString() };
    return this.client.sendRequest<PdfTextResult>(pdfTextRequest, params);
  }

  /**
   * Opens a PDF's text as a letter; shows why when it has none. Returns the document, if one was opened (the
   * caller may show it elsewhere or with a selection).
   */
  async open(pdf: vscode.Uri, show = true): Promise<vscode.TextDocument | undefined> {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Reading ${fileName(pdf.toString())}` },
      () => this.read(pdf),
    );
    if (!result.ok) {
      void vscode.window.showErrorMessage(`IMR: cannot open ${fileName(pdf.toString())} as a letter: ${result.reason}.`);
      return undefined;
    }
    const uri = pdfTextUri(pdf);
    const key = uri.toString();
    const before = this.texts.get(key);
    this.texts.set(key, result.text);
    // Open already (the PDF read again after a change): its document takes the new text.
    if (before !== undefined && before !== result.text) this.changed.fire(uri);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'imr') doc = await vscode.languages.setTextDocumentLanguage(doc, 'imr');
    if (show) await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  }

  provideTextDocumentContent(uri: vscode.Uri): string | Thenable<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    // Restored with the window, or opened by URI: read the PDF now.
    return this.read(pdfOf(uri)).then((r) => {
      const text = r.ok ? r.text : `This PDF could not be read: ${r.reason}.\n`;
      if (r.ok) this.texts.set(uri.toString(), text);
      return text;
    });
  }

  /** Writes a PDF's text beside it (or where the user chooses) as a .txt letter, and opens that. */
  async saveAsText(textUri: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === textUri.toString());
    const text = doc?.getText() ?? this.texts.get(textUri.toString());
    if (text === undefined) return undefined;
    const pdf = pdfOf(textUri);
    const chosen =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: pdf.with({ path: pdf.path.replace(/\.pdf$/i, '') + '.txt' }),
        filters: { 'Text letters': ['txt'] },
        saveLabel: 'Save as Text Letter',
      }));
    if (!chosen) return undefined;
    await vscode.workspace.fs.writeFile(chosen, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(chosen), { preview: false });
    return chosen;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
