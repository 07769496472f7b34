// Lints a letter: runs every rule of allRules and turns its reports into the diagnostics that both the editor and the CLI show.
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LetterModel } from './model';
import { allRules } from './rules/index';
import type { Rule, RuleContext, RuleSeverity } from './rules/rule';
import { LineIndex } from './text/lines';

export type { RuleSeverity } from './rules/rule';

export interface LintOptions {
  /** Severity per rule id; ids not listed keep their default, unknown ids are ignored. */
  rules?: Record<string, RuleSeverity>;
  /** The letter's text and line index, for rules that look at the text itself. */
  text?: string;
  lines?: LineIndex;
  /** "Today" for the date rules (default: the current date). */
  now?: Date;
  /** The letter's URI, for the related information of diagnostics (the places a problem involves); without it
   * there is none. A function is asked only when a diagnostic has some (the CLI's file URIs cost a little). */
  uri?: string | (() => string);
}

/** The diagnostic source of every lint diagnostic. */
export const lintSource = 'imr';

const severities: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function isRuleSeverity(value: unknown): value is RuleSeverity {
  return value === 'off' || (typeof value === 'string' && Object.prototype.hasOwnProperty.call(severities, value));
}

/** The severity a rule runs at under a configuration; invalid configured values fall back to the default. */
export function ruleSeverity(rule: Rule, config?: Record<string, RuleSeverity>): RuleSeverity {
  const configured: unknown = config?.[rule.id];
  return isRuleSeverity(configured) ? configured : rule.defaultSeverity;
}

/**
 * What the rules see of a letter. Its line index is the caller's, else one built when a rule first asks for it, once
 * a lint: a rule that built its own per report made linting a letter of thousands of unknown sections quadratic, and
 * most letters need none (the command line gives none: keeping one alive through the lint costs it memory).
 */
class LintContext implements RuleContext {
  private index: LineIndex | undefined;

  constructor(
    readonly model: LetterModel,
    readonly text: string | undefined,
    lines: LineIndex | undefined,
    readonly now: Date,
  ) {
    this.index = lines;
  }

  get lines(): LineIndex | undefined {
    if (this.index === undefined && this.text !== undefined) this.index = new LineIndex(this.text);
    return this.index;
  }
}

export function lintLetter(model: LetterModel, options: LintOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const context = new LintContext(model, options.text, options.lines, options.now ?? new Date());
  let uri: string | undefined;
  for (const rule of allRules) {
    const severity = ruleSeverity(rule, options.rules);
    if (severity === 'off') continue;
    let reports;
    try {
      reports = rule.check(context);
    } catch {
      // A rule bug must not take the other rules (or the server) down with it.
      continue;
    }
    for (const r of reports) {
      const d: Diagnostic = {
        range: r.range,
        // DiagnosticSeverity grows as the severity lessens (Error 1 ... Hint 4).
        severity: r.atMost ? Math.max(severities[severity], severities[r.atMost]) as DiagnosticSeverity : severities[severity],
        code: rule.id,
        codeDescription: { href: rule.docsUrl },
        source: lintSource,
        message: r.message,
      };
      if (r.data !== undefined) d.data = r.data;
      if (r.related?.length && options.uri !== undefined) {
        uri ??= typeof options.uri === 'string' ? options.uri : options.uri();
        const location = uri;
        d.relatedInformation = r.related.map((x) => ({ location: { uri: location, range: x.range }, message: x.message }));
      }
      diagnostics.push(d);
    }
  }
  return diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
