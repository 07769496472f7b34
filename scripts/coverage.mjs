// The guideline coverage report: extracts every citation from a folder of letters with the real parser and
// resolver, prints MTUS and ODG coverage and the citations that do not resolve.
// Usage: npm run coverage [-- <folder>...] [--json]   (default: ../shared/corpus/letters and test/fixtures/seeds)
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const corpus = process.env.IMR_CORPUS ? path.resolve(process.env.IMR_CORPUS) : path.resolve(root, '..', 'shared', 'corpus');
const folders = args.filter((a) => !a.startsWith('--'));
if (folders.length === 0) folders.push(path.join(corpus, 'letters'), path.join(root, 'test', 'fixtures', 'seeds'));

const letters = [];
for (const dir of folders) {
  if (!existsSync(dir)) {
    console.error(`no such folder: ${dir}`);
    process.exit(2);
  }
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    letters.push({ name: path.join(path.basename(dir), f), text: readFileSync(path.join(dir, f), 'utf8') });
  }
}

// The core is TypeScript: bundle its coverage module once into a temporary folder and load it.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'imr-coverage-'));
try {
  const outfile = path.join(tmp, 'coverage.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'core', 'knowledge', 'coverage.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  const { citationCoverage, formatCoverage } = createRequire(import.meta.url)(outfile);
  const report = citationCoverage(letters);
  console.log(json ? JSON.stringify(report, null, 2) : formatCoverage(report));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
