// In-process tests of the CLI's parts: arguments, decoding, config lookup, CSV fields, SARIF locations.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseArgs, UsageError } from '../../cli/args';
import { filesPerWorker, inProcessBelow, pdfWeight, poolSize, runPipeline, workOf } from '../../cli/pipeline';
import type { Found } from '../../cli/discover';
import type { FileResult } from '../../cli/pipeline';
import { ConfigError, ConfigResolver } from '../../cli/config';
import { artifactLocation, githubPath } from '../../cli/formats/lintReporters';
import { csvCell } from '../../cli/formats/tableWriters';
import { compactCitation } from '../../cli/table';
import { readLetterFile } from '../../cli/readLetter';
import { decodeLetter, encodeLetter, firstInvalidUtf8 } from '../../core/text/decode';
import { Output } from '../../cli/output';
import { parseCsv, seedFiles, tempDir } from './support';

test('parseArgs reads commands, formats, repeated --rule and --opt=value', () => {
  const p = parseArgs(['lint', 'a', '--format=sarif', '--rule', 'x=off', '--rule', 'y=hint', '-j', '0', 'b']);
  assert.equal(p.kind, 'run');
  if (p.kind !== 'run') return;
  assert.deepEqual(p.request.paths, ['a', 'b']);
  assert.equal(p.request.format, 'sarif');
  assert.deepEqual(p.request.rules, { x: 'off', y: 'hint' });
  assert.equal(p.request.jobs, 0);
  assert.equal(p.request.useConfig, true);
  const table = parseArgs(['table', 'dir']);
  assert.equal(table.kind === 'run' && table.request.format, 'csv');
  assert.deepEqual(parseArgs(['--help']), { kind: 'help' });
  assert.deepEqual(parseArgs(['lint', '-V']), { kind: 'version' });
  const dashed = parseArgs(['lint', '--', '--odd-name.txt']);
  assert.deepEqual(dashed.kind === 'run' && dashed.request.paths, ['--odd-name.txt']);
});

test('without --jobs the pool is sized by the run: the main thread below a threshold (300 files, 2,000 on Node 24), then a worker per 4,000 up to the cores', () => {
  const auto = parseArgs(['lint', 'a']);
  assert.ok(auto.kind === 'run' && auto.request.autoJobs);
  const set = parseArgs(['lint', 'a', '--jobs', '3']);
  assert.ok(set.kind === 'run' && !set.request.autoJobs && set.request.jobs === 3);
  assert.equal(filesPerWorker, 4000);
  assert.equal(poolSize(inProcessBelow - 1, true, 4), 0);
  assert.equal(poolSize(inProcessBelow, true, 4), 1);
  assert.equal(poolSize(4000, true, 4), 1);
  assert.equal(poolSize(4001, true, 4), 2);
  // A PDF counts as the text letters its reading costs: 200 PDFs are worth two workers.
  const found = (names: string[]): Found[] => names.map((file) => ({ kind: 'file', file, explicit: false }));
  assert.equal(workOf(found(['a.txt', 'b.imr'])), 2);
  assert.equal(workOf(found(['a.pdf', 'b.PDF', 'c.txt'])), 2 * pdfWeight + 1);
  assert.equal(poolSize(workOf(found(Array.from({ length: 200 }, (_, i) => `${i}.pdf`))), true, 2), 2);
  assert.equal(poolSize(10000, true, 2), 2);
  assert.equal(poolSize(12001, false, 4), 4);
  assert.equal(poolSize(50, false, 2), 1, 'more files are still to come: not a small run');
  assert.equal(poolSize(inProcessBelow + 100, true, 1), 1);
});

test('a small run without --jobs works in the main thread: no worker is started', async (t) => {
  // Twelve letters (enough for --jobs 2 to start workers); the worker script does not exist, so starting a
  // worker fails the run.
  const dir = tempDir(t);
  const seeds = seedFiles();
  for (let i = 0; i < 12; i++) copyFileSync(seeds[i % seeds.length], path.join(dir, `${i}.txt`));
  const delivered: FileResult[] = [];
  await runPipeline({
    task: 'lint',
    inputs: [dir],
    jobs: 2,
    autoJobs: true,
    resolver: new ConfigResolver({}, false, new Set(), () => undefined),
    workerScript: path.join(dir, 'no-such-worker.js'),
    deliver: (r) => {
      delivered.push(r);
    },
  });
  assert.equal(delivered.length, 12);
  assert.ok(delivered.every((r) => r.outcome.kind === 'lint'));
  await assert.rejects(
    runPipeline({
      task: 'lint',
      inputs: [dir],
      jobs: 2,
      resolver: new ConfigResolver({}, false, new Set(), () => undefined),
      workerScript: path.join(dir, 'no-such-worker.js'),
      deliver: () => undefined,
    }),
    'with --jobs 2 the same run starts workers',
  );
});

