// Lints a letter: the diagnostics that both the editor and the CLI show.
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LetterModel } from './model';

export function lintLetter(model: LetterModel): Diagnostic[] {
  return model.problems.map((p) => ({
    range: p.range,
    severity: DiagnosticSeverity.Warning,
    code: p.code,
    source: 'imr',
    message: p.message,
  }));
}
