// Where the tests find the corpus and the tools they need, and why a test skips when they are missing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The repository root (the folder holding package.json). */
export const repoRoot = findRoot(__dirname);

function findRoot(dir: string): string {
  let d = dir;
  while (!existsSync(path.join(d, 'package.json'))) {
    const parent = path.dirname(d);
    if (parent === d) throw new Error(`no package.json above ${dir}`);
    d = parent;
  }
  return d;
}

/** The corpus folder (holding letters/ and seeds/): IMR_CORPUS, or ../shared/corpus beside the checkout. */
export const corpusDir = process.env.IMR_CORPUS
  ? path.resolve(process.env.IMR_CORPUS)
  : path.resolve(repoRoot, '..', 'shared', 'corpus');

export const lettersDir = path.join(corpusDir, 'letters');
/** The corpus letters' PDFs, as published (a few of them). */
export const pdfDir = path.join(corpusDir, 'pdf');
export const seedsDir = path.join(repoRoot, 'test', 'fixtures', 'seeds');
export const distDir = path.join(repoRoot, 'dist');

export const isCI = process.env.CI === 'true';

/**
 * A reason to skip when a need is missing, for node:test's `skip` option; under CI=true never a reason,
 * so the test runs and fails on the missing need instead of skipping.
 */
export function skipUnless(available: boolean, reason: string): string | false {
  if (available || isCI) return false;
  return reason;
}

export const corpusSkip = skipUnless(existsSync(lettersDir), `no corpus at ${lettersDir} (set IMR_CORPUS)`);

export interface SourceRow {
  filename: string;
  caseNumber: string;
  decisionDate: string;
  items: number;
  upheld: number;
  overturned: number;
}

/** SOURCES.tsv of the corpus: per letter, the expected item counts. */
export function readSources(): SourceRow[] {
  const text = readFileSync(path.join(lettersDir, 'SOURCES.tsv'), 'utf8');
  const [head, ...rows] = text.trim().split('\n');
  const cols = head.split('\t');
  const at = (r: string[], name: string) => r[cols.indexOf(name)];
  return rows.map((line) => {
    const r = line.split('\t');
    return {
      filename: at(r, 'filename'),
      caseNumber: at(r, 'case_number'),
      decisionDate: at(r, 'decision_date'),
      items: Number(at(r, 'n_items')),
      upheld: Number(at(r, 'n_upheld')),
      overturned: Number(at(r, 'n_overturned')),
    };
  });
}

/** The corpus letters (file names), empty when there is no corpus. */
export function corpusLetters(): string[] {
  if (!existsSync(lettersDir)) return [];
  return readdirSync(lettersDir).filter((f) => f.endsWith('.txt')).sort();
}