test('Output after a group: a terminal gets it at once, a file or pipe in 64 kB writes or after 200 ms', async () => {
  let clock = 0;
  const sink = (isTTY: boolean) => {
    const writes: string[] = [];
    const stream = { isTTY, write: (s: string) => (writes.push(s), true), once: () => stream };
    return { writes, out: new Output(stream as never, () => clock) };
  };
  const tty = sink(true);
  tty.out.write('a');
  await tty.out.flushIfDue();
  assert.deepEqual(tty.writes, ['a']);

  const pipe = sink(false);
  pipe.out.write('a');
  await pipe.out.flushIfDue();
  pipe.out.write('b');
  await pipe.out.flushIfDue();
  assert.deepEqual(pipe.writes, [], 'small groups gather');
  clock += 199;
  await pipe.out.flushIfDue();
  assert.deepEqual(pipe.writes, []);
  clock += 1;
  await pipe.out.flushIfDue();
  assert.deepEqual(pipe.writes, ['ab'], 'written once 200 ms have passed since the last write');
  pipe.out.write('x'.repeat(64 * 1024));
  await pipe.out.flushIfDue();
  assert.equal(pipe.writes.length, 2, 'written at once when 64 kB have gathered');
  await pipe.out.flushIfDue();
  assert.equal(pipe.writes.length, 2, 'nothing gathered, nothing written');
});

test('parseArgs refuses what it does not understand', () => {
  const bad = [
    [],
    ['frobnicate'],
    ['lint'],
    ['lint', 'x', '--bogus'],
    ['lint', 'x', '--format', 'csv'],
    ['table', 'x', '--format', 'sarif'],
    ['lint', 'x', '--rule', 'x'],
    ['lint', 'x', '--rule', 'x=loud'],
    ['parse', 'x', '--rule', 'x=off'],
    ['lint', 'x', '--jobs', 'many'],
    ['lint', 'x', '--format'],
    ['parse'],
    ['parse', 'a', 'b'],
    ['lint', 'x', '--no-config=yes'],
  ];
  for (const argv of bad) assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
});

test('decodeLetter refuses empty, binary and non-UTF-8 bytes, and strips a BOM', () => {
  assert.deepEqual(decodeLetter(Buffer.alloc(0)), { ok: false, reason: 'empty file' });
  // A byte-order mark and nothing else.
  for (const bom of [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]]) assert.deepEqual(decodeLetter(Buffer.from(bom)), { ok: false, reason: 'empty file' }, String(bom));
  assert.deepEqual(decodeLetter(Buffer.from('\ufeffx', 'utf8')), { ok: true, text: 'x' });
  const nul = decodeLetter(Buffer.from('abc\0def'));
  assert.ok(!nul.ok && /binary/.test(nul.reason) && /offset 3/.test(nul.reason));
  const latin1 = decodeLetter(Buffer.from('Caf\xe9 au lait', 'latin1'));
  assert.ok(!latin1.ok && /not valid UTF-8/.test(latin1.reason) && /byte 3/.test(latin1.reason));
  assert.deepEqual(decodeLetter(Buffer.from('\ufeffCase Number: x', 'utf8')), { ok: true, text: 'Case Number: x' });
  assert.deepEqual(decodeLetter(Buffer.from('naïve – “ok” 😀', 'utf8')), { ok: true, text: 'naïve – “ok” 😀' });
});

