import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../core/text/lines';

test('LineIndex splits LF, CRLF and CR and converts offsets both ways', () => {
  const text = 'ab\r\ncd\ne\rf';
  const doc = new LineIndex(text);
  assert.deepEqual(doc.lines.map((l) => l.text), ['ab', 'cd', 'e', 'f']);
  assert.deepEqual(doc.positionAt(text.indexOf('d')), { line: 1, character: 1 });
  assert.deepEqual(doc.positionAt(2), { line: 0, character: 2 });
  assert.deepEqual(doc.positionAt(3), { line: 0, character: 2 }, 'inside CRLF clamps to line end');
  assert.equal(doc.offsetAt({ line: 3, character: 0 }), text.indexOf('f'));
  assert.equal(doc.offsetAt({ line: 9, character: 0 }), text.length);
});

test('LineIndex counts UTF-16 code units for astral characters', () => {
  const doc = new LineIndex('😀x');
  assert.deepEqual(doc.positionAt(2), { line: 0, character: 2 });
});
