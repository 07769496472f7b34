// The imr-letters command line: parse, lint and tabulate letters. Also the entry of its worker threads.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseLetter } from '../core';
import { allRules } from '../core/rules';
import type { StatsRow } from '../core/summary/folderStats';
import { countsBefore, type Copy } from '../core/summary/copies';
import { analyseText } from './analyse';
import type { Task } from './analyse';
import { parseArgs, stdinName, stdinPath, UsageError, usage } from './args';
import type { Request } from './args';
import { ConfigError, ConfigResolver } from './config';
import { formatCommand } from './format';
import { githubReporter, jsonReporter, sarifReporter, textReporter } from './formats/lintReporters';
import type { LintReporter, LintSummary, RuleInfo } from './formats/lintReporters';
import { printable } from './formats/printable';
import { plural } from './formats/plural';
import { summaryJson, summaryMarkdown, summaryReport } from './formats/summaryReport';
import { severityName } from './formats/severity';
import { csvWriter, jsonTableWriter } from './formats/tableWriters';
import { tableColumns } from './table';
import type { TableColumn } from './table';
import { Output } from './output';
import { batchV8Flags } from './runtime';
import { runPipeline } from './pipeline';
import type { FileResult } from './pipeline';
import { readLetterFile, readLetterStream } from './readLetter';
import { noLettersMessage } from './discover';
import type { ReadResult } from './readLetter';
import { isPipelineWorker, runWorker } from './worker';

/** Messages for the user go to stderr, one line each, after clearing any progress line. */
class Messages {
  private progressShown = false;
  private lastProgress = 0;
  constructor(
    private readonly showProgress: boolean,
    private readonly stdoutIsTerminal = false,
  ) {}

  /** Before output on stdout: on the same terminal, it would otherwise start after the progress line. */
  beforeOutput(): void {
    if (this.stdoutIsTerminal) this.clearProgress();
  }

  report(file: string, reason: string): void {
    this.clearProgress();
    process.stderr.write(`imr-letters: ${printable(file)}: ${printable(reason)}\n`);
  }

  warn(message: string): void {
    this.clearProgress();
    process.stderr.write(`imr-letters: ${printable(message)}\n`);
  }

  progress(done: number): void {
    if (!this.showProgress) return;
    const now = Date.now();
    if (now - this.lastProgress < 100) return;
    this.lastProgress = now;
    process.stderr.write(`\rimr-letters: ${plural(done, 'file')} read`);
    this.progressShown = true;
  }

  clearProgress(): void {
    if (!this.progressShown) return;
    process.stderr.write('\r\x1b[K');
    this.progressShown = false;
  }
}

/**
 * The exit status of what the run has found so far, which it exits with when the reader of its output goes away
 * (`lint . | head -1`): the errors found before the pipe closed fail the run still. Each command sets it.
 */
let statusSoFar: () => number = () => 0;

function packageVersion(): string {
  // dist/cli.js sits one folder below package.json; compiled tests sit deeper, so look upward.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const p = path.join(dir, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'imr-letters' && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

function ruleInfos(): RuleInfo[] {
  return allRules.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, description: r.description, docsUrl: r.docsUrl }));
}

export async function main(argv: readonly string[]): Promise<number> {
  let request: Request;
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === 'help') {
      process.stdout.write(usage);
      return 0;
    }
    if (parsed.kind === 'version') {
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    request = parsed.request;
    const known = new Set(allRules.map((r) => r.id));
    for (const id of Object.keys(request.rules)) {
      if (known.size > 0 && !known.has(id)) throw new UsageError(`--rule: unknown rule '${id}' (see imr-letters rules)`);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`imr-letters: ${e.message}\nRun 'imr-letters --help' for usage.\n`);
    return 2;
  }
  const progress = process.stderr.isTTY === true && request.command !== 'parse' && request.command !== 'text' && request.command !== 'format';
  const messages = new Messages(progress, process.stdout.isTTY === true);
  try {
    switch (request.command) {
      case 'parse':
        return await parseCommand(request.paths[0], messages);
      case 'text':
        return await textCommand(request.paths[0], messages);
      case 'format':
        return await formatCommand(request, messages, () => readStdin(messages), (status) => (statusSoFar = status));
      case 'rules':
        return rulesCommand(request);
      case 'lint':
        return await lintCommand(request, messages);
      case 'table':
        return await tableCommand(request, messages);
      case 'summary':
        return await summaryCommand(request, messages);
    }
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    messages.report(e.file, e.message);
    return 2;
  } finally {
    messages.clearProgress();
  }
}

