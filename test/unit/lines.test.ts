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

test('clampPosition takes a client position to the nearest place in the text', () => {
  const doc = new LineIndex('ab\r\n😀x\nlast');
  assert.deepEqual(doc.clampPosition({ line: 0, character: 99 }), { line: 0, character: 2 }, 'past the end of a line: its end');
  assert.deepEqual(doc.clampPosition({ line: 1, character: 1 }), { line: 1, character: 0 }, 'inside a surrogate pair: before it');
  assert.deepEqual(doc.clampPosition({ line: 1, character: 2 }), { line: 1, character: 2 }, 'after the pair stays');
  assert.deepEqual(doc.clampPosition({ line: 7, character: 0 }), { line: 2, character: 4 }, 'past the last line: the end');
  assert.deepEqual(doc.clampPosition({ line: -1, character: 2.5 }), { line: 0, character: 2 });
  assert.deepEqual(doc.clampPosition({ line: 1.9, character: NaN }), { line: 1, character: 0 });
});
