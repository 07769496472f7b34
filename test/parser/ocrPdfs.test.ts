// Corpus PDFs OCR'd at test time, as attorneys OCR their scanned letters: each page rendered at 300 dpi (pdftoppm) and
// read by tesseract, the pages joined with the form feed tesseract ends each with. Two letters: one whose partial
// authorization's title tesseract splits with an empty line, one whose case number it reads with a space inside.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { parseLetter } from '../../core';
import { lettersDir, pdfDir, readSources, skipUnless } from '../support/env';

const run = promisify(execFile);

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const tesseract = onPath('tesseract');
const pdftoppm = onPath('pdftoppm');
const letters = ['005_CM16-0229336', '008_CM16-0231706'];

/** The letter's text as tesseract reads its pages, each page in a process of its own (one thread each). */
async function ocr(pdf: string, work: string): Promise<string> {
  const base = path.join(work, path.basename(pdf, '.pdf'));
  await run(pdftoppm!, ['-r', '300', '-gray', '-png', pdf, base]);
  const pages = readdirSync(work)
    .filter((f) => f.startsWith(path.basename(base)) && f.endsWith('.png'))
    .sort();
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const texts = await Promise.all(pages.map(async (page) => (await run(tesseract!, [path.join(work, page), 'stdout'], { env })).stdout));
  return texts.join('');
}

test(
  'two corpus PDFs OCR\'d by tesseract read with the items, decisions, case number and partial authorization of their text',
  {
    skip:
      skipUnless(existsSync(pdfDir), `no corpus PDFs at ${pdfDir} (set IMR_CORPUS)`) ||
      skipUnless(tesseract !== undefined && pdftoppm !== undefined, 'no tesseract or pdftoppm on PATH (bash scripts/setup-pdf-tools.sh installs them)'),
    timeout: 120_000,
  },
  async () => {
    const sources = readSources();
    const work = mkdtempSync(path.join(tmpdir(), 'imr-ocr-'));
    try {
      const texts = await Promise.all(letters.map((name) => ocr(path.join(pdfDir, `${name}.pdf`), work)));
      letters.forEach((name, k) => {
        const row = sources.find((s) => s.filename === `${name}.txt`)!;
        const model = parseLetter(texts[k]);
        const truth = parseLetter(readFileSync(path.join(lettersDir, `${name}.txt`), 'utf8'));
        const decisions = model.items.map((i) => i.decision);
        assert.equal(model.items.length, row.items, name);
        assert.equal(decisions.filter((d) => d === 'Upheld').length, row.upheld, name);
        assert.equal(decisions.filter((d) => d === 'Overturned').length, row.overturned, name);
        assert.deepEqual(decisions, truth.items.map((i) => i.decision), name);
        assert.equal(model.header?.caseNumber?.value, row.caseNumber, name);
        assert.deepEqual(
          model.items.map((i) => i.partial?.originalRequest),
          truth.items.map((i) => i.partial?.originalRequest),
          name,
        );
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);
