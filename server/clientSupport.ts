// What the client said it supports (its InitializeParams), and answers shaped to it. An LSP client may lack the newer
// forms: a tree of symbols, Markdown hovers, code actions with their edits, definition links; it then gets the older
// ones. Read once, at initialize.
import { type DocumentSymbol, type Hover, type InitializeParams, MarkupContent, MarkupKind, type SymbolInformation } from 'vscode-languageserver/node';
import { flattenSymbols } from '../core/features/documentSymbols';
import { markdownToPlainText } from '../core/text/markdown';

export interface ClientSupport {
  /** It answers workspace/configuration. */
  configuration: boolean;
  /** It lets the server register for didChangeConfiguration. */
  dynamicConfiguration: boolean;
  /** It tells of workspace folders added and removed. */
  workspaceFolderChanges: boolean;
  /** It lets the server register file watchers. */
  watchedFiles: boolean;
  /** It shows a diagnostic's related places (publishDiagnostics.relatedInformation). */
  relatedInformation: boolean;
  /** It takes a definition as a LocationLink (with the origin's range), else as a Location. */
  definitionLinks: boolean;
  /** It takes the outline as a tree (DocumentSymbol[]), else as a flat SymbolInformation[]. */
  hierarchicalSymbols: boolean;
  /**
   * It takes code actions as literals (with their edits); else only Commands, and gets the quick fixes as a command
   * the server applies (workspace/applyEdit) when it allows that, none when it does not.
   */
  codeActionLiterals: boolean;
  applyEdit: boolean;
  /** It takes hovers in plain text only (its hover.contentFormat prefers plaintext to markdown). */
  plainTextHovers: boolean;
  /**
   * It asked for imr/letterChanged (initializationOptions.letterChanged: the VS Code client does): a generic client
   * has no handler for it, and some log each one they get.
   */
  letterChanged: boolean;
}

/** Before initialize: nothing known, nothing assumed. */
export const unknownClient: ClientSupport = {
  configuration: false,
  dynamicConfiguration: false,
  workspaceFolderChanges: false,
  watchedFiles: false,
  relatedInformation: false,
  definitionLinks: false,
  hierarchicalSymbols: false,
  codeActionLiterals: false,
  applyEdit: false,
  plainTextHovers: false,
  letterChanged: false,
};

export function clientSupportOf(params: InitializeParams): ClientSupport {
  const caps = params.capabilities;
  // The hover formats in the client's order of preference; without any, Markdown (what clients that do not say take).
  const hoverFormats = caps.textDocument?.hover?.contentFormat?.filter((f) => f === MarkupKind.Markdown || f === MarkupKind.PlainText);
  const init: unknown = params.initializationOptions;
  return {
    configuration: caps.workspace?.configuration === true,
    dynamicConfiguration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolderChanges: caps.workspace?.workspaceFolders === true,
    watchedFiles: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relatedInformation: caps.textDocument?.publishDiagnostics?.relatedInformation === true,
    definitionLinks: caps.textDocument?.definition?.linkSupport === true,
    hierarchicalSymbols: caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    codeActionLiterals: !!caps.textDocument?.codeAction?.codeActionLiteralSupport,
    applyEdit: caps.workspace?.applyEdit === true,
    plainTextHovers: hoverFormats?.[0] === MarkupKind.PlainText,
    letterChanged: !!init && typeof init === 'object' && (init as { letterChanged?: unknown }).letterChanged === true,
  };
}

/** A hover as the client takes it: our Markdown, or its words in plain text. */
export function hoverFor(client: ClientSupport, hover: Hover | null): Hover | null {
  if (!hover || !client.plainTextHovers || !MarkupContent.is(hover.contents) || hover.contents.kind !== MarkupKind.Markdown) return hover;
  return { ...hover, contents: { kind: MarkupKind.PlainText, value: markdownToPlainText(hover.contents.value) } };
}

/** The outline as the client takes it: a tree, or a flat list with each symbol's container. */
export function symbolsFor(client: ClientSupport, uri: string, symbols: DocumentSymbol[]): DocumentSymbol[] | SymbolInformation[] {
  return client.hierarchicalSymbols ? symbols : flattenSymbols(uri, symbols);
}
