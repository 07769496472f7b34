// Reads the command line into a typed request, or explains with a UsageError what is wrong with it.
import { availableParallelism } from 'node:os';
import { filesPerWorker, inProcessBelow } from './pipeline';
import { allColumns, isTableColumn, tableColumns } from './table';
import type { TableColumn } from './table';

export type Command = 'parse' | 'text' | 'format' | 'lint' | 'table' | 'summary' | 'rules';
export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type Format = 'text' | 'json' | 'sarif' | 'github' | 'csv' | 'markdown';

export const severities: readonly Severity[] = ['error', 'warning', 'information', 'hint', 'off'];

const formatsOf: Record<Command, readonly Format[]> = {
  parse: ['json'],
  text: ['text'],
  format: ['text'],
  lint: ['text', 'json', 'sarif', 'github'],
  table: ['csv', 'json'],
  summary: ['markdown', 'json'],
  rules: ['text', 'json'],
};

export interface Request {
  command: Command;
  paths: string[];
  format: Format;
  /** Severity overrides from --rule, applied over any .imr-letters.json. */
  rules: Record<string, Severity>;
  /** Worker threads; 0 runs everything in the main thread. Without --jobs, the most workers the run may use. */
  jobs: number;
  /** No --jobs: the pipeline sizes the pool by the number of files (pipeline.ts, poolSize). */
  autoJobs: boolean;
  useConfig: boolean;
  /** lint: exit with 1 when there are more warnings than this (ESLint's --max-warnings); undefined: no limit. */
  maxWarnings?: number;
  /** table: the columns from --columns, in their order; undefined: the default columns. */
  columns?: TableColumn[];
  /** table: write a UTF-8 byte-order mark before the CSV (--bom), for Excel. */
  bom?: boolean;
  /** format: print the letter tidied (one FILE), list the letters that are not (--check), or tidy them (--write). */
  formatMode?: 'print' | 'check' | 'write';
  /** format: join the lines of each paragraph (--join-lines). */
  joinLines?: boolean;
}

/** The path that stands for standard input, and the name a letter read from it goes by in the output. */
export const stdinPath = '-';
export const stdinName = '<stdin>';
/** Standard input's URI in JSON's related places and in SARIF: untitled, as an editor names a document not on disk. */
export const stdinUri = 'untitled:stdin';

export type Parsed = { kind: 'help' } | { kind: 'version' } | { kind: 'run'; request: Request };

/** A mistake in how the command was called: reported with a hint to --help, exit status 2. */
export class UsageError extends Error {}

