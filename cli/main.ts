// The imr-letters command line: parse, lint and table over letters.
import { readFileSync } from 'node:fs';
import { parseLetter } from '../core';

const [cmd, file] = process.argv.slice(2);
if (cmd === 'parse' && file) {
  process.stdout.write(JSON.stringify(parseLetter(readFileSync(file, 'utf8')), null, 2) + '\n');
} else {
  process.stderr.write('usage: imr-letters parse FILE\n');
  process.exit(2);
}
