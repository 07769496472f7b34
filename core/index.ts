// The core's public surface: the letter model, the parser, the linter and the guideline knowledge.
export * from './model';
export { parseLetter } from './parser/parseLetter';
export { LineIndex } from './text/lines';
export { lintLetter } from './lint';
