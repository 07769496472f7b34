// Malformed variants of real letters for rule, feature and LSP tests: each mutation breaks one thing on purpose.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { lettersDir, repoRoot, seedsDir } from '../support/env';

export const seedFiles = [
  '000_2e67a60e31d1e457.txt',
  '001_7412a174a059eca0.txt',
  '002_152cfa9104ed247b.txt',
  '003_600b92038191239e.txt',
  '004_a9481a5a1cd48426.txt',
];

export function readSeed(name = '001_7412a174a059eca0.txt'): string {
  return readFileSync(path.join(seedsDir, name), 'utf8');
}

export function readSample(name: string): string {
  return readFileSync(path.join(repoRoot, 'samples', name), 'utf8');
}

export function readCorpusLetter(name: string): string {
  return readFileSync(path.join(lettersDir, name), 'utf8');
}

/** The largest corpus letter (21 items), for speed figures. */
export const largestLetter = '065_CM16-0248698.txt';

/** Replaces the first match, failing loudly when the pattern is not there (a mutation that does nothing tests nothing). */
export function replaceOnce(text: string, pattern: string | RegExp, replacement: string): string {
  const found = typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
  if (!found) throw new Error(`mutation pattern not found: ${String(pattern)}`);
  return text.replace(pattern, replacement);
}

const labels = /^(Claims Administrator guideline:|MAXIMUS guideline:|Decision rationale:)/;

/**
 * Removes the paragraph that starts with `label` (up to the next label, title or end), the n-th occurrence.
 * `keepLabel` empties it instead.
 */
export function dropParagraph(text: string, label: string, occurrence = 0, keepLabel = false): string {
  const lines = text.split('\n');
  let seen = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith(label)) continue;
    seen++;
    if (seen !== occurrence) continue;
    let end = i + 1;
    // A paragraph ends at the next label or at an item title (a line ending with a decision word).
    while (end < lines.length && !labels.test(lines[end]) && !/:\s+(Upheld|Overturned)\s*$/.test(lines[end])) end++;
    // Keep the blank separator lines before what follows.
    while (end - 1 > i && lines[end - 1].trim() === '') end--;
    const replacement = keepLabel ? [label] : [];
    return [...lines.slice(0, i), ...replacement, ...lines.slice(end)].join('\n');
  }
  throw new Error(`no paragraph ${label} #${occurrence}`);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.txt', 'imr', 1, text), edits);
}
