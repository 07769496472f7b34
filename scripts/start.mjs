// npm start [-- <folder>] [--code-server] [--port N]: builds and packages the extension, then opens the sample
// letters (samples/) or the given folder in a real VS Code with the extension installed: the user's own VS Code
// when its `code` command is on PATH, otherwise code-server on 127.0.0.1 (installed by scripts/setup-e2e.sh
// when missing), printing the URL to open. Ctrl+C stops code-server.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { codeServerInstalled, installExtension, setupScript, startCodeServer, vscodeTestDir } from './codeServer.mjs';
import { packageExtension } from './package.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function parseArgs(argv) {
  const options = { folder: undefined, forceCodeServer: false, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--code-server') options.forceCodeServer = true;
    else if (a === '--port') options.port = Number(argv[++i]);
    else if (a === '--help' || a === '-h') options.help = true;
    else if (!a.startsWith('-')) options.folder = a;
    else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port needs a port number');
  return options;
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

function step(message) {
  console.log(`[start] ${message}`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log('Usage: npm start [-- <folder>] [--code-server] [--port N]');
    return;
  }
  // npm runs scripts from the package folder; a relative folder means the one the user typed it in.
  const base = process.env.INIT_CWD ?? process.cwd();
  const folder = path.resolve(base, options.folder ?? path.join(root, 'samples'));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`no folder ${folder}`);

  // Packaging builds its own production bundles (it leaves dist/ alone, which a test run may be using).
  step('building and packaging the extension');
  const { vsix, size } = await packageExtension({ quiet: true });
  step(`${path.relative(process.cwd(), vsix)} (${(size / 1024).toFixed(0)} KB)`);

  if (!options.forceCodeServer && onPath('code')) {
    step('installing it into your VS Code (code --install-extension)');
    const install = spawnSync('code', ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
    if (install.status !== 0) throw new Error('code --install-extension failed');
    step(`opening ${folder}`);
    spawnSync('code', [folder], { stdio: 'inherit' });
    return;
  }

  if (!codeServerInstalled()) {
    step('no `code` command on PATH: installing code-server into .vscode-test/ (about 3 minutes, once)');
    const setup = spawnSync('bash', [setupScript], { stdio: 'inherit' });
    if (setup.status !== 0) throw new Error('scripts/setup-e2e.sh failed');
  }
  // One persistent folder, so the workbench keeps its layout and state between runs.
  const runDir = process.env.IMR_START_DIR ? path.resolve(process.env.IMR_START_DIR) : path.join(vscodeTestDir, 'start');
  step('installing the extension into code-server');
  installExtension(runDir, vsix);
  const server = await startCodeServer({
    runDir,
    folder,
    bindAddr: `127.0.0.1:${options.port}`,
    onOutput: process.env.IMR_START_VERBOSE ? (line) => console.log(`  ${line}`) : undefined,
  });
  let stopping = false;
  const stop = async () => {
    stopping = true;
    step('stopping code-server');
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log('');
  console.log(`  VS Code (code-server) with the IMR Letters extension is running. Open:`);
  console.log(`  ${server.url}/?folder=${encodeURIComponent(folder)}`);
  console.log('');
  console.log('  Press Ctrl+C to stop it.');
  const code = await server.exited;
  if (stopping) return;
  step(`code-server exited (${code})`);
  process.exit(code ?? 1);
}

main().catch((e) => {
  console.error(`[start] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
