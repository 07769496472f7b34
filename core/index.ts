// The core's public surface: the letter model, the parser, the linter and the guideline knowledge.
export * from './model';
export { parseLetter } from './parser/parseLetter';
export { folderLetterOf } from './folderLetter';
export { LineIndex } from './text/lines';
export { decodeLetter, type DecodeResult } from './text/decode';
export { lintLetter, type LintOptions, type RuleSeverity } from './lint';
export { allRules } from './rules/index';
export type { Rule, RuleContext, RuleReport } from './rules/rule';
export { createLanguageService, type LanguageService } from './languageService';
export { formattingEdits, tidyLetter } from './features/formatting';