async function parseCommand(input: string, messages: Messages): Promise<number> {
  const fromStdin = input === stdinPath;
  const file = fromStdin ? stdinName : input;
  const read = fromStdin ? await readStdin(messages) : await readLetterFile(input);
  if (!read.ok) {
    messages.report(file, read.reason);
    return 1;
  }
  process.stdout.write(JSON.stringify({ file, ...parseLetter(read.text) }, null, 2) + '\n');
  return 0;
}

/** The text the other commands read from a file: for a PDF, its extracted text; else the file decoded. */
async function textCommand(input: string, messages: Messages): Promise<number> {
  const fromStdin = input === stdinPath;
  const read = fromStdin ? await readStdin(messages) : await readLetterFile(input);
  if (!read.ok) {
    messages.report(fromStdin ? stdinName : input, read.reason);
    return 1;
  }
  process.stdout.write(read.text.endsWith('\n') ? read.text : read.text + '\n');
  return 0;
}

/** One letter from standard input; a terminal is told how to end it. */
function readStdin(messages: Messages): Promise<ReadResult> {
  if (process.stdin.isTTY) messages.warn('reading a letter from standard input (end it with Ctrl-D)');
  return readLetterStream(process.stdin);
}

function rulesCommand(request: Request): number {
  const rules = ruleInfos();
  if (request.format === 'json') {
    process.stdout.write(JSON.stringify(rules, null, 2) + '\n');
  } else {
    const width = Math.max(0, ...rules.map((r) => r.id.length));
    for (const r of rules) process.stdout.write(`${r.id.padEnd(width)}  ${r.defaultSeverity.padEnd(11)}  ${r.description}\n`);
  }
  return 0;
}

/** What both lint and table do with files that yield no letter: say why, and count them. */
function unusable(result: FileResult, messages: Messages): boolean {
  const { outcome } = result;
  if (outcome.kind === 'bad') {
    messages.report(result.file, outcome.reason);
    return true;
  }
  if (outcome.kind === 'not-letter' && result.explicit) {
    messages.report(result.file, 'not an IMR letter (none of its headings or fields were recognised); skipped');
    return true;
  }
  return false;
}

/**
 * A run that met no letter and no file to report (an empty folder, a mistyped one, dist/) says so and fails with
 * 2, as ESLint's "no files matched": a CI job pointed at the wrong folder must not pass. Bad files say why already.
 */
function noLettersFound(request: Request, messages: Messages): number {
  messages.warn(noLettersMessage(request.paths));
  return 2;
}

function resolverFor(request: Request, messages: Messages): ConfigResolver {
  return new ConfigResolver(request.rules, request.useConfig, new Set(allRules.map((r) => r.id)), (m) => messages.warn(m));
}

async function lintCommand(request: Request, messages: Messages): Promise<number> {
  const reporter: LintReporter =
    request.format === 'json'
      ? jsonReporter()
      : request.format === 'sarif'
        ? sarifReporter({ version: packageVersion(), rules: ruleInfos(), cwd: process.cwd() })
        : request.format === 'github'
          ? githubReporter({ cwd: process.cwd() })
          : textReporter();
  const summary: LintSummary = { letters: 0, counts: { error: 0, warning: 0, information: 0, hint: 0 }, badFiles: 0 };
  const tooManyWarnings = () => request.maxWarnings !== undefined && summary.counts.warning > request.maxWarnings;
  statusSoFar = () => (summary.counts.error > 0 || summary.badFiles > 0 || tooManyWarnings() ? 1 : 0);
  await streamResults(request, messages, {
    task: 'lint',
    resolver: resolverFor(request, messages),
    start: reporter.start(),
    write: (result) => {
      if (unusable(result, messages)) summary.badFiles++;
      if (result.outcome.kind !== 'lint') return '';
      const diagnostics: Diagnostic[] = result.outcome.diagnostics;
      summary.letters++;
      for (const d of diagnostics) summary.counts[severityName(d)]++;
      return reporter.letter(result.file, diagnostics);
    },
    end: () => reporter.end(summary),
  });
  if (summary.letters === 0 && summary.badFiles === 0) return noLettersFound(request, messages);
  if (tooManyWarnings()) messages.warn(`${plural(summary.counts.warning, 'warning')}, more than --max-warnings ${request.maxWarnings}`);
  return statusSoFar();
}

async function tableCommand(request: Request, messages: Messages): Promise<number> {
  const columns = request.columns ?? tableColumns;
  const writer = request.format === 'json' ? jsonTableWriter() : csvWriter(columns, { bom: request.bom });
  let badFiles = 0;
  let letters = 0;
  statusSoFar = () => (badFiles > 0 ? 1 : 0);
  await streamResults(request, messages, {
    task: 'table',
    columns,
    // The column checks follows the rules' severities as lint does; the other columns need no configuration.
    resolver: resolverFor(columns.includes('checks') ? request : { ...request, useConfig: false }, messages),
    start: writer.start(),
    write: (result) => {
      if (unusable(result, messages)) badFiles++;
      if (result.outcome.kind !== 'table') return '';
      letters++;
      return writer.rows(result.outcome.rows);
    },
    end: () => writer.end(),
  });
  if (letters === 0 && badFiles === 0) return noLettersFound(request, messages);
  return statusSoFar();
}

