// The sentence "IMR: Check Letters in Folder" shows for what the server's check found.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FolderCheckResult } from '../../core/model';
import { checkedMessage } from '../../core/summary/checkMessage';

const none: FolderCheckResult = { files: 0, letters: 0, lettersWithProblems: 0, errors: 0, warnings: 0, information: 0, hints: 0, open: 0, unreadable: 0 };

test('a folder check in one sentence: problems by severity, the letters they are in, the files not read', () => {
  assert.equal(checkedMessage('letters', { ...none, files: 3 }), 'No letters in letters (3 files looked at).');
  assert.equal(checkedMessage('letters', { ...none, files: 1, letters: 1 }), 'No problems in the 1 letter file of letters.');
  assert.equal(
    checkedMessage('letters', { ...none, files: 10_000, letters: 10_000, lettersWithProblems: 4, warnings: 14 }),
    '14 problems (14 warnings) in 4 of the 10,000 letter files of letters.',
  );
  assert.equal(
    checkedMessage('2017', { ...none, files: 5, letters: 3, lettersWithProblems: 2, errors: 1, warnings: 2, information: 1, hints: 1, unreadable: 2 }),
    '5 problems (1 error, 2 warnings, 1 information, 1 hint) in 2 of the 3 letter files of 2017. 2 files could not be read (the IMR Letters output says why).',
  );
  assert.equal(checkedMessage('x', { ...none, files: 1, unreadable: 1 }), 'No letters in x (1 file looked at). 1 file could not be read (the IMR Letters output says why).');
});
