// The single list of lint rules, read by the linter, the server, the CLI and the docs test.
import type { Rule } from './rule';

export const allRules: readonly Rule[] = [];
