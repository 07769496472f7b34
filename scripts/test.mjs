// Builds the bundles, compiles the tests and runs them with node's test runner.
// Ends with one line "N passed, N failed, N skipped" for CI. Under CI=true a skipped test fails the run.
// Usage: npm test [-- substring...]   (only test files whose path contains one of the substrings)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

function run(cmd, args, { tolerate = false } = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0 && tolerate) {
    console.log(`${cmd} ${args.join(' ')} reported errors (IMR_ALLOW_TYPE_ERRORS=1: going on)`);
  } else if (r.status !== 0) {
    console.log(`${cmd} ${args.join(' ')} failed`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

run(process.execPath, ['scripts/build.mjs']);
// IMR_TEST_OUT lets several runs share a checkout without clobbering each other's compiled tests.
const outDir = process.env.IMR_TEST_OUT || 'out';
rmSync(outDir, { recursive: true, force: true });
// IMR_ALLOW_TYPE_ERRORS=1 runs the tests even when another part of the tree does not type-check (local work only).
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--outDir', outDir], {
  tolerate: process.env.IMR_ALLOW_TYPE_ERRORS === '1',
});

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) found.push(...findTests(p));
    else if (name.endsWith('.test.js')) found.push(p);
  }
  return found;
}

const filters = process.argv.slice(2);
const files = findTests(path.join(outDir, 'test'))
  // Match filters against the path inside the output folder, so "out-grammar" does not match "grammar".
  .filter((f) => filters.length === 0 || filters.some((s) => path.relative(outDir, f).includes(s)))
  .sort();
// With no file named, `node --test` would discover test files all over the checkout: refuse instead.
if (files.length === 0) {
  console.log(`no compiled test file matches ${filters.map((f) => JSON.stringify(f)).join(' or ')} (give a substring of out/test/..., e.g. e2e/workbench)`);
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

const countsFile = path.join(outDir, 'test-counts.json');
const r = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/count-reporter.mjs',
    `--test-reporter-destination=${countsFile}`,
    ...files,
  ],
  { stdio: 'inherit' },
);

let counts = { passed: 0, failed: 1, skipped: 0, skippedNames: [] };
try {
  counts = JSON.parse(readFileSync(countsFile, 'utf8'));
} catch {
  console.log('the test runner wrote no counts');
}
let failed = counts.failed;
if (process.env.CI === 'true' && counts.skipped > 0) {
  console.log(`CI=true: ${counts.skipped} test(s) skipped, which CI does not allow:`);
  for (const n of counts.skippedNames) console.log(`  - ${n}`);
  failed += counts.skipped;
}
const status = r.status !== 0 || failed > 0 ? 1 : 0;
console.log(`${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped`);
process.exit(status);
