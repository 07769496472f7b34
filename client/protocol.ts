// The custom requests and notifications between this client and the language server (names and shapes).
import type { ItemContext } from '../core/features/itemContext';
import type { FolderCheckResult, FolderLetter, LetterModel } from '../core/model';

/** Request `imr/letter`: the server's current model of an open document, or null when it has none. */
export const letterRequest = 'imr/letter';
export interface LetterParams {
  uri: string;
}
export type LetterResult = LetterModel | null;

/**
 * Notification `imr/letterChanged`: the server reparsed a document. Sent only to a client that asks for it at
 * initialize (`initializationOptions: { letterChanged: true }`, as createLanguageClient does).
 */
export const letterChangedNotification = 'imr/letterChanged';
export interface LetterChangedParams {
  uri: string;
  version: number;
}

/** Request `imr/folderSummary`: the letters of a folder (recursively), each with what the summary shows of it. */
export const folderSummaryRequest = 'imr/folderSummary';
export interface FolderSummaryParams {
  folderUri: string;
  /** LSP work-done progress: the server reports "3,000 of 10,000 files" under this token. */
  workDoneToken?: string;
}
export interface FolderSummaryResult {
  letters: { uri: string; letter: FolderLetter }[];
}

/** Request `imr/pdfText`: the text of a letter's PDF (a file URI), as the CLI's `imr-letters text` prints it. */
export const pdfTextRequest = 'imr/pdfText';
export interface PdfTextParams {
  uri: string;
}
export type PdfTextResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Request `imr/checkFolder`: lints every letter of a folder (recursively, PDFs included) and publishes each one's
 * diagnostics, so that the Problems view lists the folder; answers with what it found (null: not a local folder).
 */
export const checkFolderRequest = 'imr/checkFolder';
export interface CheckFolderParams {
  folderUri: string;
  /** LSP work-done progress: the server reports "3,000 of 10,000 files" under this token. */
  workDoneToken?: string;
}
export type CheckFolderResult = FolderCheckResult | null;

/**
 * Request `imr/itemContext`: for each item of an open letter, the guideline sections its reviewer's citations resolve
 * to (or the MTUS section on its service that the reviewer did not cite), and how the workspace's other items for the
 * same service were decided (null: no such letter open).
 */
export const itemContextRequest = 'imr/itemContext';
export interface ItemContextParams {
  uri: string;
}
/** `pending`: no reading of the folder was complete yet, so no precedents: ask again. */
export type ItemContextResult = { version: number; items: ItemContext[]; unreadPdfs: number; pending?: boolean } | null;
