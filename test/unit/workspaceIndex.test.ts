// The server's workspace index in process: the background reading of PDFs follows the workspace's folders.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { WorkspaceIndex } from '../../server/workspaceIndex';
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