test('decodeLetter reads UTF-16 with its byte-order mark, both orders, as Windows tools save "Unicode" text', () => {
  const text = 'Case Number: CM16-0229336\r\nnaïve – “ok” 😀\r\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.deepEqual(decodeLetter(le), { ok: true, text });
  const be = Buffer.from(le);
  be.swap16();
  assert.deepEqual([be[0], be[1]], [0xfe, 0xff]);
  assert.deepEqual(decodeLetter(be), { ok: true, text });
  // Still refused: a NUL character, an odd byte count, a lone surrogate, and UTF-16 without its mark (binary).
  const nul = decodeLetter(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab\0c', 'utf16le')]));
  assert.deepEqual(nul, { ok: false, reason: 'binary file (NUL character at offset 6); not a text letter' });
  assert.match((decodeLetter(Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62])) as { reason: string }).reason, /^not valid UTF-16 \(an odd number of bytes\)/);
  assert.match((decodeLetter(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00])) as { reason: string }).reason, /^not valid UTF-16 \(a lone surrogate\)/);
  assert.match((decodeLetter(Buffer.from(text, 'utf16le')) as { reason: string }).reason, /^binary file \(NUL byte at offset 1\)/);
});

test('decodeLetter names a PDF as one, with the way to its text (for readers that do not send PDFs to pdf/)', () => {
  const r = decodeLetter(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0, 1])]));
  assert.deepEqual(r, { ok: false, reason: 'a PDF, not its text; extract the text first (imr-letters text FILE.pdf > FILE.txt), then check the .txt' });
  // Only the file's first bytes make a PDF.
  assert.deepEqual(decodeLetter(Buffer.from('See %PDF-1.7 in the letter')), { ok: true, text: 'See %PDF-1.7 in the letter' });
});

test('readLetterFile reads each file whole through its reused buffer: small, large, growing past it, and sized 0 by /proc', (t) => {
  const dir = tempDir(t);
  const seed = readFileSync(seedFiles()[0], 'utf8');
  const sized = (name: string, chars: number) => {
    const file = path.join(dir, name);
    writeFileSync(file, seed.repeat(Math.ceil(chars / seed.length)).slice(0, chars) + 'É\n');
    return file;
  };
  // Small ones share one buffer; 200 kB grows it; 3 MB is read into a buffer of its own; then small again.
  const files = [sized('a.txt', 3000), sized('b.txt', 9000), sized('c.txt', 200_000), sized('d.txt', 3_000_000), sized('e.txt', 5000)];
  const texts = files.map((f) => {
    const r = readLetterFile(f);
    assert.ok(!(r instanceof Promise) && r.ok, f);
    return r.text;
  });
  files.forEach((f, i) => assert.equal(texts[i], readFileSync(f, 'utf8'), `${path.basename(f)} read whole, and not overwritten by a later read`));
  // /proc reports a size of 0 for its files: the read goes on to the end.
  if (existsSync('/proc/self/status')) {
    const r = readLetterFile('/proc/self/status');
    assert.ok(!(r instanceof Promise) && r.ok && /^Name:/.test(r.text) && r.text.includes('Pid:'), 'the whole of /proc/self/status');
  }
});

test('firstInvalidUtf8 points at the first bad byte, including overlongs and surrogates', () => {
  assert.equal(firstInvalidUtf8(Buffer.from('ok')), 2);
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80])), 1, 'overlong');
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])), 2, 'surrogate');
  assert.equal(firstInvalidUtf8(Buffer.from([0xe2, 0x82])), 0, 'truncated');
  assert.equal(firstInvalidUtf8(Buffer.from('é😀', 'utf8')), 6);
});

test('the nearest .imr-letters.json wins and --rule overrides it', (t) => {
  const root = tempDir(t);
  const inner = path.join(root, 'a', 'b');
  mkdirSync(inner, { recursive: true });
  writeFileSync(path.join(root, '.imr-letters.json'), JSON.stringify({ rules: { 'date-order': 'off', 'duplicate-item': 'error' } }));
  writeFileSync(path.join(root, 'a', '.imr-letters.json'), JSON.stringify({ rules: { 'date-order': 'hint' } }));
  const warnings: string[] = [];
  const resolver = new ConfigResolver({ 'uncited-decision': 'off' }, true, new Set(['date-order', 'duplicate-item', 'uncited-decision']), (m) =>
    warnings.push(m),
  );
  const deep = resolver.rulesForFile(path.join(inner, 'x.txt'));
  assert.deepEqual(deep.rules, { 'date-order': 'hint', 'uncited-decision': 'off' }, 'nearest file only, not merged with the outer one');
  assert.equal(deep.source, path.join(root, 'a', '.imr-letters.json'));
  assert.equal(resolver.rulesForFile(path.join(root, 'a', 'y.txt')).id, deep.id, 'one id per config file');
  assert.deepEqual(resolver.rulesForFile(path.join(root, 'z.txt')).rules, {
    'date-order': 'off',
    'duplicate-item': 'error',
    'uncited-decision': 'off',
  });
  const off = new ConfigResolver({}, false, new Set(), () => undefined);
  assert.deepEqual(off.rulesForFile(path.join(inner, 'x.txt')).rules, {}, '--no-config');
  assert.deepEqual(warnings, []);
});

