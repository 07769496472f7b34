// The architecture's invariants, checked on the sources: the core stays pure, the client never parses.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/env';

function sources(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) found.push(...sources(p));
    else if (name.endsWith('.ts')) found.push(p);
  }
  return found;
}

/** Every module specifier imported by a file, with whether the import is type-only. */
function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found: { spec: string; typeOnly: boolean }[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) found.push({ spec: m[3] ?? m[4] ?? m[5], typeOnly: Boolean(m[2]) });
  return found;
}

test('core/ imports neither vscode nor the LSP connection nor Node built-ins', () => {
  const files = sources(path.join(repoRoot, 'core'));
  assert.ok(files.length > 20);
  for (const file of files) {
    for (const { spec } of imports(file)) {
      const rel = path.relative(repoRoot, file);
      assert.ok(spec !== 'vscode', `${rel} imports vscode`);
      assert.ok(!/^vscode-languageserver(\/|$)|^vscode-languageclient|^vscode-jsonrpc/.test(spec), `${rel} imports ${spec}`);
      assert.ok(!spec.startsWith('node:') && !['fs', 'path', 'os', 'child_process', 'worker_threads'].includes(spec), `${rel} imports ${spec}`);
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        assert.ok(target.startsWith(path.join(repoRoot, 'core')), `${rel} reaches outside core/: ${spec}`);
      }
    }
  }
});

test('client/ never parses: from core/ it imports types, and values only from core/summary/ (which parses nothing)', () => {
  const summaryDir = path.join(repoRoot, 'core', 'summary');
  for (const file of sources(path.join(repoRoot, 'client'))) {
    for (const { spec, typeOnly } of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (target.startsWith(path.join(repoRoot, 'core')) && !target.startsWith(summaryDir + path.sep)) {
        assert.ok(typeOnly, `${path.relative(repoRoot, file)} imports values from ${spec}`);
      }
    }
  }
  // core/summary/ works on the rows the server sends (FolderLetter): of the rest of core/ it knows only the types.
  for (const file of sources(summaryDir)) {
    for (const { spec, typeOnly } of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(summaryDir + path.sep)) assert.ok(typeOnly, `${path.relative(repoRoot, file)} imports values from ${spec}`);
    }
  }
});

test('server/ and cli/ do not import each other or the client', () => {
  for (const [dir, banned] of [
    ['server', ['cli', 'client']],
    ['cli', ['server', 'client']],
  ] as const) {
    for (const file of sources(path.join(repoRoot, dir))) {
      for (const { spec } of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = path.relative(repoRoot, path.resolve(path.dirname(file), spec));
        for (const b of banned) assert.ok(!target.startsWith(`${b}/`) && target !== b, `${path.relative(repoRoot, file)} imports ${spec}`);
      }
    }
  }
});

test('pdf.js is reached only through pdf/load.ts, by the server and the CLI, and runs only in the PDF reader\'s child process', () => {
  const dirs = ['core', 'client', 'server', 'cli', 'pdf'];
  for (const dir of dirs) {
    for (const file of [...sources(path.join(repoRoot, dir)), ...(dir === 'pdf' ? [path.join(repoRoot, 'pdf', 'pdfText.mts')] : [])]) {
      const rel = path.relative(repoRoot, file);
      for (const { spec, typeOnly } of imports(file)) {
        if (spec.startsWith('pdfjs-dist')) assert.equal(rel, 'pdf/pdfText.mts', `${rel} imports ${spec}`);
        if (!spec.startsWith('.') || dir === 'pdf') continue;
        const target = path.relative(repoRoot, path.resolve(path.dirname(file), spec));
        if (!target.startsWith('pdf/')) continue;
        assert.ok(dir === 'server' || dir === 'cli', `${rel} imports ${spec}`);
        assert.ok(typeOnly || target === 'pdf/load', `${rel} imports ${spec}, not pdf/load`);
      }
    }
  }
  // The bundle (dist/pdf.js) is never loaded into a thread of the server or the CLI: reader.ts forks it.
  for (const file of [...sources(path.join(repoRoot, 'pdf')), path.join(repoRoot, 'pdf', 'pdfText.mts')]) {
    const rel = path.relative(repoRoot, file);
    const code = readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /\brequire\(|\bimport\(/, `${rel} loads code at run time`);
    if (/\bfork\(/.test(code)) assert.equal(rel, 'pdf/reader.ts', `${rel} starts a process`);
    for (const { spec, typeOnly } of imports(file)) {
      if (spec === './reader' || spec === './reader.js') assert.ok(typeOnly || rel === 'pdf/load.ts', `${rel} imports ${spec}`);
    }
  }
  assert.match(readFileSync(path.join(repoRoot, 'pdf', 'reader.ts'), 'utf8'), /\bfork\(/);
});
