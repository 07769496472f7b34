// `-` as the FILE or PATH: one letter read from standard input, with the same checks and output as a file.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseCsv, runCli, seedFiles, tempDir, withoutRationale } from './support';

test('parse - prints the same model as parse FILE, named <stdin>', () => {
  for (const seed of seedFiles().slice(0, 2)) {
    const text = readFileSync(seed, 'utf8');
    for (const input of [text, text.replace(/\n/g, '\r\n')]) {
      const fromFile = runCli(['parse', seed]);
      const fromStdin = runCli(['parse', '-'], { input });
      assert.equal(fromStdin.status, 0, fromStdin.stderr);
      assert.equal(fromStdin.stderr, '');
      const model = JSON.parse(fromStdin.stdout) as { file: string; items: unknown[] };
      assert.equal(model.file, '<stdin>');
      if (input === text) assert.deepEqual({ ...model, file: seed }, JSON.parse(fromFile.stdout));
      else assert.equal(model.items.length, (JSON.parse(fromFile.stdout) as { items: unknown[] }).items.length);
    }
  }
});

test('lint - reports what lint FILE reports, under <stdin>, with the same exit status', (t) => {
  const dir = tempDir(t);
  const { file, line } = withoutRationale(dir);
  const input = readFileSync(file, 'utf8');
  const fromFile = runCli(['lint', '--format', 'json', file]);
  const fromStdin = runCli(['lint', '--format', 'json', '-'], { input });
  assert.equal(fromFile.status, 1);
  assert.equal(fromStdin.status, 1, fromStdin.stderr);
  const [fileEntry] = JSON.parse(fromFile.stdout) as { file: string; diagnostics: unknown[] }[];
  const stdinEntries = JSON.parse(fromStdin.stdout) as { file: string; diagnostics: unknown[] }[];
  assert.equal(stdinEntries.length, 1);
  assert.equal(stdinEntries[0].file, '<stdin>');
  assert.ok(stdinEntries[0].diagnostics.length > 0);
  assert.deepEqual(stdinEntries[0].diagnostics, fileEntry.diagnostics);
  const text = runCli(['lint', '-'], { input });
  assert.match(text.stdout, new RegExp(`^<stdin>:${line}:\\d+ error .*missing-rationale`, 'm'));
  const sarif = runCli(['lint', '--format', 'sarif', '-'], { input });
  const log = JSON.parse(sarif.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  // Not a file of the working folder (%SRCROOT%/%3Cstdin%3E does not exist): the name JSON gives it.
  assert.deepEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'untitled:stdin' });
});

test('lint - takes its .imr-letters.json from the working folder', (t) => {
  const dir = tempDir(t);
  const { file } = withoutRationale(dir);
  const input = readFileSync(file, 'utf8');
  const cwd = path.join(dir);
  writeFileSync(path.join(cwd, '.imr-letters.json'), JSON.stringify({ rules: { 'missing-rationale': 'off', 'missing-section': 'off' } }));
  const off = runCli(['lint', '--format', 'json', '-'], { input, cwd });
  const ids = (JSON.parse(off.stdout) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code);
  assert.ok(!ids.includes('missing-rationale'), off.stdout);
  const ignored = runCli(['lint', '--format', 'json', '--no-config', '-'], { input, cwd });
  assert.ok((JSON.parse(ignored.stdout) as { diagnostics: { code: string }[] }[])[0].diagnostics.some((d) => d.code === 'missing-rationale'));
});

test('table - gives the rows of table FILE, with <stdin> as the file', () => {
  const seed = seedFiles()[0];
  const fromFile = parseCsv(runCli(['table', seed]).stdout);
  const fromStdin = runCli(['table', '-'], { input: readFileSync(seed) });
  assert.equal(fromStdin.status, 0, fromStdin.stderr);
  const rows = parseCsv(fromStdin.stdout);
  assert.ok(rows.length > 1);
  assert.deepEqual(
    rows.slice(1).map((r) => r.slice(1)),
    fromFile.slice(1).map((r) => r.slice(1)),
  );
  for (const r of rows.slice(1)) assert.equal(r[0], '<stdin>');
});

test('bad input on standard input gets one clear line and exit 1; the size limit stops the read', () => {
  const cases: [string | Buffer, RegExp][] = [
    ['', /^imr-letters: <stdin>: empty file\n$/],
    [Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1]), /^imr-letters: <stdin>: binary file \(NUL byte at offset 4\); not a text letter\n$/],
    [Buffer.from('CLINICAL CASE SUMMARY\nCaf\xe9\n', 'latin1'), /^imr-letters: <stdin>: not valid UTF-8 \(at byte 25\); convert it to UTF-8 first\n$/],
    [Buffer.alloc(20 * 1024 * 1024, 'a'), /^imr-letters: <stdin>: too large \(over 10 MB\); not parsed\n$/],
    ['A shopping list, not a letter.\n', /^imr-letters: <stdin>: not an IMR letter \(none of its headings or fields were recognised\); skipped\n$/],
  ];
  for (const [input, reason] of cases) {
    for (const args of [['lint', '-'], ['table', '-'], ['parse', '-']]) {
      const r = runCli(args, { input });
      const label = `${args.join(' ')} <<< ${input.length} bytes`;
      if (args[0] === 'parse' && reason.source.includes('not an IMR letter')) {
        // parse prints the model of any text: isLetter says whether it is a letter.
        assert.equal(r.status, 0, label);
        assert.equal((JSON.parse(r.stdout) as { isLetter: boolean }).isLetter, false, label);
        continue;
      }
      assert.equal(r.status, 1, label);
      assert.match(r.stderr, reason, label);
    }
  }
});

test('- cannot be combined with other paths (usage error, exit 2)', () => {
  const seed = seedFiles()[0];
  for (const args of [['lint', '-', seed], ['table', seed, '-'], ['lint', '-', '-'], ['parse', '-', seed]]) {
    const r = runCli(args, { input: readFileSync(seed) });
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /cannot be combined with other paths|parse takes exactly one FILE/);
  }
});