test('a broken .imr-letters.json is a ConfigError naming the file; unknown rule ids only warn', (t) => {
  const root = tempDir(t);
  writeFileSync(path.join(root, '.imr-letters.json'), '{"rules": {"date-order": "loud"}}');
  const resolver = new ConfigResolver({}, true, new Set(['date-order']), () => undefined);
  assert.throws(() => resolver.rulesForFile(path.join(root, 'x.txt')), (e: unknown) => e instanceof ConfigError && /loud/.test(e.message));
  writeFileSync(path.join(root, '.imr-letters.json'), '{"rules": ');
  assert.throws(() => new ConfigResolver({}, true, new Set(), () => undefined).rulesForFile(path.join(root, 'x.txt')), ConfigError);
  writeFileSync(path.join(root, '.imr-letters.json'), '{"rules": {"no-such-rule": "off"}}');
  const warnings: string[] = [];
  new ConfigResolver({}, true, new Set(['date-order']), (m) => warnings.push(m)).rulesForFile(path.join(root, 'x.txt'));
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /no-such-rule/);
});

test('.imr-letters.json saved with a byte-order mark (UTF-8 or UTF-16, as Windows tools write it) reads the same', (t) => {
  const root = tempDir(t);
  const json = '{"rules": {"date-order": "off"}}';
  const saved = [
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, 'utf8')]),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
    Buffer.from(json, 'utf8'),
  ];
  for (const bytes of saved) {
    writeFileSync(path.join(root, '.imr-letters.json'), bytes);
    const resolver = new ConfigResolver({}, true, new Set(['date-order']), () => undefined);
    assert.deepEqual(resolver.rulesForFile(path.join(root, 'x.txt')).rules, { 'date-order': 'off' });
  }
  writeFileSync(path.join(root, '.imr-letters.json'), Buffer.from([0x7b, 0x00, 0x7d]));
  assert.throws(
    () => new ConfigResolver({}, true, new Set(), () => undefined).rulesForFile(path.join(root, 'x.txt')),
    (e: unknown) => e instanceof ConfigError && /binary file/.test(e.message),
  );
});

test('csvCell quotes commas, quotes and line breaks, defuses formulas, and the test CSV reader reads them back', () => {
  const values = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', '', ' padded ', 'x=1', 'e-mail'];
  const line = values.map(csvCell).join(',') + '\r\n';
  assert.deepEqual(parseCsv(line), [values]);
  // A text a spreadsheet would run as a formula gets a leading quote; numbers stay numbers.
  const formulas = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
  assert.deepEqual(parseCsv(formulas.map(csvCell).join(',') + '\r\n'), [formulas.map((f) => `'${f}`)]);
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(false), 'false');
  assert.equal(csvCell(3), '3');
  assert.throws(() => parseCsv('a"b,c\r\n'));
  assert.throws(() => parseCsv('"abc\r\n'));
});

