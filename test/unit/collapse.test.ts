import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CollapsedText, oneLine } from '../../core/text/collapse';
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

test('spans skipped (page furniture) read as white space, and every other character maps to its own offset', () => {
  const doc = new LineIndex('Norco 10/325mg was authorized by the\n\nPage 1 of 3\n\fClaims Administrator.');
  const footer = doc.text.indexOf('Page 1 of 3');
  const c = new CollapsedText(doc, 0, doc.text.length, [[footer, footer + 'Page 1 of 3'.length]]);
  assert.equal(c.text, 'Norco 10/325mg was authorized by the Claims Administrator.');
  assert.equal(c.offsetAt(c.text.indexOf('Claims')), doc.text.indexOf('Claims'));
  assert.equal(c.offsetAt(c.text.indexOf(' Claims')), doc.text.indexOf('\n\nPage'), 'the space maps to the first white space after the text before');
  assert.equal(c.breakAt(c.text.indexOf(' Claims')), true);
  assert.deepEqual(c.range(c.text.indexOf('the'), c.text.indexOf('Admin')), doc.range(doc.text.indexOf('the\n'), doc.text.indexOf('Admin')));
  // A span that is all furniture is empty; spans outside [start, end) change nothing.
  assert.equal(new CollapsedText(doc, footer, footer + 11, [[footer, footer + 11]]).text, '');
  assert.equal(new CollapsedText(doc, 0, 10, [[footer, footer + 11]]).text, 'Norco 10/3');
});

test('a skipped span collapses as the same text with the span blanked out', () => {
  const piece = fc.constantFrom('a', 'bc', ' ', '  ', '\n', ' \n', '\n ', '   \n\n  ', 'Page 2');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (text, x, y, p, q) => {
      const start = x % (text.length + 1);
      const end = start + (y % (text.length - start + 1));
      const skipFrom = p % (text.length + 1);
      const skipTo = skipFrom + (q % (text.length - skipFrom + 1));
      const blanked = text.slice(0, skipFrom) + ' '.repeat(skipTo - skipFrom) + text.slice(skipTo);
      const skipped = new CollapsedText(new LineIndex(text), start, end, [[skipFrom, skipTo]]);
      const reference = new CollapsedText(new LineIndex(blanked), start, end);
      assert.equal(skipped.text, reference.text);
      // Each character of the text maps to the same offset as in the blanked text.
      for (let i = 0; i < skipped.text.length; i++) {
        if (skipped.text[i] !== ' ') assert.equal(skipped.offsetAt(i), reference.offsetAt(i), `offset of ${i}`);
      }
    }),
    { numRuns: 2000 },
  );
});

test('oneLine reads only the start of a long text and gives what collapsing the whole would (fast-check)', () => {
  const whole = (text: string, max: number) => {
    const t = text.replace(/\s+/g, ' ').trim();
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
  };
  const piece = fc.oneof(fc.constantFrom('a', 'word', 'Low Back', '…', '😀'), fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '   \n  '));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 120 }), fc.integer({ min: 1, max: 40 }), (pieces, max) => {
      const text = pieces.join('');
      assert.equal(oneLine(text, max), whole(text, max));
    }),
    { numRuns: 3000 },
  );
  assert.equal(oneLine(`  ${'x '.repeat(1e6)}`, 10), 'x x x x x…');
});
