// The server's workspace index in process: the background reading of PDFs follows the workspace's folders.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { readLetterText, WorkspaceIndex } from '../../server/workspaceIndex';
import { readLetterFile } from '../../cli/readLetter';
import { createLanguageService } from '../../core/languageService';
import { maxLetterBytes } from '../../core/text/decode';
import { readSeed, seedFiles } from '../lsp/mutants';
import { letterPages, writePdf } from '../support/minimalPdf';

test('a folder removed from the workspace takes its PDFs out of the background reading', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'imr-index-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
  mkdirSync(a);
  mkdirSync(b);
  writeFileSync(path.join(a, 'letter.txt'), readSeed(seedFiles[1]));
  const pdf = writePdf(letterPages(readSeed(seedFiles[3])));
  for (let i = 0; i < 40; i++) writeFileSync(path.join(b, `p${i}.pdf`), pdf);
  const rounds: Array<[number, number]> = [];
  const index = new WorkspaceIndex(() => {}, (read, left) => rounds.push([read, left]));
  t.after(() => index.stop());
  index.setFolders([pathToFileURL(a).href, pathToFileURL(b).href]);
  const letters = await index.letters();
  assert.deepEqual(letters.map((l) => path.basename(l.uri)), ['letter.txt'], 'no PDF read before the answer');
  assert.ok(index.unreadPdfs > 30, `${index.unreadPdfs} PDFs to read`);
  index.setFolders([pathToFileURL(a).href]);
  assert.equal(index.unreadPdfs, 0, 'the removed folder\'s PDFs are no longer to read');
  // The round ends (the PDF being read when the folder went is the last).
  for (const deadline = Date.now() + 10_000; rounds.at(-1)?.[1] !== 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
  assert.equal(rounds.at(-1)?.[1], 0);
  assert.ok(rounds.at(-1)![0] < 40, `${rounds.at(-1)![0]} read in all`);
});

test('one size limit: a 6 MB letter is read by the folder index, checked in the editor and linted by the command line', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'imr-size-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const seed = readSeed(seedFiles[0]);
  // The seed, then filler prose in its last rationale: 6 MB, above the editor's (5 MB) and the index's (2 MB) old limits.
  const text = `${seed.trimEnd()} ${'The records were reviewed. '.repeat(Math.ceil((6 * 1024 * 1024) / 27))}\n`;
  const file = path.join(dir, 'big.txt');
  writeFileSync(file, text);
  const size = Buffer.byteLength(text);
  assert.ok(size > 6 * 1024 * 1024 && size < maxLetterBytes);
  const read = await readLetterText(file, size);
  assert.ok(read.ok, read.ok ? '' : read.reason);
  assert.ok((await readLetterFile(file)).ok);
  const ls = createLanguageService();
  const doc = { uri: pathToFileURL(file).href, version: 1, getText: () => text };
  assert.ok(ls.getLetter(doc)?.items.length, 'the editor parses it');
  assert.ok(!ls.getDiagnostics(doc).some((d) => /is over \d+ MB/.test(String(d.message))));
  // Past the limit all three refuse it.
  assert.deepEqual(await readLetterText(file, maxLetterBytes + 1), { ok: false, reason: 'too large (10.0 MB); not read' });
  const over = { ...doc, getText: () => 'x'.repeat(maxLetterBytes + 1) };
  assert.ok(ls.getDiagnostics(over).some((d) => /is over 10 MB/.test(String(d.message))));
});
