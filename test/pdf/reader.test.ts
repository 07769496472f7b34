// The PDF reader (pdf/reader.ts): pdf.js runs in a child process of its own, so that whatever a PDF makes it do, the
// caller gets the text or a reason in bounded time and memory, and the next PDF is read. The hostile PDFs are
// written here (test/support/minimalPdf.ts): each took pdf.js seconds to minutes and hundreds of MB to gigabytes
// in the caller's own process before.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { PdfReader, PdfReaders } from '../../pdf/reader';
import type { PdfReaderOptions } from '../../pdf/reader';
import { distDir, skipUnless } from '../support/env';
import { longString, writePdf, writeRepeatedPdf } from '../support/minimalPdf';

const bundle = path.join(distDir, 'pdf.js');
const builtSkip = skipUnless(existsSync(bundle), 'dist/pdf.js is not built (npm run build)');

const letter = writePdf([[{ text: 'HOW THE IMR FINAL DETERMINATION WAS MADE' }, { text: 'CLINICAL CASE SUMMARY', gapBefore: 14 }]]);
const letterText = 'HOW THE IMR FINAL DETERMINATION WAS MADE\n\nCLINICAL CASE SUMMARY\n';

/** The child's peak resident memory in MB, from Linux's /proc (undefined elsewhere, or once the child is gone). */
function childPeakMb(reader: PdfReader): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${reader.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function withReader(options: PdfReaderOptions, body: (reader: PdfReader) => Promise<void>): Promise<void> {
  const reader = new PdfReader(() => bundle, options);
  try {
    await body(reader);
  } finally {
    reader.dispose();
  }
}

test('a text bomb (a page showing one string of 30 M letters, 31 kB of PDF) is refused in a moment, in little memory', { skip: builtSkip }, async () => {
  await withReader({}, async (reader) => {
    const bomb = writeRepeatedPdf({ pages: 20, unit: longString(30 * 1024 * 1024), times: 1 });
    assert.ok(bomb.length < 1024 * 1024, `${bomb.length} bytes`);
    const start = performance.now();
    const r = await reader.read(bomb);
    const seconds = (performance.now() - start) / 1000;
    assert.deepEqual(r, { ok: false, reason: 'a PDF with a string of over a million characters (no letter has one); not read' });
    // pdf.js alone took 11 s and 1.3 GB for each such page; the string ceiling stops it in the lexer.
    assert.ok(seconds < 10, `${seconds.toFixed(1)} s`);
    const peak = childPeakMb(reader);
    if (peak !== undefined) assert.ok(peak < 300, `the reader's process peaked at ${peak.toFixed(0)} MB`);
    assert.equal(reader.started, 1, 'the reader stopped by itself: its process goes on');
    assert.deepEqual(await reader.read(letter), { ok: true, text: letterText });
  });
});

test('a page that takes pdf.js seconds is given up at the time limit: the process is killed, and a new one reads the next PDF', { skip: builtSkip }, async () => {
  await withReader({ graceMs: 1000 }, async (reader) => {
    // Thirty strings of a million letters on one page: about 7 s of pdf.js, with no pause in which to stop itself.
    const slow = writeRepeatedPdf({ pages: 1, unit: longString(1_000_000), times: 30 });
    const start = performance.now();
    const r = await reader.read(slow, { timeoutMs: 500 });
    const seconds = (performance.now() - start) / 1000;
    assert.deepEqual(r, { ok: false, reason: 'took over 0.5 s to read (a letter takes well under one); not read' });
    assert.ok(seconds < 5, `${seconds.toFixed(1)} s`);
    assert.deepEqual(await reader.read(letter), { ok: true, text: letterText });
    assert.equal(reader.started, 2, 'the process that ran over was replaced');
  });
});

test('between pages, the reader stops itself at the time limit, and its process goes on', { skip: builtSkip }, async () => {
  // No kill: a grace of a minute. Forty pages of three million letters each: about 30 s in all, 0.7 s a page.
  await withReader({ graceMs: 60_000 }, async (reader) => {
    const slow = writeRepeatedPdf({ pages: 40, unit: longString(1_000_000), times: 3 });
    const start = performance.now();
    const r = await reader.read(slow, { timeoutMs: 1000 });
    const seconds = (performance.now() - start) / 1000;
    assert.deepEqual(r, { ok: false, reason: 'took over 1 s to read (a letter takes well under one); not read' });
    assert.ok(seconds < 10, `${seconds.toFixed(1)} s`);
    assert.deepEqual(await reader.read(letter), { ok: true, text: letterText });
    assert.equal(reader.started, 1);
  });
});

test('a PDF whose text passes the limit is given up', { skip: builtSkip }, async () => {
  await withReader({}, async (reader) => {
    const line = 'The claims administrator cited the MTUS Chronic Pain Medical Treatment Guidelines, page 98.';
    const pages = Array.from({ length: 40 }, () => Array.from({ length: 46 }, () => ({ text: line })));
    const pdf = writePdf(pages);
    const whole = await reader.read(pdf);
    assert.ok(whole.ok, 'read whole under the default limit');
    assert.ok(whole.text.length > 150_000, `${whole.text.length} characters`);
    assert.deepEqual(await reader.read(pdf, { maxTextChars: 50_000 }), {
      ok: false,
      reason: 'a PDF whose text passes 50,000 characters (a letter has tens of thousands); not read',
    });
  });
});

test('a PDF that needs more memory than the ceiling kills its process, not the caller, and gets a reason', { skip: builtSkip }, async () => {
  await withReader({ maxHeapMb: 64 }, async (reader) => {
    // 1.2 million text items on one page, 88 kB of PDF: pdf.js holds them all.
    const items = writeRepeatedPdf({ pages: 1, unit: '1 0 0 1 72 700 Tm (A) Tj\n1 0 0 1 72 686 Tm (B) Tj\n', times: 600_000 });
    const before = process.memoryUsage().rss;
    const r = await reader.read(items);
    assert.deepEqual(r, { ok: false, reason: 'needs over 64 MB of memory to read (no letter needs a quarter of that); not read' });
    const grew = (process.memoryUsage().rss - before) / (1024 * 1024);
    assert.ok(grew < 50, `the caller grew by ${grew.toFixed(0)} MB`);
    assert.deepEqual(await reader.read(letter), { ok: true, text: letterText });
    assert.equal(reader.started, 2);
  });
});

test('readings asked for at once are answered each with its own result, in turn, across a failure', { skip: builtSkip }, async () => {
  await withReader({ graceMs: 500 }, async (reader) => {
    const slow = writeRepeatedPdf({ pages: 1, unit: longString(1_000_000), times: 30 });
    const other = writePdf([[{ text: 'CLINICAL CASE SUMMARY' }]]);
    const results = await Promise.all([
      reader.read(letter),
      reader.read(slow, { timeoutMs: 200 }),
      reader.read(Buffer.from('%PDF-1.4\nnot a PDF at all')),
      reader.read(other),
    ]);
    assert.deepEqual(results, [
      { ok: true, text: letterText },
      { ok: false, reason: 'took over 0.2 s to read (a letter takes well under one); not read' },
      { ok: false, reason: 'not a readable PDF (damaged or incomplete)' },
      { ok: true, text: 'CLINICAL CASE SUMMARY\n' },
    ]);
  });
});

test('without dist/pdf.js the reader says so, and does not throw', async () => {
  const reader = new PdfReader(() => {
    throw new Error('dist/pdf.js not found: run npm run build');
  });
  const r = await reader.read(letter);
  assert.deepEqual(r, { ok: false, reason: 'a PDF, and the PDF reader could not be started (dist/pdf.js not found: run npm run build)' });
});

test('an idle reader ends its process, and starts another for the next PDF', { skip: builtSkip }, async () => {
  await withReader({ idleMs: 200 }, async (reader) => {
    assert.deepEqual(await reader.read(letter), { ok: true, text: letterText });
    const pid = reader.pid;
    assert.ok(pid);
    const alive = (p: number) => {
      try {
        process.kill(p, 0);
        return true;
      } catch {
        return false;
      }
    };
    assert.ok(alive(pid));
    const end = Date.now() + 5000;
    while (alive(pid) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    assert.equal(alive(pid), false, 'the idle process ended');
    assert.equal(reader.pid, undefined);
    assert.deepEqual(await reader.read(letter), { ok: true, text: letterText });
    assert.equal(reader.started, 2);
  });
});

test('a pool of readers spreads readings asked at once over its processes, each answered with its own result', { skip: builtSkip }, async () => {
  const pool = new PdfReaders(() => bundle, 2);
  try {
    // One at a time: one process does it all.
    assert.deepEqual(await pool.read(letter), { ok: true, text: letterText });
    assert.deepEqual(await pool.read(letter), { ok: true, text: letterText });
    assert.deepEqual(pool.readers.map((r) => r.started), [1, 0]);
    // Four at once: both, in turn.
    const other = writePdf([[{ text: 'CLINICAL CASE SUMMARY' }]]);
    const results = await Promise.all([pool.read(letter), pool.read(other), pool.read(other), pool.read(letter)]);
    assert.deepEqual(results.map((r) => (r.ok ? r.text : r.reason)), [letterText, 'CLINICAL CASE SUMMARY\n', 'CLINICAL CASE SUMMARY\n', letterText]);
    assert.deepEqual(pool.readers.map((r) => r.started), [1, 1]);
  } finally {
    pool.dispose();
  }
});

test('a reading asked right after the reader let its process go is read by a new one, not failed with the old one\'s end', { skip: builtSkip }, async () => {
  await withReader({}, async (reader) => {
    assert.deepEqual(await reader.read(letter), { ok: true, text: letterText });
    reader.dispose();
    assert.deepEqual(await reader.read(letter), { ok: true, text: letterText });
    assert.equal(reader.started, 2);
  });
});
