// The line limit beside the size limit: a file under 10 MB made of millions of line breaks is refused with one clear
// line, as a file over 10 MB is, and the run goes on (an object a line would take gigabytes).
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { decodeLetter, maxLetterLines } from '../../core/text/decode';
import { runCli, seedFiles, tempDir } from './support';

test('decodeLetter refuses more lines than a letter can have, in UTF-8 and UTF-16, and keeps a long letter', () => {
  const lf = decodeLetter(Buffer.from('\n'.repeat(maxLetterLines + 1)));
  assert.deepEqual(lf, { ok: false, reason: 'too many lines (over 200,000; a letter has a few hundred); not parsed' });
  const cr = decodeLetter(Buffer.from('x\r'.repeat(maxLetterLines + 1)));
  assert.equal(cr.ok, false);
  const utf16 = decodeLetter(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\r\n'.repeat(maxLetterLines + 1), 'utf16le')]));
  assert.equal(utf16.ok, false);
  assert.equal(decodeLetter(Buffer.from('a line\r\n'.repeat(maxLetterLines - 2))).ok, true);
});

test('imr-letters lint: a file of 9.9 million line breaks gets one line on stderr, and the letter beside it is linted', (t) => {
  const dir = tempDir(t);
  copyFileSync(seedFiles()[0], path.join(dir, 'good.txt'));
  writeFileSync(path.join(dir, 'lines.txt'), '\n'.repeat(9_900_000));
  const r = runCli(['lint', '--format', 'json', dir]);
  assert.equal(r.stderr, `imr-letters: ${path.join(dir, 'lines.txt')}: too many lines (over 200,000; a letter has a few hundred); not parsed\n`);
  assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((e) => path.basename(e.file)), ['good.txt']);
});
