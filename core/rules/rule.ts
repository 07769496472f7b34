// The shape of a lint rule: data (id, default severity, description, doc link) plus one check function.
import type { Range } from 'vscode-languageserver-types';
import type { LetterModel } from '../model';
import type { LineIndex } from '../text/lines';

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** Where each rule's doc page lives; a link only, nothing is fetched. */
export const rulesDocsBase = 'https://github.com/imr-letters/imr-letters/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${rulesDocsBase}${id}.md`;
}

/** What a rule's check sees. */
export interface RuleContext {
  model: LetterModel;
  /** The letter's text, when the caller has it (the editor and the CLI always do), and its line index: the
   * caller's, else built once a lint when a rule first reads it (never build one per report). */
  text?: string;
  readonly lines?: LineIndex;
  /** "Today", for rules about dates in the future; injectable so tests are stable. */
  now: Date;
}

/** One problem found by a rule; the engine turns it into a Diagnostic with code, source, severity and link. */
export interface RuleReport {
  /** The exact offending text (an item-level problem: the item's title line). */
  range: Range;
  message: string;
  /** Anything a quick fix needs (e.g. the suggested replacement); passed through as Diagnostic.data. */
  data?: unknown;
  /** Other places of the letter the problem involves (the conclusion a decision contradicts, the first of two
   * items); the diagnostic's related information. */
  related?: { range: Range; message: string }[];
  /** At most this severity: a report the rule is less sure of (date-of-injury-mismatch on a cumulative trauma
   * claim) is shown at the lesser of the rule's configured severity and this one. */
  atMost?: Exclude<RuleSeverity, 'off'>;
}

export interface Rule {
  /** Public, stable id: the Diagnostic code, the settings key, the docs page name. */
  id: string;
  defaultSeverity: Exclude<RuleSeverity, 'off'>;
  /** One line, shown in docs and `imr-letters rules`. */
  description: string;
  /** Link to docs/rules/<id>.md: use ruleDocsUrl(id). */
  docsUrl: string;
  /** Must not throw on any model the parser returns (the engine still guards against it). */
  check(context: RuleContext): RuleReport[];
}
