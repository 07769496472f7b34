// imr-letters format: a letter printed tidied, the untidy letters of a folder listed (--check) or tidied in place
// (--write) in the encoding they came in, the PDFs and the files that are not letters left alone.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tidyLetter } from '../../core/features/formatting';
import { repoRoot } from '../support/env';
import { runCli, seedFiles, tempDir } from './support';

const seed = () => readFileSync(seedFiles()[0], 'utf8');

test('format FILE prints the letter tidied; - reads it from standard input; the file is left as it was', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'letter.txt');
  const crlf = seed().replace(/\n/g, '\r\n');
  writeFileSync(file, crlf);
  const r = runCli(['format', file]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, tidyLetter(crlf));
  assert.ok(r.stdout.includes('\r\n') && r.stdout.split('\n').length < crlf.split('\n').length * 0.6, 'tidied (the double-spaced seed loses its every other line), in CRLF still');
  assert.equal(readFileSync(file, 'utf8'), crlf);
  const piped = runCli(['format', '-'], { input: crlf });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(piped.stdout, r.stdout);
});

test('format --join-lines joins the lines of each paragraph, printed, checked and written', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'letter.txt');
  writeFileSync(file, seed());
  const printed = runCli(['format', '--join-lines', file]);
  assert.equal(printed.status, 0, printed.stderr);
  assert.equal(printed.stdout, tidyLetter(seed(), { joinLines: true }));
  assert.ok(printed.stdout.split('\n').length < tidyLetter(seed()).split('\n').length * 0.7);
  // A letter tidy without joining is not with it, and the other way round.
  writeFileSync(file, tidyLetter(seed()));
  assert.equal(runCli(['format', '--check', file]).status, 0);
  assert.equal(runCli(['format', '--check', '--join-lines', file]).status, 1);
  assert.equal(runCli(['format', '--write', '--join-lines', file]).status, 0);
  assert.equal(readFileSync(file, 'utf8'), printed.stdout);
  assert.equal(runCli(['format', '--check', '--join-lines', file]).status, 0);
});

test('format --check lists the letters that are not tidy, exit 1; --write tidies them, and then --check passes', (t) => {
  const dir = tempDir(t);
  mkdirSync(path.join(dir, 'sub'));
  const untidy = path.join(dir, 'sub', 'a.txt');
  const tidy = path.join(dir, 'b.txt');
  const notes = path.join(dir, 'notes.txt');
  writeFileSync(untidy, seed());
  writeFileSync(tidy, tidyLetter(seed()));
  const notesText = 'Shopping list:   \n\n\n  milk  \n';
  writeFileSync(notes, notesText);
  copyFileSync(path.join(repoRoot, 'samples', '003_600b92038191239e.pdf'), path.join(dir, 'c.pdf'));

  const check = runCli(['format', '--check', dir]);
  assert.equal(check.status, 1);
  assert.equal(check.stdout, `${untidy}\n`, 'only the untidy letter: the PDF and the notes are not checked');
  assert.match(check.stderr, /^imr-letters: 1 of 2 letters not tidy \(imr-letters format --write tidies them\)\n$/);

  const write = runCli(['format', '--write', dir]);
  assert.equal(write.status, 0, write.stderr);
  assert.equal(write.stdout, `${untidy}\n`);
  assert.match(write.stderr, /1 of 2 letters tidied/);
  assert.equal(readFileSync(untidy, 'utf8'), tidyLetter(seed()));
  assert.equal(readFileSync(notes, 'utf8'), notesText, 'a file that is not a letter is not touched');

  const again = runCli(['format', '--check', dir]);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(again.stdout, '');
  assert.match(again.stderr, /2 letters, all tidy/);
});

