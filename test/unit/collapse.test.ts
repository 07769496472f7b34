import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CollapsedText } from '../../core/text/collapse';
import { LineIndex } from '../../core/text/lines';

test('CollapsedText maps a collapsed span back to the document', () => {
  const doc = new LineIndex('Low  Back\n   Complaints \n\n2004 ');
  const c = new CollapsedText(doc, 0, doc.text.length);
  assert.equal(c.text, 'Low Back Complaints 2004');
  assert.equal(c.offsetAt(c.text.indexOf('Back')), doc.text.indexOf('Back'));
  assert.equal(c.offsetAt(c.text.indexOf('2004')), doc.text.indexOf('2004'));
  assert.equal(c.offsetAt(3), 3, 'a collapsed space maps to the first character of its run');
  assert.equal(c.breakAt(8), true);
  assert.equal(c.breakAt(3), false);
});

test('text with only spaces and line feeds collapses as text with any white space does', () => {
  const piece = fc.constantFrom('a', 'bc', ' ', '  ', '\n', ' \n', '\n ', '   \n\n  ');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), fc.nat(), fc.nat(), (text, x, y) => {
      const start = x % (text.length + 1);
      const end = start + (y % (text.length - start + 1));
      const plain = new LineIndex(text);
      // A tab after the span sends the same span through the general path (the regular expression).
      const general = new LineIndex(`${text}\t`);
      assert.ok(plain.doubleSpaces);
      assert.equal(general.doubleSpaces, null);
      const a = new CollapsedText(plain, start, end);
      const b = new CollapsedText(general, start, end);
      assert.equal(a.text, text.slice(start, end).replace(/\s+/g, ' ').trim());
      assert.equal(a.text, b.text);
      for (let i = 0; i <= a.text.length; i++) assert.equal(a.offsetAt(i), b.offsetAt(i), `offset of ${i}`);
    }),
    { numRuns: 2000 },
  );
});
