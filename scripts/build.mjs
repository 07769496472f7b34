// Bundles the client, the language server and the CLI with esbuild into dist/.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const entries = [
  { entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // pdf.js, loaded by the server and the CLI on the first PDF (pdf/load.ts). Minified even in development (3 MB
  // otherwise), and without a source map: its own code is pdf.js's. pdf.js can fetch a PDF, fonts and character
  // maps by URL; this product only ever hands it bytes, and the bundle holds no way to the network at all: its
  // fetch and XMLHttpRequest are undefined (a call would throw, not connect).
  {
    entryPoints: ['pdf/pdfText.mts'],
    outfile: 'dist/pdf.js',
    minify: true,
    sourcemap: false,
    define: { fetch: 'undefined', XMLHttpRequest: 'undefined' },
  },
];

const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
