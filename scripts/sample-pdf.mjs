// Writes samples/003_600b92038191239e.pdf: the seed letter 003 printed as a PDF by the tests' PDF writer
// (test/support/minimalPdf.ts), so that `npm start` has a PDF to open as a letter. A test checks that it reads
// as the seed; run this again if the writer or the seed changes: node scripts/sample-pdf.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, '.bench', 'minimalPdf.js');
await esbuild.build({ entryPoints: [path.join(root, 'test/support/minimalPdf.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
const { letterPages, writePdf } = createRequire(import.meta.url)(out);
const seed = readFileSync(path.join(root, 'samples', '003_600b92038191239e.txt'), 'utf8');
const target = path.join(root, 'samples', '003_600b92038191239e.pdf');
writeFileSync(target, writePdf(letterPages(seed, 40)));
console.log(`wrote ${path.relative(root, target)}`);
