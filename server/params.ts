// The shape LSP requires of each standard request's params, checked before a handler runs: a request without it is
// answered InvalidParams (server/main.ts, guard), not with an empty answer and a TypeError in the log. Only what
// the handlers read is checked; the custom imr/* requests read their params leniently and answer null.

type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUinteger = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPosition = (v: unknown) => isObject(v) && isUinteger(v.line) && isUinteger(v.character);
const isRange = (v: unknown) => isObject(v) && isPosition(v.start) && isPosition(v.end);

/** Each field a request requires: how to check it, and what it must be (for the error's message). */
const fields = {
  textDocument: [(v: unknown) => isObject(v) && typeof v.uri === 'string', 'a TextDocumentIdentifier ({ uri: string })'],
  position: [isPosition, 'a Position ({ line, character }, non-negative integers)'],
  positions: [(v: unknown) => Array.isArray(v) && v.every(isPosition), 'an array of Positions'],
  range: [isRange, 'a Range ({ start, end }, Positions)'],
  query: [(v: unknown) => typeof v === 'string', 'a string'],
  referenceContext: [(v: unknown) => isObject(v) && typeof v.includeDeclaration === 'boolean', 'a ReferenceContext ({ includeDeclaration: boolean })'],
  codeActionContext: [
    (v: unknown) => isObject(v) && Array.isArray(v.diagnostics) && (v.only === undefined || (Array.isArray(v.only) && v.only.every((k) => typeof k === 'string'))),
    'a CodeActionContext ({ diagnostics: Diagnostic[], only?: string[] })',
  ],
  formattingOptions: [(v: unknown) => isObject(v) && isUinteger(v.tabSize) && typeof v.insertSpaces === 'boolean', 'FormattingOptions ({ tabSize, insertSpaces })'],
  command: [(v: unknown) => typeof v === 'string', 'a string'],
} satisfies Record<string, [Check, string]>;

type Field = keyof typeof fields;

/** Per method, its params' required properties and the field each is. */
const shapes: Record<string, Record<string, Field>> = {
  'textDocument/documentSymbol': { textDocument: 'textDocument' },
  'textDocument/foldingRange': { textDocument: 'textDocument' },
  'textDocument/selectionRange': { textDocument: 'textDocument', positions: 'positions' },
  'textDocument/documentLink': { textDocument: 'textDocument' },
  'textDocument/inlayHint': { textDocument: 'textDocument', range: 'range' },
  'textDocument/semanticTokens/full': { textDocument: 'textDocument' },
  'textDocument/semanticTokens/range': { textDocument: 'textDocument', range: 'range' },
  'workspace/symbol': { query: 'query' },
  'textDocument/hover': { textDocument: 'textDocument', position: 'position' },
  'textDocument/references': { textDocument: 'textDocument', position: 'position', context: 'referenceContext' },
  'textDocument/documentHighlight': { textDocument: 'textDocument', position: 'position' },
  'textDocument/definition': { textDocument: 'textDocument', position: 'position' },
  'textDocument/codeAction': { textDocument: 'textDocument', range: 'range', context: 'codeActionContext' },
  'textDocument/completion': { textDocument: 'textDocument', position: 'position' },
  'textDocument/formatting': { textDocument: 'textDocument', options: 'formattingOptions' },
  'workspace/executeCommand': { command: 'command' },
};

/** What is wrong with a request's params ("position must be a Position (...)"), or undefined when they have its shape. */
export function paramsProblem(method: string, params: unknown): string | undefined {
  const shape = shapes[method];
  if (!shape) return undefined;
  if (!isObject(params)) return `${method}: the params must be an object`;
  for (const [key, field] of Object.entries(shape)) {
    const [check, what] = fields[field];
    if (!check(params[key])) return `${method}: ${key} must be ${what}`;
  }
  return undefined;
}
