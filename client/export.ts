// IMR: Export Decision Table: writes the table as CSV, JSON or Markdown where the user chooses.
import * as vscode from 'vscode';
import type { ExportFormat } from './exportFormats';
import { exportExtensions, formatExport, isExportFormat } from './exportFormats';
import { pdfOf, pdfScheme } from './pdfLetters';
import type { LetterSummary } from '../core/summary/letterSummary';

const formatPicks: { label: string; format: ExportFormat }[] = [
  { label: 'CSV', format: 'csv' },
  { label: 'JSON', format: 'json' },
  { label: 'Markdown', format: 'markdown' },
];

/**
 * Asks for the format (unless given) and the file (unless `target` is given, as tests do), then writes it.
 * Returns the file written, or undefined when the user cancelled.
 */
export async function exportSummaries(
  summaries: readonly LetterSummary[],
  /** The folder the save dialog proposes. */
  folder: vscode.Uri,
  baseName: string,
  format?: unknown,
  target?: unknown,
): Promise<vscode.Uri | undefined> {
  let chosen: ExportFormat | undefined = isExportFormat(format) ? format : undefined;
  if (!chosen) chosen = (await vscode.window.showQuickPick(formatPicks, { placeHolder: 'Export the decision table as' }))?.format;
  if (!chosen) return undefined;
  const extension = exportExtensions[chosen];
  let file = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : undefined;
  if (!file) {
    file = await vscode.window.showSaveDialog({
      // Beside the letter on disk: a PDF's text (imr-pdf:) is no folder to save in.
      defaultUri: vscode.Uri.joinPath(folder.scheme === pdfScheme ? pdfOf(folder) : folder, `${baseName}.items.${extension}`),
      filters: { [formatPicks.find((p) => p.format === chosen)!.label]: [extension] },
      saveLabel: 'Export',
    });
  }
  if (!file) return undefined;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(formatExport(chosen, summaries)));
  // A notification, not a status bar message: a screen reader announces it, and it offers the file.
  const exported = file;
  void vscode.window.showInformationMessage(`Exported ${vscode.workspace.asRelativePath(file)}`, 'Open').then((choice) => {
    if (choice) void vscode.window.showTextDocument(exported);
  });
  return file;
}
