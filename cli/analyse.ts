// The work done for one file, in a worker or in the main thread: read, parse, then lint or tabulate. Synchronous for
// a text letter; a PDF waits for its text.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { folderLetterOf, lintLetter, parseLetter } from '../core';
import type { LetterModel } from '../core/model';
import { folderRows } from '../core/summary/folderRows';
import type { StatsRow } from '../core/summary/folderStats';
import { summarizeLetter } from '../core/summary/letterSummary';
import { letterKey } from '../core/summary/copies';
import { readLetterFile } from './readLetter';
import type { ReadResult } from './readLetter';
import { stdinName, stdinUri, type Severity } from './args';
import { tableRows } from './table';
import type { TableColumn, TableRow } from './table';

export type Task = 'lint' | 'table' | 'summary';

export type Outcome =
  | { kind: 'lint'; diagnostics: Diagnostic[] }
  | { kind: 'table'; rows: TableRow[] }
  /** `key`: what makes two files the same letter (core/summary/copies.ts), so that a copy counts once. */
  | { kind: 'summary'; rows: StatsRow[]; key: string }
  | { kind: 'not-letter' }
  | { kind: 'bad'; reason: string };

/** What a run asks of each file beside its task: the rules (per file, from its configuration) and the table's columns. */
export interface AnalyseOptions {
  rules: Record<string, Severity>;
  columns?: readonly TableColumn[];
}

export function analyse(task: Task, file: string, options: AnalyseOptions): Outcome | Promise<Outcome> {
  const read = readLetterFile(file);
  if (read instanceof Promise) return read.then((r) => analyseRead(task, file, r, options));
  return analyseRead(task, file, read, options);
}

function analyseRead(task: Task, file: string, read: ReadResult, options: AnalyseOptions): Outcome {
  if (!read.ok) return { kind: 'bad', reason: read.reason };
  return analyseText(task, file, read.text, options);
}

/** The same, for a letter already read (standard input). */
export function analyseText(task: Task, file: string, text: string, { rules, columns }: AnalyseOptions): Outcome {
  try {
    const model = parseLetter(text);
    if (!model.isLetter) return { kind: 'not-letter' };
    if (task === 'table') return { kind: 'table', rows: tableRows(file, model, columns, { text, rules }) };
    if (task === 'summary') return { kind: 'summary', ...statsRows(file, model, rules) };
    return { kind: 'lint', diagnostics: lintLetter(model, { rules, text, uri: () => fileUri(file) }) };
  } catch (e) {
    // The parser and the rules promise never to throw; if one does, lose this file, not the run.
    return { kind: 'bad', reason: `internal error, please report it: ${(e as Error)?.stack ?? String(e)}`.split('\n')[0] };
  }
}

/** A file's URI, for its diagnostics' related places (standard input has none on disk: an untitled URI). */
function fileUri(file: string): string {
  return file === stdinName ? stdinUri : pathToFileURL(path.resolve(file)).href;
}

/** What the folder summary counts of each item: the folder panel's rows (core/summary/), cut to the breakdowns' fields. */
function statsRows(file: string, model: LetterModel, rules: Record<string, Severity>): { rows: StatsRow[]; key: string } {
  const summary = summarizeLetter(folderLetterOf(model), file, file);
  const rows = folderRows([summary]).map(({ decision, guidelineBasis, claimsBasis, sections, grounds, checks, specialty, year, turnaround, service, serviceKind, surgery }) => ({
    decision,
    guidelineBasis,
    claimsBasis,
    sections,
    grounds,
    // The rules the file's configuration turns off are not counted.
    checks: checks.filter((id) => rules[id] !== 'off'),
    specialty,
    year,
    turnaround,
    service,
    ...(serviceKind !== undefined ? { serviceKind } : {}),
    ...(surgery ? { surgery } : {}),
  }));
  return { rows, key: letterKey(summary) };
}
