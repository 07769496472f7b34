// The bundles esbuild makes, shared by the build (scripts/build.mjs) and the .vsix (scripts/package.mjs).
import { readFile } from 'node:fs/promises';
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
  plugins: [streamCap()],
};

/** The most a PDF stream may inflate to. A letter's streams are tens of kB; its embedded fonts, a few hundred. */
export const maxPdfStreamBytes = 32 * 1024 * 1024;

/**
 * pdf.js inflates a compressed stream whole, into a buffer it doubles as it goes: a 300 kB PDF of one stream of
 * spaces took 730 MB and 2.3 s, and a few MB more would take the process down. Every decoder grows its output
 * through DecodeStream.ensureBuffer, which this puts a ceiling on; the stream is then unreadable (pdf.js drops it,
 * or the PDF gets a reason), and pdfText.mts says so. A check, not a silent change: the build fails if pdf.js no longer has the method.
 */
function streamCap() {
  const anchor = '  ensureBuffer(requested) {\n    const buffer = this.buffer;\n';
  return {
    name: 'pdfjs-stream-cap',
    setup(build) {
      build.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (source.split(anchor).length !== 2) throw new Error(`${args.path}: DecodeStream.ensureBuffer not found once; check the stream cap (scripts/bundles.mjs)`);
        // Counted on globalThis too (pdfText.mts reads it): pdf.js may drop the stream's error and go on.
        const refuse = `globalThis.__imrStreamsCapped = (globalThis.__imrStreamsCapped || 0) + 1; throw new Error("a stream inflates past ${maxPdfStreamBytes / 1024 / 1024} MB");`;
        const cap = `  ensureBuffer(requested) {\n    if (requested > ${maxPdfStreamBytes}) { ${refuse} }\n    const buffer = this.buffer;\n`;
        return { contents: source.replace(anchor, cap), loader: 'js' };
      });
    },
  };
}