test('format --write keeps the encoding: UTF-8 with its byte-order mark, UTF-16 LE and BE', (t) => {
  const dir = tempDir(t);
  const text = seed();
  const tidied = tidyLetter(text);
  const bom8 = path.join(dir, 'bom8.txt');
  const le = path.join(dir, 'le.txt');
  const be = path.join(dir, 'be.txt');
  writeFileSync(bom8, `\ufeff${text}`, 'utf8');
  writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
  const r = runCli(['format', '--write', bom8, le, be]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.split('\n').filter(Boolean).length, 3);
  assert.deepEqual(readFileSync(bom8), Buffer.from(`\ufeff${tidied}`, 'utf8'));
  assert.deepEqual(readFileSync(le), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tidied, 'utf16le')]));
  assert.deepEqual(readFileSync(be), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(tidied, 'utf16le').swap16()]));
  assert.equal(runCli(['format', '--check', bom8, le, be]).status, 0, 'tidy now, each in its encoding');
});

test('format: what it leaves alone and why, and its usage errors', (t) => {
  const dir = tempDir(t);
  const notes = path.join(dir, 'notes.txt');
  writeFileSync(notes, 'Shopping list\n');
  const binary = path.join(dir, 'x.bin');
  writeFileSync(binary, Buffer.from([1, 0, 2]));
  const pdf = path.join(repoRoot, 'samples', '003_600b92038191239e.pdf');

  const named = runCli(['format', '--check', notes, binary, pdf]);
  assert.equal(named.status, 1, 'an unreadable file named is an error');
  const lines = named.stderr.split('\n');
  assert.ok(lines.some((l) => l.startsWith(`imr-letters: ${notes}: not an IMR letter`)), named.stderr);
  assert.ok(lines.some((l) => l.startsWith(`imr-letters: ${binary}: binary file`)), named.stderr);
  assert.ok(lines.some((l) => l.startsWith(`imr-letters: ${pdf}: a PDF, left as it is`)), named.stderr);

  const printNotes = runCli(['format', notes]);
  assert.equal(printNotes.status, 1);
  assert.equal(printNotes.stdout, '');
  // A PDF printed: its text as the reader lays it out, tidied.
  const printPdf = runCli(['format', pdf]);
  assert.equal(printPdf.status, 0, printPdf.stderr);
  assert.equal(printPdf.stdout, tidyLetter(runCli(['text', pdf]).stdout));

  for (const [args, message] of [
    [['format'], /format needs a FILE/],
    [['format', notes, notes], /format prints one FILE/],
    [['format', '--write', '-'], /cannot write to standard input/],
    [['format', '--check', '--write', notes], /cannot be combined/],
    [['lint', '--check', notes], /--check applies to format only/],
    [['lint', '--join-lines', notes], /--join-lines applies to format only/],
  ] as const) {
    const r = runCli([...args]);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
});

test('format exits as the other commands do: a named file that is not a letter fails, no "all tidy" after a failure, a folder gets a hint', (t) => {
  const dir = tempDir(t);
  const notes = path.join(dir, 'notes.csv');
  writeFileSync(notes, 'a,b\n1,2\n');
  const tidy = path.join(dir, 'tidy.txt');
  writeFileSync(tidy, tidyLetter(seed()));
  const missing = path.join(dir, 'missing.txt');

  const named = runCli(['format', '--check', notes]);
  assert.equal(named.status, 1, 'as lint and table exit for it');
  assert.match(named.stderr, /not an IMR letter/);
  const gone = runCli(['format', '--check', missing, tidy]);
  assert.equal(gone.status, 1);
  assert.equal(gone.stderr, `imr-letters: ${missing}: no such file or directory\nimr-letters: 1 letter tidy; 1 file could not be checked\n`);
  const write = runCli(['format', '--write', missing]);
  assert.equal(write.status, 1);
  assert.doesNotMatch(write.stderr, /all tidy/);
  const folder = runCli(['format', dir]);
  assert.equal(folder.status, 1);
  assert.equal(folder.stderr, `imr-letters: ${dir}: is a directory (format --check lists its letters that are not tidy, --write tidies them)\n`);
});
