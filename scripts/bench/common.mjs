// Shared by the benchmarks: where the letters are, the core bundle, and number formatting.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** The corpus letters (IMR_CORPUS or ../shared/corpus beside the checkout), else the seed fixtures. */
export function letterFiles() {
  const corpus = process.env.IMR_CORPUS ? path.resolve(process.env.IMR_CORPUS) : path.resolve(root, '..', 'shared', 'corpus');
  const letters = path.join(corpus, 'letters');
  const dir = existsSync(letters) ? letters : path.join(root, 'test', 'fixtures', 'seeds');
  return {
    dir,
    files: readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => path.join(dir, f)),
  };
}

/**
 * The corpus copied round-robin into `work`, in folders of `perFolder` (set-000, set-001, ...): the first k folders
 * are the first k × perFolder letters. Returns the folders and the bytes copied. From the second round on, each copy
 * gets a case number of its own (the same length), so that it is another letter to the summaries and the hovers'
 * figures, which count copies of one letter once.
 */
export function copyLetters(work, total, perFolder = 500) {
  const { files } = letterFiles();
  let bytes = 0;
  const folders = [];
  for (let i = 0; i < total; i++) {
    if (i % perFolder === 0) {
      folders.push(path.join(work, `set-${String(folders.length).padStart(3, '0')}`));
      mkdirSync(folders.at(-1));
    }
    const source = files[i % files.length];
    const target = path.join(folders.at(-1), `${String(i).padStart(5, '0')}-${path.basename(source)}`);
    if (i < files.length) copyFileSync(source, target);
    else writeFileSync(target, readFileSync(source, 'latin1').replace(/(Case Number:\s*CM\d\d-)\d{7}/, (_, head) => head + String(i).padStart(7, '0')), 'latin1');
    bytes += statSync(target).size;
  }
  return { folders, bytes };
}

/** Bundles an entry point into .bench/ as the extension and CLI ship their code (esbuild, one file); returns its path. */
export async function bundle(entry, name, plugins = []) {
  const outfile = path.join(root, '.bench', name);
  await esbuild.build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    plugins,
  });
  return outfile;
}

/** Bundles core/index.ts into .bench/core.js and loads it. */
export async function loadCore() {
  return createRequire(import.meta.url)(await bundle('core/index.ts', 'core.js'));
}

/** Megabytes as the targets count them: 10^6 bytes (figures before 2026-11-23 were MiB, 2^20 bytes, labelled MB). */
export const mb = (bytes) => bytes / 1e6;
export const mib = (bytes) => bytes / (1024 * 1024);
export const fixed = (n, digits = 1) => n.toFixed(digits);

/** A process's resident memory in MiB, from /proc (NaN where there is none). */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return NaN;
  }
}

/** A process's descendants' ids, from /proc (empty where there is none). */
export function descendants(pid) {
  const found = [];
  const visit = (p) => {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      return;
    }
    for (const t of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const c of children.split(' ').filter(Boolean).map(Number)) {
        found.push(c);
        visit(c);
      }
    }
  };
  visit(pid);
  return found;
}

/**
 * Letters as PDFs: the corpus's (IMR_CORPUS or ../shared/corpus, its pdf/ folder), or the seeds printed by the tests'
 * PDF writer. Returns [{ name, bytes }] and whether they are the corpus's.
 */
export async function pdfSources() {
  const corpus = process.env.IMR_CORPUS ? path.resolve(process.env.IMR_CORPUS) : path.resolve(root, '..', 'shared', 'corpus');
  const pdfDir = path.join(corpus, 'pdf');
  if (existsSync(pdfDir)) {
    const sources = readdirSync(pdfDir)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map((f) => ({ name: f, bytes: readFileSync(path.join(pdfDir, f)) }));
    return { sources, fromCorpus: true };
  }
  const writer = createRequire(import.meta.url)(await bundle('test/support/minimalPdf.ts', 'minimalPdf.js'));
  const seeds = path.join(root, 'test', 'fixtures', 'seeds');
  const sources = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, '.pdf'), bytes: writer.writePdf(writer.letterPages(readFileSync(path.join(seeds, f), 'utf8'))) }));
  return { sources, fromCorpus: false };
}
