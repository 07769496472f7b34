// Names of LSP diagnostic severities for people and for SARIF.
import type { Diagnostic } from 'vscode-languageserver-types';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

/** LSP leaves a missing severity to the client; like VS Code, we show it as an error. */
export function severityName(d: Diagnostic): SeverityName {
  switch (d.severity) {
    case 2:
      return 'warning';
    case 3:
      return 'information';
    case 4:
      return 'hint';
    default:
      return 'error';
  }
}

export function sarifLevel(d: Diagnostic): 'error' | 'warning' | 'note' {
  const name = severityName(d);
  return name === 'error' ? 'error' : name === 'warning' ? 'warning' : 'note';
}

/** Diagnostics in reading order, so output does not depend on the order rules ran in. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** LSP 3.18 allows a Markdown message; the CLI's formats want plain text on one line. */
export function messageText(d: Diagnostic): string {
  const text = typeof d.message === 'string' ? d.message : d.message.value;
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
