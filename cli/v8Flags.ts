// V8 settings for a command-line run: a batch of work in fresh isolates (the main thread and its workers),
// each of which pays for compiling the parser and the rules again.

/**
 * The V8 flags a run sets for itself, or undefined to keep the engine's defaults.
 *
 * From Node 24 on, V8's mid-tier compiler (Maglev) alone lints faster than Maglev with TurboFan on top: a worker
 * spends much less on optimizing compilation, and its letters run about as fast. Measured on the 2-core machine
 * (BENCHMARKS.md): 10,000 letters in 2.03–2.17 s against 2.44–2.66 s, 20,000 in 3.67–4.00 s against 4.09–4.48 s,
 * `table` over 10,000 in 2.19–2.29 s against 2.66–2.92 s. Node 20's Maglev is experimental and slower there, so
 * older Nodes keep their defaults, and so does anyone who chose the compilers with their own flags.
 * The language server, which lives long and types into one letter, keeps TurboFan: only the CLI calls this.
 */
export function batchV8Flags(nodeVersion: string, execArgv: readonly string[], nodeOptions = ''): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(nodeVersion)?.[1]);
  if (!(major >= 24)) return undefined;
  const chosen = [...execArgv, ...nodeOptions.split(/\s+/)].some((flag) => /^--(no-)?(turbofan|maglev|opt|jitless)\b/.test(flag.replace(/_/g, '-')));
  return chosen ? undefined : '--no-turbofan';
}
