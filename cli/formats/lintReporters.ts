// The lint output formats: text for people, JSON for scripts, SARIF for code-scanning tools.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { stdinName, stdinUri } from '../args';
import { plural } from './plural';
import { printable } from './printable';
import { byPosition, messageText, sarifLevel, severityName } from './severity';
import type { SeverityName } from './severity';

/** What a format is told: the letters and their diagnostics, in input order. */
export interface LintReporter {
  start(): string;
  letter(file: string, diagnostics: Diagnostic[]): string;
  end(summary: LintSummary): string;
}

export interface LintSummary {
  letters: number;
  counts: Record<SeverityName, number>;
  /** Files reported on stderr as unreadable, undecodable or (when named) not letters. */
  badFiles: number;
}

export interface RuleInfo {
  id: string;
  defaultSeverity: string;
  description: string;
  docsUrl?: string;
}

export function textReporter(): LintReporter {
  return {
    start: () => '',
    letter(file, diagnostics) {
      return [...diagnostics]
        .sort(byPosition)
        .map((d) => {
          const code = d.code !== undefined ? ` [${d.code}]` : '';
          // The places the problem involves, indented under it: always in the same letter.
          const related = (d.relatedInformation ?? []).map((r) => `  ${printable(file)}:${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${printable(r.message)}\n`);
          return `${printable(file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${printable(messageText(d))}${code}\n${related.join('')}`;
        })
        .join('');
    },
    end(summary) {
      const { counts } = summary;
      const total = counts.error + counts.warning + counts.information + counts.hint;
      const letters = plural(summary.letters, 'letter');
      const bad = summary.badFiles > 0 ? `; ${plural(summary.badFiles, 'file')} could not be checked` : '';
      // Nothing met: the run says on stderr that it found no letters, rather than "No problems in 0 letters".
      if (summary.letters === 0 && summary.badFiles === 0) return '';
      if (total === 0) return `No problems in ${letters}${bad}.\n`;
      const parts = [
        plural(counts.error, 'error'),
        plural(counts.warning, 'warning'),
        `${counts.information} information`,
        plural(counts.hint, 'hint'),
      ];
      return `${plural(total, 'problem')} (${parts.join(', ')}) in ${letters}${bad}.\n`;
    },
  };
}

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::message` line per diagnostic, which a run shows as an
 * annotation on the file (information and hints as notices), then the text format's closing line. Columns are
 * UTF-16 code units + 1, as in the text format.
 */
export function githubReporter(options: { cwd: string }): LintReporter {
  const text = textReporter();
  return {
    start: () => '',
    letter(file, diagnostics) {
      return [...diagnostics]
        .sort(byPosition)
        .map((d) => {
          const level = severityName(d) === 'error' ? 'error' : severityName(d) === 'warning' ? 'warning' : 'notice';
          const { start, end } = d.range;
          const props = [
            `file=${githubProperty(githubPath(file, options.cwd))}`,
            `line=${start.line + 1}`,
            `col=${start.character + 1}`,
            `endLine=${end.line + 1}`,
            `endColumn=${end.character + 1}`,
            ...(d.code !== undefined ? [`title=${githubProperty(`imr-letters ${d.code}`)}`] : []),
          ];
          return `::${level} ${props.join(',')}::${githubData(messageText(d))}\n`;
        })
        .join('');
    },
    end: (summary) => text.end(summary),
  };
}

/**
 * A file as an annotation names it: GitHub places annotations by the path from the repository's root, which is the
 * working folder of a workflow's steps; a file outside it keeps its absolute path.
 */
export function githubPath(file: string, cwd: string): string {
  const rel = relativeUnder(file, cwd);
  return rel === undefined ? path.resolve(cwd, file) : rel.split(path.sep).join('/');
}

/** The path of `file` from `cwd` when the file lies under it; undefined otherwise. */
function relativeUnder(file: string, cwd: string): string | undefined {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel;
}

/** A workflow command's message: %, CR and LF escaped (a letter's words may hold any of them). */
function githubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also ':' and ',', which would end it. */
function githubProperty(s: string): string {
  return githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A JSON array of {file, diagnostics}, one letter per line, written as letters are checked. */
export function jsonReporter(): LintReporter {
  let first = true;
  return {
    start: () => '[',
    letter(file, diagnostics) {
      const sep = first ? '\n' : ',\n';
      first = false;
      return sep + JSON.stringify({ file, diagnostics: [...diagnostics].sort(byPosition) });
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

/**
 * SARIF 2.1.0, one run. Columns are UTF-16 code units, like LSP's, so they carry over with +1.
 * Paths under the working folder are relative to %SRCROOT%; others are absolute file URIs; standard input is
 * `untitled:stdin`, as in JSON.
 */
export function sarifReporter(options: { version: string; rules: readonly RuleInfo[]; cwd: string }): LintReporter {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  let first = true;
  return {
    start() {
      const driver = {
        name: 'imr-letters',
        version: options.version,
        rules: options.rules.map((r) => ({
          id: r.id,
          shortDescription: { text: r.description },
          ...(r.docsUrl ? { helpUri: r.docsUrl } : {}),
          defaultConfiguration: { level: levelOf(r.defaultSeverity) },
        })),
      };
      const head = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
      };
      const run = {
        tool: { driver },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
      };
      // The run's fixed parts first; its results array is streamed after them.
      const headText = JSON.stringify(head).slice(0, -1);
      const runText = JSON.stringify(run).slice(0, -1);
      return `${headText},"runs":[${runText},"results":[`;
    },
    letter(file, diagnostics) {
      const location = artifactLocation(file, options.cwd);
      return [...diagnostics]
        .sort(byPosition)
        .map((d) => {
          const ruleId = d.code !== undefined ? String(d.code) : undefined;
          const index = ruleId !== undefined ? ruleIndex.get(ruleId) : undefined;
          const result = {
            ...(ruleId !== undefined ? { ruleId } : {}),
            ...(index !== undefined ? { ruleIndex: index } : {}),
            level: sarifLevel(d),
            message: { text: messageText(d) },
            locations: [{ physicalLocation: { artifactLocation: location, region: region(d.range) } }],
            ...(d.relatedInformation?.length
              ? {
                  relatedLocations: d.relatedInformation.map((r, id) => ({
                    id,
                    physicalLocation: { artifactLocation: location, region: region(r.location.range) },
                    message: { text: r.message },
                  })),
                }
              : {}),
          };
          const sep = first ? '\n' : ',\n';
          first = false;
          return sep + JSON.stringify(result);
        })
        .join('');
    },
    end: () => `${first ? '' : '\n'}]}]}\n`,
  };
}

/** A SARIF region: 1-based lines and UTF-16 columns. */
function region(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function levelOf(severity: string): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (file === stdinName) return { uri: stdinUri };
  const rel = relativeUnder(file, cwd);
  if (rel === undefined) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
