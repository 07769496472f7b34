// Helpers for the CLI tests: run dist/cli.js, make temp folders, read CSV back.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LineIndex, lintLetter, parseLetter } from '../../core';
import { distDir, seedsDir } from '../support/env';

export const cliPath = path.join(distDir, 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `input` goes to the CLI's standard input (which is otherwise empty). */
export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): CliRun {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same as runCli, without blocking the event loop (for runs that take seconds). */
export function runCliAsync(args: string[], options: { cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: options.cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'imr-cli-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function seedFiles(): string[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(seedsDir, f));
}

/** What the CLI should print for a file, computed in-process from the same core. */
export function expectedDiagnostics(file: string, rules?: Parameters<typeof lintLetter>[1]): Diagnostic[] {
  const text = readFileSync(file, 'utf8');
  return roundTrip(lintLetter(parseLetter(text), { ...rules, text }));
}

/** JSON drops undefined fields; compare with what came through JSON the same way. */
export function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A seed with one item whose "Decision rationale:" paragraph (its last) is cut off. */
export function withoutRationale(dir: string): { file: string; line: number } {
  for (const seed of seedFiles()) {
    const text = readFileSync(seed, 'utf8');
    const model = parseLetter(text);
    const last = model.items.at(-1);
    if (!last?.rationale) continue;
    const cut = new LineIndex(text).offsetAt(last.rationale.range.start);
    const file = path.join(dir, `no-rationale-${path.basename(seed)}`);
    writeFileSync(file, text.slice(0, cut));
    return { file, line: last.range.start.line + 1 };
  }
  throw new Error('no seed has a rationale to remove');
}

/** RFC 4180 reader, strict: fails on a quote inside an unquoted field or an unterminated quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          throw new Error(`text after a closing quote at offset ${i}`);
        }
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at offset ${i}`);
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] !== '\n') throw new Error(`bare CR at offset ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += c === '\r' ? 2 : 1;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (fieldStarted || field !== '') {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
