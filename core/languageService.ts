// The language service: every editor feature of IMR letters over an in-memory document, with one parse per document version.
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  Position,
  Range,
  SelectionRange,
  SemanticTokens,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getCodeActions } from './features/codeActions';
import { getCompletions } from './features/completion';
import { getDocumentLinks } from './features/documentLinks';
import { getInlayHints } from './features/inlayHints';
import { encodeSemanticTokens, getSemanticTokens } from './features/semanticTokens';
import { getDocumentSymbols } from './features/documentSymbols';
import { getFoldingRanges } from './features/folding';
import { formattingEdits } from './features/formatting';
import { citationAt, getHover } from './features/hover';
import { getDefinition } from './features/definition';
import type { LetterDocument, WorkspaceLetter } from './features/letterDocument';
import { getDocumentHighlights, getReferences } from './features/citationReferences';
import { getServiceReferences, itemTitleAt } from './features/serviceReferences';
import { getItemContext, type ItemContext } from './features/itemContext';
import { getSelectionRanges } from './features/selectionRanges';
import { getWorkspaceSymbols } from './features/workspaceSymbols';
import { lintLetter, lintSource, type RuleSeverity } from './lint';
import type { LetterModel } from './model';
import { parseLetter } from './parser/parseLetter';
import { comparePositions, LineIndex } from './text/lines';
import { hasTooManyLines, maxLetterBytes, maxLetterLines } from './text/decode';

export type { LetterDocument, WorkspaceLetter } from './features/letterDocument';
export type { ItemContext } from './features/itemContext';

/** The little the service needs of a document (vscode-languageserver-textdocument's TextDocument fits). */
export interface ITextDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface LanguageServiceOptions {
  /** Documents longer than this (UTF-16 code units) are not parsed; default 10 MB, the command line's limit. */
  maxDocumentSize?: number;
  /** "Today" for the date rules; injectable for tests. */
  now?: () => Date;
  log?: (message: string) => void;
}

export interface DiagnosticOptions {
  rules?: Record<string, RuleSeverity>;
}

export interface LanguageService {
  /** The parsed document at its current version (parsed once per version). */
  getLetterDocument(doc: ITextDocument): LetterDocument;
  getLetter(doc: ITextDocument): LetterModel | null;
  getDiagnostics(doc: ITextDocument, options?: DiagnosticOptions): Diagnostic[];
  getDocumentSymbols(doc: ITextDocument): DocumentSymbol[];
  getFoldingRanges(doc: ITextDocument): FoldingRange[];
  getSelectionRanges(doc: ITextDocument, positions: Position[]): SelectionRange[];
  getWorkspaceSymbols(letters: Iterable<WorkspaceLetter>, query: string, isCancelled?: () => boolean): SymbolInformation[];
  getDocumentLinks(doc: ITextDocument): DocumentLink[];
  /** After each citation by page within the range, the topics those pages hold in the knowledge base. */
  getInlayHints(doc: ITextDocument, range: Range): InlayHint[];
  /** Semantic tokens (features/semanticTokens.ts), encoded for the protocol; with a range, those of its lines. */
  getSemanticTokens(doc: ITextDocument, range?: Range): SemanticTokens;
  /** `unreadLetters`: letters of the workspace not read yet (PDFs read in the background), left out of the figures. */
  getHover(doc: ITextDocument, position: Position, workspaceLetters?: Iterable<WorkspaceLetter>, unreadLetters?: number): Hover | null;
  /** Whether the hover or references at a position count the workspace's letters (on a citation or an item's title). */
  usesWorkspaceAt(doc: ITextDocument, position: Position): boolean;
  /**
   * On a citation: its section's citations in the letter, then the workspace's items decided on it. On an item's
   * title: the title, then the items of the letter and the workspace for the same service.
   */
  getReferences(doc: ITextDocument, position: Position, workspaceLetters?: Iterable<WorkspaceLetter>): Location[] | null;
  getDocumentHighlights(doc: ITextDocument, position: Position): DocumentHighlight[] | null;
  /** From a service that goes with a surgery (its title, or its rationale's words resting on the surgery) to the surgery. */
  getDefinition(doc: ITextDocument, position: Position): LocationLink[] | null;
  /** Each item's guideline sections and, given the workspace's letters, its precedents (the summary panel's). */
  getItemContext(doc: ITextDocument, workspaceLetters?: Iterable<WorkspaceLetter>): ItemContext[];
  getCodeActions(doc: ITextDocument, range: Range, options?: DiagnosticOptions): CodeAction[];
  getCompletions(doc: ITextDocument, position: Position): CompletionItem[];
  /** Format Document: the edits that tidy a letter's white space (features/formatting.ts); none for a document
   *  that is not a letter. */
  /** Format Document; `joinLines` joins the lines of each paragraph (the setting imr.format.joinLines). */
  getFormattingEdits(doc: ITextDocument, options?: { joinLines?: boolean }): TextEdit[];
  /** Frees what is cached for a document (on close). */
  forget(uri: string): void;
  /** How many documents are cached (for tests of the cache). */
  readonly cachedCount: number;
}