/** The folder summary's counts over every letter found, written once all are read. */
async function summaryCommand(request: Request, messages: Messages): Promise<number> {
  let badFiles = 0;
  statusSoFar = () => (badFiles > 0 ? 1 : 0);
  let letters = 0;
  // Each letter's file and rows, in the order first met: a copy (its PDF and its text, say) is named, not counted,
  // and a text file is counted rather than its PDF, as in the editor's folder summary (core/summary/copies.ts).
  const counted = new Map<string, { file: string; rows: StatsRow[] }>();
  let copies: Copy[] = [];
  await streamResults(request, messages, {
    task: 'summary',
    // The breakdown of the checks leaves out the rules the configuration turns off.
    resolver: resolverFor(request, messages),
    start: '',
    write: (result) => {
      if (unusable(result, messages)) badFiles++;
      if (result.outcome.kind === 'summary') {
        const { key, rows } = result.outcome;
        const first = counted.get(key);
        if (first === undefined) {
          counted.set(key, { file: result.file, rows });
          letters++;
        } else if (countsBefore(result.file, first.file)) {
          copies = copies.map((c) => (c.of === first.file ? { ...c, of: result.file } : c));
          copies.push({ name: first.file, of: result.file });
          counted.set(key, { file: result.file, rows });
        } else copies.push({ name: result.file, of: first.file });
      }
      return '';
    },
    end: () => {
      const report = summaryReport(letters, [...counted.values()].flatMap((c) => c.rows), copies);
      return request.format === 'json' ? summaryJson(report) : summaryMarkdown(report);
    },
  });
  if (letters === 0 && badFiles === 0) return noLettersFound(request, messages);
  return statusSoFar();
}

/**
 * Runs lint, table or summary over the request's paths, writing `start`, then each file's text in input order as it
 * arrives (waiting for a slow reader), then `end`; progress goes to stderr after each group of files.
 */
async function streamResults(
  request: Request,
  messages: Messages,
  run: {
    task: Task;
    columns?: readonly TableColumn[];
    resolver: ConfigResolver;
    start: string;
    write: (result: FileResult) => string;
    end: () => string;
  },
): Promise<void> {
  const out = new Output(process.stdout, undefined, () => messages.beforeOutput());
  out.write(run.start);
  if (request.paths[0] === stdinPath) {
    // One letter, already in memory: no walk, no workers. Its configuration is the working folder's.
    const read = await readStdin(messages);
    const { rules } = run.resolver.rulesForFile(stdinName);
    const outcome = read.ok ? analyseText(run.task, stdinName, read.text, { rules, columns: run.columns }) : { kind: 'bad' as const, reason: read.reason };
    out.write(run.write({ file: stdinName, explicit: true, outcome }));
  } else {
    await runPipeline({
      task: run.task,
      columns: run.columns,
      inputs: request.paths,
      jobs: request.jobs,
      autoJobs: request.autoJobs,
      resolver: run.resolver,
      workerScript: __filename,
      deliver: async (result) => {
        out.write(run.write(result));
        await out.flushIfFull();
      },
      afterDeliveries: async (n) => {
        messages.progress(n);
        await out.flushIfDue();
      },
    });
  }
  messages.clearProgress();
  out.write(run.end());
  await out.flush();
}

/** "no space left on device" of "ENOSPC: no space left on device, write"; the code when there is no such text. */
function writeErrorReason(e: NodeJS.ErrnoException): string {
  return /^[A-Z0-9_]+: ([^,]+)/.exec(e.message)?.[1] ?? e.code ?? String(e);
}

if (!isMainThread && isPipelineWorker(workerData)) {
  runWorker();
} else if (require.main === module) {
  // V8's flags are the process's: set before the first worker starts, they hold in the workers too. A Node that
  // refuses them (one that freezes V8's flags) runs with its defaults.
  const v8Flags = batchV8Flags(process.versions.node, process.execArgv, process.env.NODE_OPTIONS);
  try {
    if (v8Flags) setFlagsFromString(v8Flags);
  } catch {
    // speed only: nothing depends on the flags
  }
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // The reader went away (`imr-letters table . | head`): stop quietly, as other command-line tools do, with the
    // status of what was found. Any other failure (a full disk) ends the run with one line, not a stack trace.
    if (e.code === 'EPIPE') process.exit(statusSoFar());
    process.stderr.write(`imr-letters: cannot write the output: ${writeErrorReason(e)}\n`);
    process.exit(2);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`imr-letters: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
