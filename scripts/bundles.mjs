// The bundles esbuild makes, shared by the build (scripts/build.mjs) and the .vsix (scripts/package.mjs).
export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
};

export const extensionBundle = { entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] };
export const serverBundle = { entryPoints: ['server/main.ts'], outfile: 'dist/server.js' };
export const cliBundle = { entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } };

// pdf.js, loaded by the server and the CLI on the first PDF (pdf/load.ts). Minified even in development (3 MB
// otherwise), and without a source map: its own code is pdf.js's. pdf.js can fetch a PDF, fonts and character
// maps by URL; this product only ever hands it bytes, and the bundle holds no way to the network at all: its
// fetch and XMLHttpRequest are undefined (a call would throw, not connect).
export const pdfBundle = {
  entryPoints: ['pdf/pdfText.mts'],
  outfile: 'dist/pdf.js',
  minify: true,
  sourcemap: false,
  define: { fetch: 'undefined', XMLHttpRequest: 'undefined' },
};
