// "IMR: Check Letters in Folder": the server lints every letter of a folder and publishes their diagnostics, so that
// the Problems view lists the whole folder, open or not (as ESLint's and markdownlint's workspace checks do).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import type { FolderCheckResult } from '../core/model';
import { fileName } from '../core/summary/folderRows';
import { checkFolderRequest, type CheckFolderParams, type CheckFolderResult } from './protocol';

let progressTokens = 0;

/** Checks a folder under a cancellable notification; undefined when cancelled or not a local folder. */
export async function checkFolder(client: LanguageClient, ready: () => Promise<void>, folder: vscode.Uri): Promise<FolderCheckResult | undefined> {
  await ready();
  const name = fileName(folder.toString());
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking the letters of ${name}`, cancellable: true },
    async (progress, token) => {
      const workDoneToken = `imr/checkFolder/${++progressTokens}`;
      let done = 0;
      const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
        if (p.kind !== 'report') return;
        const percentage = p.percentage ?? done;
        progress.report({ message: p.message, increment: percentage - done });
        done = percentage;
      });
      try {
        const params: CheckFolderParams = { folderUri: folder.toString(), workDoneToken };
        return (await client.sendRequest<CheckFolderResult>(checkFolderRequest, params, token)) ?? undefined;
      } catch (e) {
        if (token.isCancellationRequested) return undefined;
        throw e;
      } finally {
        listening.dispose();
      }
    },
  );
}