/** The command line's limit (core/text/decode.ts), so that a letter it lints is checked in the editor too. */
export const defaultMaxDocumentSize = maxLetterBytes;

const emptyModel = (lineCount: number): LetterModel => ({
  isLetter: false,
  template: 'unknown',
  lineCount,
  sections: [],
  patient: {},
  items: [],
  problems: [],
});

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const maxSize = options.maxDocumentSize ?? defaultMaxDocumentSize;
  const now = options.now ?? (() => new Date());
  // Each entry keeps the text it was parsed from: see getLetterDocument.
  const cache = new Map<string, { source: string; letter: LetterDocument }>();

  function parse(doc: ITextDocument, text: string): LetterDocument {
    if (text.length > maxSize || hasTooManyLines(text)) {
      // Only the cheap features answer: no line index of megabytes of text either.
      return { uri: doc.uri, version: doc.version, text: '', lines: new LineIndex(''), model: emptyModel(0), tooLarge: true };
    }
    const lines = new LineIndex(text);
    let model: LetterModel;
    try {
      model = parseLetter(lines);
    } catch (e) {
      // The parser promises never to throw; if it does, the editor keeps working with an empty model.
      options.log?.(`parseLetter threw on ${doc.uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      model = emptyModel(lines.lineCount);
    }
    return { uri: doc.uri, version: doc.version, text, lines, model, tooLarge: false };
  }

  function getLetterDocument(doc: ITextDocument): LetterDocument {
    const text = doc.getText();
    const cached = cache.get(doc.uri);
    // The version alone does not identify the text: a document closed and opened again starts over at the same
    // version. The text is mostly the very same string, so comparing it costs nothing.
    if (cached && cached.letter.version === doc.version && cached.source === text) return cached.letter;
    const letter = parse(doc, text);
    cache.set(doc.uri, { source: text, letter });
    return letter;
  }

  function getDiagnostics(doc: ITextDocument, diagnosticOptions: DiagnosticOptions = {}): Diagnostic[] {
    const d = getLetterDocument(doc);
    if (d.tooLarge) {
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Information,
          source: lintSource,
          code: 'document-too-large',
          message: `This document is over ${Math.round(maxSize / 1024 / 1024)} MB or ${maxLetterLines.toLocaleString('en-US')} lines: it is not checked, and only basic features are available.`,
        },
      ];
    }
    return lintOf(d, diagnosticOptions.rules).slice();
  }

  // Code actions are asked for on every cursor move: lint each version (and configuration) once.
  const lints = new WeakMap<LetterDocument, { key: string; diagnostics: Diagnostic[] }>();
  function lintOf(d: LetterDocument, rules: Record<string, RuleSeverity> | undefined): Diagnostic[] {
    const today = now();
    const key = `${JSON.stringify(rules ?? {})}|${today.toISOString().slice(0, 10)}`;
    const cached = lints.get(d);
    if (cached && cached.key === key) return cached.diagnostics;
    const diagnostics = lintLetter(d.model, { rules, text: d.text, lines: d.lines, now: today, uri: d.uri });
    lints.set(d, { key, diagnostics });
    return diagnostics;
  }

  const service: LanguageService = {
    getLetterDocument,
    getLetter: (doc) => {
      const d = getLetterDocument(doc);
      return d.tooLarge ? null : d.model;
    },
    getDiagnostics,
    getDocumentSymbols: (doc) => getDocumentSymbols(getLetterDocument(doc)),
    getFoldingRanges: (doc) => getFoldingRanges(getLetterDocument(doc)),
    getSelectionRanges: (doc, positions) => {
      const d = getLetterDocument(doc);
      return getSelectionRanges(d, positions.map((p) => d.lines.clampPosition(p)));
    },
    getWorkspaceSymbols: (letters, query, isCancelled) => getWorkspaceSymbols(letters, query, { isCancelled }),
    getDocumentLinks: (doc) => getDocumentLinks(getLetterDocument(doc)),
    getInlayHints: (doc, range) => getInlayHints(getLetterDocument(doc), range),
    getSemanticTokens: (doc, range) => ({
      data: encodeSemanticTokens(
        getSemanticTokens(getLetterDocument(doc), range && { start: range.start.line, end: range.end.character === 0 ? range.end.line - 1 : range.end.line }),
      ),
    }),
    getHover: (doc, position, workspaceLetters, unreadLetters) => {
      const d = getLetterDocument(doc);
      return getHover(d, d.lines.clampPosition(position), { workspaceLetters, unreadLetters });
    },
    usesWorkspaceAt: (doc, position) => {
      const d = getLetterDocument(doc);
      const at = d.lines.clampPosition(position);
      return citationAt(d, at) !== undefined || itemTitleAt(d, at) !== undefined;
    },
    getReferences: (doc, position, workspaceLetters) => {
      const d = getLetterDocument(doc);
      const at = d.lines.clampPosition(position);
      return getReferences(d, at, workspaceLetters) ?? getServiceReferences(d, at, workspaceLetters);
    },
    getItemContext: (doc, workspaceLetters) => getItemContext(getLetterDocument(doc), workspaceLetters),
    getDocumentHighlights: (doc, position) => {
      const d = getLetterDocument(doc);
      return getDocumentHighlights(d, d.lines.clampPosition(position));
    },
    getDefinition: (doc, position) => {
      const d = getLetterDocument(doc);
      return getDefinition(d, d.lines.clampPosition(position));
    },
    getCodeActions: (doc, range, diagnosticOptions) => {
      const d = getLetterDocument(doc);
      if (d.tooLarge) return [];
      // Quick fixes come from the current lint of this version, whatever the client sends back.
      const start = d.lines.clampPosition(range.start);
      const end = d.lines.clampPosition(range.end);
      const ordered = comparePositions(start, end) <= 0 ? { start, end } : { start: end, end: start };
      return getCodeActions(d, ordered, lintOf(d, diagnosticOptions?.rules));
    },
    getCompletions: (doc, position) => {
      const d = getLetterDocument(doc);
      return getCompletions(d, d.lines.clampPosition(position));
    },
    getFormattingEdits: (doc, formatOptions = {}) => {
      const d = getLetterDocument(doc);
      return d.model.isLetter ? formattingEdits(d.text, d.lines, { joinLines: formatOptions.joinLines, model: d.model }) : [];
    },
    forget: (uri) => {
      cache.delete(uri);
    },
    get cachedCount() {
      return cache.size;
    },
  };
  return Object.freeze(service);
}