test('artifactLocation makes URIs relative to the working folder, percent-encoded', () => {
  const cwd = path.resolve('/work/x');
  assert.deepEqual(artifactLocation('letters/a b#1.txt', cwd), { uri: 'letters/a%20b%231.txt', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(artifactLocation('/elsewhere/c.txt', cwd), { uri: 'file:///elsewhere/c.txt' });
  assert.deepEqual(artifactLocation('<stdin>', cwd), { uri: 'untitled:stdin' }, 'standard input: its name in JSON, not a file of the folder');
});

test('githubPath names a file under the working folder from there (the repository root in a workflow), others absolute', () => {
  const cwd = path.resolve('/work/x');
  assert.equal(githubPath(path.join(cwd, 'letters', 'a.txt'), cwd), 'letters/a.txt');
  assert.equal(githubPath('letters/b.txt', cwd), 'letters/b.txt');
  assert.equal(githubPath('../elsewhere/c.txt', cwd), path.resolve('/work/elsewhere/c.txt'));
  assert.equal(githubPath('/elsewhere/d.txt', cwd), path.resolve('/elsewhere/d.txt'));
});

test('compactCitation shortens structured citations and keeps unstructured ones as written, without the words that introduce them', () => {
  const base = { kind: 'mtus' as const, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
  assert.equal(
    compactCitation({ ...base, text: 'x', source: 'MTUS', guideline: 'Chronic Pain Medical Treatment', edition: '2016', sections: ['Opioids', 'NSAIDs'] }),
    'MTUS Chronic Pain Medical Treatment 2016, Opioids, NSAIDs',
  );
  assert.equal(compactCitation({ ...base, text: 'x', source: 'MTUS', guideline: 'ACOEM', chapter: { number: 12 }, pagesText: '298' }), 'MTUS ACOEM, Chapter 12, p. 298');
  assert.equal(compactCitation({ ...base, text: 'x', source: 'ODG', guideline: 'Official Disability Guidelines', sections: ['MRI'] }), 'ODG, MRI');
  assert.equal(
    compactCitation({ ...base, text: 'x', source: 'ODG', guideline: 'Official Disability Guidelines', chapter: { title: 'Knee & Leg' }, sections: ['DME'] }),
    'ODG, Knee & Leg, DME',
  );
  assert.equal(compactCitation({ ...base, text: 'x', source: 'ACOEM', guideline: 'ACOEM', edition: '3rd ed.' }), 'ACOEM 3rd ed.');
  assert.equal(compactCitation({ ...base, kind: 'non-mtus', text: ' Smith J. Spine. 2015. ', source: 'article' }), 'Smith J. Spine. 2015.');
  // The words that introduce the source are not the source.
  assert.equal(compactCitation({ ...base, kind: 'non-mtus', text: 'Decision based on Non-MTUS Citation Smith J. Spine. 2015', source: 'article' }), 'Smith J. Spine. 2015');
  assert.equal(compactCitation({ ...base, kind: 'non-mtus', text: 'Decision based on Non -MTUS Citation University of Michigan', source: 'article' }), 'University of Michigan');
  assert.equal(
    compactCitation({ ...base, kind: 'non-mtus', text: 'Non-MTUS: Alternate guidelines referenced: Coccygodynia; evaluation', source: 'article' }),
    'Coccygodynia; evaluation',
  );
  assert.equal(compactCitation({ ...base, kind: 'non-mtus', text: 'Decision based on Non-MTUS Citation', source: 'other' }), 'Decision based on Non-MTUS Citation');
  assert.equal(compactCitation({ ...base, kind: 'non-mtus', text: 'x', source: 'ACOEM', guideline: 'ACOEM', edition: '2nd ed.', pagesText: '301' }), 'ACOEM 2nd ed., p. 301');
});

test('encodeLetter writes a text in the encoding of the bytes it came from, which decodeLetter reads back as the text', () => {
  // [bytes a letter was read from, the length of their byte-order mark]: plain UTF-8, UTF-8 with its mark, UTF-16 LE, BE.
  const likes: [Uint8Array, number][] = [
    [new Uint8Array([0x41]), 0],
    [new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 3],
    [new Uint8Array([0xff, 0xfe, 0x41, 0]), 2],
    [new Uint8Array([0xfe, 0xff, 0, 0x41]), 2],
  ];
  const texts = fc.string({ unit: 'grapheme', minLength: 1 }).filter((t) => !t.includes('\0') && !t.startsWith('\ufeff'));
  fc.assert(
    fc.property(texts, fc.constantFrom(...likes), (text, [like, mark]) => {
      const bytes = encodeLetter(text, like);
      assert.deepEqual(Array.from(bytes.subarray(0, mark)), Array.from(like.subarray(0, mark)), 'the same byte-order mark');
      assert.deepEqual(decodeLetter(bytes), { ok: true, text });
    }),
  );
});
