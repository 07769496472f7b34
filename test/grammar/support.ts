// Loads the IMR TextMate grammar through vscode-textmate, tokenizes text the way VS Code does, and prints tokens.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type IOnigLib, type IRawTheme, type StateStack } from 'vscode-textmate';
import { repoRoot } from '../support/env';

export const grammarPath = path.join(repoRoot, 'syntaxes', 'imr.tmLanguage.json');
export const scopeName = 'text.imr';

let onigLib: Promise<IOnigLib> | undefined;

// The wasm can be loaded once per process; every registry shares it.
export function loadOnigLib(): Promise<IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

function newRegistry(theme?: IRawTheme): Registry {
  return new Registry({
    onigLib: loadOnigLib(),
    theme,
    loadGrammar: async (name) =>
      name === scopeName ? parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
}

let plain: Promise<IGrammar> | undefined;

/** The grammar, loaded once (without a theme). */
export function loadGrammar(): Promise<IGrammar> {
  plain ??= loadWith(newRegistry());
  return plain;
}

/** The grammar in a registry of its own coloured by `theme`, plus that registry (for its colour map). */
export async function loadThemedGrammar(theme: IRawTheme): Promise<{ grammar: IGrammar; registry: Registry }> {
  const registry = newRegistry(theme);
  return { grammar: await loadWith(registry), registry };
}

async function loadWith(registry: Registry): Promise<IGrammar> {
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} did not load from ${grammarPath}`);
  return grammar;
}

export interface Token {
  text: string;
  start: number;
  /** Scopes below the root `text.imr`, outermost first. */
  scopes: string[];
}

export interface TokenizedLine {
  text: string;
  tokens: Token[];
  /** Depth of the rule stack after the line: 1 means nothing is left open. */
  depth: number;
}

/** Splits like VS Code (LF or CRLF) and tokenizes line by line, carrying the rule stack. */
export function tokenizeText(grammar: IGrammar, text: string): TokenizedLine[] {
  return tokenizeLines(grammar, text.split(/\r?\n/));
}

export function tokenizeLines(grammar: IGrammar, lines: string[]): TokenizedLine[] {
  let stack: StateStack = INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return {
      text: line,
      depth: r.ruleStack.depth,
      tokens: r.tokens.map((t) => ({
        text: line.slice(t.startIndex, Math.min(t.endIndex, line.length)),
        start: t.startIndex,
        scopes: t.scopes.filter((s) => s !== scopeName),
      })),
    };
  });
}

/**
 * The stretches of text carrying `scope`, in order: neighbouring tokens with the scope are joined, so the
 * result shows exactly how far a scope reaches.
 */
export function scopedRuns(lines: TokenizedLine[], scope: string): string[] {
  const runs: string[] = [];
  for (const line of lines) {
    let run: string | undefined;
    for (const t of line.tokens) {
      if (t.scopes.includes(scope)) run = (run ?? '') + t.text;
      else if (run !== undefined) {
        runs.push(run);
        run = undefined;
      }
    }
    if (run !== undefined) runs.push(run);
  }
  return runs;
}

/** The scopes of the token holding character `index` of the line. */
export function scopesAt(line: TokenizedLine, index: number): string[] {
  const t = line.tokens.find((tok) => tok.start <= index && index < tok.start + tok.text.length);
  return t ? t.scopes : [];
}

/**
 * A readable snapshot: every non-blank line as `NNN| text`, then one indented row per token that has a scope
 * below the root (`"text" scope scope`). Plain text is shown only in the line itself.
 */
export function formatTokens(lines: TokenizedLine[]): string {
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (line.text.trim() === '') return;
    out.push(`${String(i + 1).padStart(3, '0')}| ${line.text.trimEnd()}`);
    for (const t of line.tokens) {
      if (t.scopes.length > 0) out.push(`     ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`);
    }
  });
  return out.join('\n') + '\n';
}