/** Up to 4 workers: beyond that, reading files, not parsing, is what limits a run. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 4));
}

export function parseArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  let format: Format | undefined;
  // A map, not an object: `--rule __proto__=off` must be a key like any other (and be refused as an unknown rule).
  const rules = new Map<string, Severity>();
  let jobs = defaultJobs();
  let autoJobs = true;
  let useConfig = true;
  let maxWarnings: number | undefined;
  let columnsText: string | undefined;
  let formatMode: 'check' | 'write' | undefined;
  let joinLines = false;
  let bom = false;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`option ${name} needs a value`);
      return next;
    };
    const flag = (): void => {
      if (inline !== undefined) throw new UsageError(`option ${name} takes no value`);
    };
    switch (name) {
      case '-h':
      case '--help':
        flag();
        return { kind: 'help' };
      case '-V':
      case '--version':
        flag();
        return { kind: 'version' };
      case '-f':
      case '--format':
        format = readFormat(value());
        break;
      case '--rule': {
        const [id, severity] = readRule(value());
        rules.set(id, severity);
        break;
      }
      case '-j':
      case '--jobs':
        jobs = readJobs(value());
        autoJobs = false;
        break;
      case '--no-config':
        flag();
        useConfig = false;
        break;
      case '--max-warnings':
        maxWarnings = readCount('--max-warnings', value());
        break;
      case '--columns':
        columnsText = value(); // read once the command is known: --columns on lint is refused, whatever it names
        break;
      case '--check':
      case '--write':
        flag();
        if (formatMode !== undefined && formatMode !== name.slice(2)) throw new UsageError('--check and --write cannot be combined');
        formatMode = name === '--check' ? 'check' : 'write';
        break;
      case '--join-lines':
        flag();
        joinLines = true;
        break;
      case '--bom':
        flag();
        bom = true;
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }

  const [command, ...paths] = positional;
  if (command === undefined) throw new UsageError('no command given');
  if (!isCommand(command)) throw new UsageError(`unknown command '${command}'`);
  if ((command === 'parse' || command === 'text') && paths.length !== 1) throw new UsageError(`${command} takes exactly one FILE`);
  if (formatMode !== undefined && command !== 'format') throw new UsageError(`--${formatMode} applies to format only`);
  if (joinLines && command !== 'format') throw new UsageError('--join-lines applies to format only');
  if (command === 'format') {
    if (paths.length === 0) throw new UsageError('format needs a FILE, or PATHs with --check or --write');
    if (formatMode === undefined && paths.length !== 1) throw new UsageError('format prints one FILE; give --check or --write for several');
    if (formatMode === 'write' && paths.includes(stdinPath)) throw new UsageError("format --write cannot write to standard input (drop --write to print the letter)");
  }
  if ((command === 'lint' || command === 'table' || command === 'summary') && paths.length === 0) {
    throw new UsageError(`${command} needs at least one PATH`);
  }
  if (command === 'rules' && paths.length > 0) throw new UsageError('rules takes no PATH');
  if (paths.includes(stdinPath) && paths.length > 1) {
    throw new UsageError(`'${stdinPath}' (a letter on standard input) cannot be combined with other paths`);
  }
  // The table's column `checks` and the summary's breakdown of the checks follow the rules' severities as lint does.
  if (rules.size > 0 && command !== 'lint' && command !== 'table' && command !== 'summary') throw new UsageError('--rule applies to lint, table and summary only');
  if (maxWarnings !== undefined && command !== 'lint') throw new UsageError('--max-warnings applies to lint only');
  if (columnsText !== undefined && command !== 'table') throw new UsageError('--columns applies to table only');
  const columns = columnsText === undefined ? undefined : readColumns(columnsText);
  const allowed = formatsOf[command];
  const chosen = format ?? allowed[0];
  if (!allowed.includes(chosen)) {
    throw new UsageError(`${command} does not write '${chosen}' (use ${allowed.join(', ')})`);
  }
  if (bom && command !== 'table') throw new UsageError('--bom applies to table only');
  if (bom && chosen !== 'csv') throw new UsageError('--bom applies to the CSV only (JSON has no byte-order mark)');
  const request: Request = { command, paths, format: chosen, rules: Object.fromEntries(rules), jobs, autoJobs, useConfig, maxWarnings, columns };
  if (bom) request.bom = true;
  if (command === 'format') {
    request.formatMode = formatMode ?? 'print';
    if (joinLines) request.joinLines = true;
  }
  return { kind: 'run', request };
}

function isCommand(s: string): s is Command {
  return s in formatsOf;
}

function readFormat(s: string): Format {
  if (s === 'text' || s === 'json' || s === 'sarif' || s === 'github' || s === 'csv' || s === 'markdown') return s;
  throw new UsageError(`unknown format '${s}'`);
}

export function isSeverity(s: unknown): s is Severity {
  return typeof s === 'string' && (severities as readonly string[]).includes(s);
}

function readRule(s: string): [string, Severity] {
  const eq = s.lastIndexOf('=');
  const id = s.slice(0, eq).trim();
  const severity = s.slice(eq + 1).trim();
  if (eq <= 0 || id === '') throw new UsageError(`--rule wants id=severity, got '${s}'`);
  if (!isSeverity(severity)) {
    throw new UsageError(`--rule ${id}: severity must be one of ${severities.join(', ')}, got '${severity}'`);
  }
  return [id, severity];
}

function readCount(option: string, s: string): number {
  const n = Number(s);
  if (s.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`${option} wants a whole number from 0 up, got '${s}'`);
  return n;
}

/** "file,decision,rationale": those columns in that order; "+rationale": the default columns and then those. */
function readColumns(s: string): TableColumn[] {
  const added = s.startsWith('+');
  const names = (added ? s.slice(1) : s).split(',').map((n) => n.trim());
  if (names.some((n) => n === '')) throw new UsageError(`--columns wants column names separated by commas, got '${s}'`);
  const unknown = names.filter((n) => !isTableColumn(n));
  if (unknown.length > 0) {
    throw new UsageError(`--columns: no column ${unknown.map((n) => `'${n}'`).join(', ')} (the columns: ${allColumns.join(', ')})`);
  }
  return [...new Set([...(added ? tableColumns : []), ...(names as TableColumn[])])];
}

