// imr-letters format: letters tidied as the editor's Format Document tidies them (core/features/formatting.ts):
// printed (one letter), listed when not tidy (--check), or rewritten in place (--write), in their own encoding.
import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { tidyLetter } from '../core/features/formatting';
import { parseLetter } from '../core/parser/parseLetter';
import { encodeLetter, isPdf } from '../core/text/decode';
import type { Request } from './args';
import { stdinName, stdinPath } from './args';
import { discover, errorReason, noLettersMessage } from './discover';
import { plural } from './formats/plural';
import { readLetterFile } from './readLetter';
import type { ReadResult } from './readLetter';

export interface FormatMessages {
  report(file: string, reason: string): void;
  warn(message: string): void;
}

/** A file named that is not a letter is `bad`, as lint and table count it (exit 1); one found in a folder, `skipped`. */
type Checked = { kind: 'tidy' } | { kind: 'untidy'; tidied: string } | { kind: 'skipped' } | { kind: 'bad' };

/** `trackStatus` is given the run's exit status so far (what it exits with if the reader of its output goes away). */
export async function formatCommand(
  request: Request,
  messages: FormatMessages,
  readStdin: () => Promise<ReadResult>,
  trackStatus: (status: () => number) => void = () => {},
): Promise<number> {
  const mode = request.formatMode ?? 'print';
  if (mode === 'print') {
    const input = request.paths[0];
    const file = input === stdinPath ? stdinName : input;
    const read = input === stdinPath ? await readStdin() : await readLetterFile(input);
    if (!read.ok) {
      messages.report(file, read.reason === 'is a directory' ? `${read.reason} (format --check lists its letters that are not tidy, --write tidies them)` : read.reason);
      return 1;
    }
    const model = parseLetter(read.text);
    if (!model.isLetter) {
      messages.report(file, 'not an IMR letter (none of its headings or fields were recognised); not formatted');
      return 1;
    }
    process.stdout.write(tidyLetter(read.text, { joinLines: request.joinLines, model }));
    return 0;
  }

  let letters = 0;
  let untidy = 0;
  let bad = 0;
  let pdfs = 0;
  const status = () => (bad > 0 || (mode === 'check' && untidy > 0) ? 1 : 0);
  trackStatus(status);
  const check = async (file: string, explicit: boolean, read: () => ReadResult | Promise<ReadResult>): Promise<Checked> => {
    const result = await read();
    if (!result.ok) {
      messages.report(file, result.reason);
      return { kind: 'bad' };
    }
    const model = parseLetter(result.text);
    if (!model.isLetter) {
      if (!explicit) return { kind: 'skipped' };
      messages.report(file, 'not an IMR letter (none of its headings or fields were recognised); left as it is');
      return { kind: 'bad' };
    }
    // The model read for the check is the one --join-lines joins by: each letter parsed once.
    const tidied = tidyLetter(result.text, { joinLines: request.joinLines, model });
    return tidied === result.text ? { kind: 'tidy' } : { kind: 'untidy', tidied };
  };
  const count = (file: string, checked: Checked) => {
    if (checked.kind === 'bad') bad++;
    if (checked.kind === 'tidy' || checked.kind === 'untidy') letters++;
    if (checked.kind !== 'untidy') return;
    untidy++;
    if (mode === 'write') {
      try {
        writeLetter(file, checked.tidied);
      } catch (e) {
        messages.report(file, `not written: ${errorReason(e)}`);
        bad++;
        return;
      }
    }
    process.stdout.write(`${file}\n`);
  };

  if (request.paths[0] === stdinPath) {
    count(stdinName, await check(stdinName, true, readStdin));
  } else {
    for await (const found of discover(request.paths)) {
      if (found.kind === 'problem') {
        messages.report(found.file, found.reason);
        bad++;
        continue;
      }
      if (startsAsPdf(found.file)) {
        // A PDF's text is the reader's, laid out afresh at each reading: there is nothing to tidy or write.
        pdfs++;
        if (found.explicit) messages.report(found.file, 'a PDF, left as it is (imr-letters text FILE.pdf > FILE.txt, then format the .txt)');
        continue;
      }
      count(found.file, await check(found.file, found.explicit, () => readLetterFile(found.file)));
    }
  }
  if (letters === 0 && bad === 0 && pdfs === 0) {
    // As lint's: a check of a folder that holds no letter (a mistyped path) must not pass.
    messages.warn(noLettersMessage(request.paths));
    return 2;
  }
  messages.warn(closingLine(mode, letters, untidy, bad));
  return status();
}

/** What a check or a write did, on stderr; "all tidy" only when every file could be checked. */
function closingLine(mode: 'check' | 'write', letters: number, untidy: number, bad: number): string {
  const letterCount = plural(letters, 'letter');
  const failed = bad > 0 ? `; ${plural(bad, 'file')} could not be ${mode === 'check' ? 'checked' : 'tidied'}` : '';
  if (mode === 'write') return `${untidy} of ${letterCount} tidied${failed}`;
  if (untidy > 0) return `${untidy} of ${letterCount} not tidy (imr-letters format --write tidies them)${failed}`;
  return bad > 0 ? `${letterCount} tidy${failed}` : `${letterCount}, all tidy`;
}

function startsAsPdf(file: string): boolean {
  let fd: number | undefined;
  try {
    // A pipe is not opened twice: what this read took, the letter's read would lose.
    if (!statSync(file).isFile()) return false;
    fd = openSync(file, 'r');
    const head = Buffer.alloc(5);
    return isPdf(head.subarray(0, readSync(fd, head, 0, 5, 0)));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a letter back in the encoding it was read in (core/text/decode.ts, encodeLetter). */
function writeLetter(file: string, text: string): void {
  writeFileSync(file, encodeLetter(text, readFileSync(file)));
}
