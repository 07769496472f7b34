// Shared by the benchmarks: where the letters are, the core bundle, and number formatting.
import { existsSync, readdirSync } from 'node:fs';
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

/** Bundles core/index.ts as the extension and CLI ship it (esbuild, one file) and loads it. */
export async function loadCore() {
  const outfile = path.join(root, '.bench', 'core.js');
  await esbuild.build({
    entryPoints: [path.join(root, 'core', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
  });
  return createRequire(import.meta.url)(outfile);
}

/** Megabytes as the targets count them: 10^6 bytes (figures before 2026-11-23 were MiB, 2^20 bytes, labelled MB). */
export const mb = (bytes) => bytes / 1e6;
export const mib = (bytes) => bytes / (1024 * 1024);
export const fixed = (n, digits = 1) => n.toFixed(digits);