function readJobs(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`--jobs wants a whole number from 0 to 64, got '${s}'`);
  return n;
}

export const usage = `Usage: imr-letters <command> [options] [PATH...]

Read, check and tabulate California workers' compensation IMR Final Determination letters
(as text, or the PDFs they are published as). Letters are recognised by their content, not by
their file names.

Commands:
  parse FILE        print the letter model of FILE as JSON
  text FILE         print the text of FILE as the tool reads it: a PDF's text, laid out in lines
                    (imr-letters text letter.pdf > letter.txt, to open or edit it as text)
  format FILE       print the letter tidied, as the editor's Format Document does: the blank lines
                    that separate no paragraphs removed (a double-spaced extract's, a page break's),
                    one empty line between paragraphs, no spaces around a line; not a word changed
  format --check PATH...  list the letters that are not tidy (exit 1 when there is one)
  format --write PATH...  tidy those letters in place (text files; a PDF is left alone)
  lint PATH...      check letters; PATHs are files or folders (searched recursively)
  table PATH...     one row per disputed item across all letters (CSV for spreadsheets/DuckDB)
  summary PATH...   the decisions counted as the extension's folder summary counts them: upheld and
                    overturned, by the reviewer's guideline, guideline section, the grounds read
                    in the rationale, the claims administrator's guideline, specialty, decision
                    year, days from application to decision, service, whether an item goes with
                    a surgery, and the problems the checks find
  rules             list the lint rules and their default severities

  A FILE or PATH of - reads one letter from standard input (... | imr-letters lint -); the
  output names it <stdin>, and lint takes its .imr-letters.json
  from the working folder.

Options:
  -f, --format FMT  lint: text (default), json, sarif, github (GitHub Actions annotations);
                    table: csv (default), json;
                    summary: markdown (default), json; rules: text (default), json;
                    parse: json; text: text
  --rule ID=SEV     lint, table, summary: set a rule's severity: error, warning, information,
                    hint or off (repeatable; overrides .imr-letters.json; table's column checks
                    and summary's breakdown of the checks follow it)
  --no-config       ignore .imr-letters.json files
  --max-warnings N  lint: exit with 1 when there are more than N warnings (errors always do)
  --columns LIST    table: these columns, in this order (comma-separated); +LIST: the default
                    columns and then these (--columns +rationale adds each rationale's text)
  --bom             table: start the CSV with a UTF-8 byte-order mark, so that Excel reads it
                    as UTF-8 (without, it shows "®" as "Â®")
  --check, --write  format: list the letters that are not tidy, or tidy them in place
  --join-lines      format: also join the lines of each paragraph into one (for an editor to wrap)
  -j, --jobs N      worker threads; 0 = work in the main thread (default: by the number of
                    files, none below ${inProcessBelow} and one per ${filesPerWorker}, up to ${defaultJobs()} here)
  -h, --help        show this help
  -V, --version     show the version

Configuration: lint reads {"rules": {"<id>": "<severity>"}} from the .imr-letters.json nearest
to each letter (in its folder or any folder above).

Files: in folders, entries whose names start with "." and node_modules folders are skipped, so are
markup, data and code files (.md, .html, .xml, .json, .csv, .tsv, .sarif, .yml, .js, .ts, .py, ...),
images, archives, spreadsheets, databases and media (.png, .jpg, .zip, .xlsx, .sqlite, .mp4, ...),
and text files that are not IMR letters are skipped silently; a file named on the command line is
read whatever its name, and reported when it is not a letter. Letters are read as UTF-8, or UTF-16 with its byte-order mark, or as
the text of a PDF (a file starting "%PDF-"; lines and positions are those of 'imr-letters text').
Files that cannot be read, are empty, binary (NUL bytes), in another encoding, larger than 10 MB
or longer than 200,000 lines,
or PDFs that are damaged, password-protected or hold no text (scanned images) are reported on
stderr as "imr-letters: FILE: reason" and skipped; the run goes on.

Exit status:
  0  no error-level diagnostic (lint), no more warnings than --max-warnings, and every
     file could be read
  1  lint found an error-level diagnostic or more warnings than --max-warnings, format --check
     found a letter that is not tidy, or a file was reported as unreadable, undecodable, or
     (when named) not a letter
  2  usage error: unknown command or option, bad value, bad .imr-letters.json; no letters found
     in the PATHs (and no file to report); or the output could not be written (a full disk)
  When the reader of the output goes away (... | head), the run stops with the status of what
  it had found so far.
`;
