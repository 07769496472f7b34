// Bundles the client, the language server, the CLI and the PDF reader with esbuild into dist/.
import * as esbuild from 'esbuild';
import { cliBundle, common, extensionBundle, pdfBundle, serverBundle } from './bundles.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [extensionBundle, serverBundle, cliBundle, pdfBundle].map((b) => ({
  ...common,
  sourcemap: !production,
  minify: production,
  ...b,
}));

const contexts = await Promise.all(entries.map((e) => esbuild.context(e)));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
