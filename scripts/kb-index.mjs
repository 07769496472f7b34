// Writes core/knowledge/nameIndex.generated.ts: the knowledge base's names prepared for matching, and the word
// index built from them (core/knowledge/nameIndex.ts). Run after changing the data or the matching of names;
// a unit test fails while the file is stale. Usage: npm run kb:index
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'imr-kb-index-'));
try {
  const outfile = path.join(dir, 'build.cjs');
  await esbuild.build({
    stdin: {
      contents: `import { buildNameIndex, generatedModule } from './core/knowledge/nameIndex';
import { entries } from './core/knowledge/data';
export const text = generatedModule(buildNameIndex(entries));`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  const { text } = createRequire(import.meta.url)(outfile);
  const target = path.join(root, 'core', 'knowledge', 'nameIndex.generated.ts');
  writeFileSync(target, text);
  console.log(`wrote ${path.relative(root, target)} (${text.length} bytes)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
