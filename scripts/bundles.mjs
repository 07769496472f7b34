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
  plugins: [pdfjsCeilings()],
};

/** The most a PDF stream may inflate to. A letter's streams are tens of kB; its embedded fonts, a few hundred. */
export const maxPdfStreamBytes = 32 * 1024 * 1024;

/** The most characters a PDF string may hold. A letter's longest shows a line of a hundred or so. */
export const maxPdfStringChars = 1024 * 1024;
const longString = `a string of over ${maxPdfStringChars} characters`;

/**
 * Ceilings put into pdf.js where it would otherwise spend memory without bound on a hostile or broken PDF. Each
 * counts on globalThis (pdfText.mts reads the counters: pdf.js may swallow the error and go on) and throws. A check,
 * not a silent change: the build fails unless each anchor is found exactly once in pdf.js.
 */
const ceilings = [
  {
    // pdf.js inflates a compressed stream whole, into a buffer it doubles as it goes: a 300 kB PDF of one stream of
    // spaces took 730 MB and 2.3 s, and a few MB more would take the process down. Every decoder grows its output
    // through DecodeStream.ensureBuffer.
    what: 'DecodeStream.ensureBuffer',
    anchor: '  ensureBuffer(requested) {\n    const buffer = this.buffer;\n',
    counter: '__imrStreamsCapped',
    guard: (refuse) => `  ensureBuffer(requested) {\n    if (requested > ${maxPdfStreamBytes}) { ${refuse(`a stream inflates past ${maxPdfStreamBytes / 1024 / 1024} MB`)} }\n    const buffer = this.buffer;\n`,
  },
  {
    // The lexer reads a string into an array of one-character strings, then joins it; text extraction then makes a
    // glyph and a string per character, all held at once: a 31 kB PDF showing one 30 MB string took 11 s and 1.3 GB.
    // The stream ceiling alone still lets 32 MB through. Literal strings, (...):
    what: 'Lexer.getString',
    anchor: '    let ch = this.nextChar();\n    while (true) {\n      let charBuffered = false;\n',
    counter: '__imrLongStrings',
    guard: (refuse) => `    let ch = this.nextChar();\n    while (true) {\n      if (strBuf.length > ${maxPdfStringChars}) { ${refuse(longString)} }\n      let charBuffered = false;\n`,
  },
  {
    // and hexadecimal ones, <...>.
    what: 'Lexer.getHexString',
    anchor: '    this._hexStringNumWarn = 0;\n    while (true) {\n',
    counter: '__imrLongStrings',
    guard: (refuse) => `    this._hexStringNumWarn = 0;\n    while (true) {\n      if (strBuf.length > ${maxPdfStringChars}) { ${refuse(longString)} }\n`,
  },
];

function pdfjsCeilings() {
  return {
    name: 'pdfjs-ceilings',
    setup(build) {
      build.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/ }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        for (const c of ceilings) {
          if (source.split(c.anchor).length !== 2) throw new Error(`${args.path}: ${c.what} not found once; check its ceiling (scripts/bundles.mjs)`);
          const refuse = (message) => `globalThis.${c.counter} = (globalThis.${c.counter} || 0) + 1; throw new Error(${JSON.stringify(message)});`;
          source = source.replace(c.anchor, () => c.guard(refuse));
        }
        return { contents: source, loader: 'js' };
      });
    },
  };
}
