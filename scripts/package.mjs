// npm run package: bundles the extension for production and packs imr-letters-<version>.vsix with @vscode/vsce.
// The bundles are self-contained (esbuild inlines the dependencies), so the .vsix carries no node_modules.
// It is packed from a staging folder with its own fresh bundles, so a build running beside it (another
// `npm test`) cannot slip a half-written dist/ into the package.
// Usage: node scripts/package.mjs [--out file.vsix]
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { common, extensionBundle, pdfBundle, serverBundle } from './bundles.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const maxBytes = 2 * 1024 * 1024;

/** The entries of a zip file, from its central directory. */
export function zipEntries(file) {
  const buf = readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), size });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** What goes into the package besides the bundles (.vscodeignore filters again). */
const packaged = [
  'package.json',
  '.vscodeignore',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'language-configuration.json',
  'syntaxes',
  'media',
  'docs/screenshot.png',
];

export async function packageExtension({ out, quiet = false } = {}) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.resolve(out ?? path.join(root, `${manifest.name}-${manifest.version}.vsix`));
  const stage = mkdtempSync(path.join(os.tmpdir(), 'imr-package-'));
  try {
    for (const f of packaged) {
      if (existsSync(path.join(root, f))) cpSync(path.join(root, f), path.join(stage, f), { recursive: true });
    }
    const esbuild = require('esbuild');
    // The extension, its server and the PDF reader the server loads; not the CLI, which npm installs.
    await Promise.all(
      [extensionBundle, serverBundle, pdfBundle].map((b) =>
        esbuild.build({ ...common, minify: true, ...b, absWorkingDir: root, outfile: path.join(stage, b.outfile) }),
      ),
    );
    const { createVSIX } = require('@vscode/vsce');
    const log = console.log;
    const info = console.info;
    if (quiet) console.log = console.info = () => {};
    try {
      // Relative links stay relative: VS Code shows the README's screenshot from inside the installed extension.
      await createVSIX({ cwd: stage, packagePath: vsix, dependencies: false, rewriteRelativeLinks: false });
    } finally {
      console.log = log;
      console.info = info;
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  const size = statSync(vsix).size;
  if (size >= maxBytes) throw new Error(`${vsix} is ${size} bytes, over the ${maxBytes}-byte limit`);
  return { vsix, size, entries: zipEntries(vsix) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  try {
    const { vsix, size, entries } = await packageExtension({
      out: outAt >= 0 ? args[outAt + 1] : undefined,
    });
    for (const e of entries) console.log(`${String(e.size).padStart(9)}  ${e.name}`);
    console.log(`${path.relative(process.cwd(), vsix)}: ${entries.length} files, ${(size / 1024).toFixed(1)} KB (limit 2 MB)`);
  } catch (e) {
    console.error(`package: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
