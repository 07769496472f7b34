// The review's timeline (core/summary/timeline.ts): the days between the header's dates, the hover on them, the
// summary's line and the folder breakdown's groups.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent, Position } from 'vscode-languageserver-types';
import { createLanguageService } from '../../core/languageService';
import { folderLetterOf } from '../../core/folderLetter';
import { parseLetter } from '../../core/parser/parseLetter';
import { summarizeLetter } from '../../core/summary/letterSummary';
import { folderRows } from '../../core/summary/folderRows';
import { breakdowns, type StatsRow } from '../../core/summary/folderStats';
import { daysBetween, daysText, timelineOf, turnaroundGroup, turnaroundText } from '../../core/summary/timeline';
import { corpusLetters, corpusSkip } from '../support/env';
import { readCorpusLetter, readSample } from '../lsp/mutants';
import { textAt } from '../support/text';

// The sample's header: UR denial 09/19/2016, application received 09/26/2016, assigned 10/03/2016, decided 11/07/2016.
const sample = readSample('malformed-associated-service.txt');

describe('days between dates', () => {
  test('counted by the calendar: month ends, leap days, years, and either order', () => {
    assert.equal(daysBetween('2016-09-26', '2016-09-26'), 0);
    assert.equal(daysBetween('2016-09-26', '2016-11-07'), 42);
    assert.equal(daysBetween('2016-02-28', '2016-03-01'), 2, '2016 is a leap year');
    assert.equal(daysBetween('2017-02-28', '2017-03-01'), 1);
    assert.equal(daysBetween('2016-12-30', '2017-01-02'), 3);
    assert.equal(daysBetween('2016-11-07', '2016-10-03'), -35);
  });

  test('a missing or malformed date gives no span', () => {
    assert.equal(daysBetween(undefined, '2016-11-07'), undefined);
    assert.equal(daysBetween('2016-09-26', undefined), undefined);
    assert.equal(daysBetween('09/26/2016', '2016-11-07'), undefined);
    assert.equal(daysBetween('2016-9-26', '2016-11-07'), undefined);
    assert.equal(daysBetween('2016-0x-26', '2016-11-07'), undefined);
  });

  test('the words for a span, and the turnaround groups at their edges', () => {
    assert.equal(daysText(1), '1 day');
    assert.equal(daysText(31), '31 days');
    assert.equal(daysText(-1), '-1 day (out of order)');
    assert.equal(daysText(-35), '-35 days (out of order)');
    assert.deepEqual(
      [undefined, -1, 0, 30, 31, 40, 41, 60, 61, 400].map(turnaroundGroup),
      ['Not stated', 'Dates out of order', 'Within 30 days', 'Within 30 days', '31–40 days', '31–40 days', '41–60 days', '41–60 days', 'Over 60 days', 'Over 60 days'],
    );
    assert.equal(turnaroundText({ applicationToDecision: 42, assignedToDecision: 35 }), '42 days from the application, 35 from the assignment');
    assert.equal(turnaroundText({ assignedToDecision: 1 }), '1 day from the assignment');
    assert.equal(turnaroundText({ applicationToDecision: -3, assignedToDecision: 4 }), '-3 days from the application, 4 days from the assignment (dates out of order)');
    assert.equal(turnaroundText({ urToApplication: 7 }), undefined, 'no turnaround without the decision date');
  });
});

describe("a letter's timeline", () => {
  test("from the header's dates, as the summary panel and the folder rows give it", () => {
    const model = parseLetter(sample);
    const expected = { urToApplication: 7, applicationToAssigned: 7, assignedToDecision: 35, applicationToDecision: 42 };
    assert.deepEqual(
      timelineOf(model.header),
      expected,
    );
    // The folder summary's letter (what imr/folderSummary sends) carries the same dates.
    const summary = summarizeLetter(folderLetterOf(model), 'a.txt', 'file:///a.txt');
    assert.deepEqual(summary.timeline, expected);
    assert.equal(summary.priority, 'Standard');
    assert.equal(summary.applicationReceived, '2016-09-26');
    assert.equal(summary.urDenialDate, '2016-09-19');
    assert.ok(folderRows([summary]).every((r) => r.turnaround === '41–60 days'));
  });

  test('a letter without a header has no spans, and its rows count as not stated', () => {
    const summary = summarizeLetter(folderLetterOf(parseLetter(readSample('000_2e67a60e31d1e457.txt'))), 'a.txt', 'file:///a.txt');
    assert.deepEqual(summary.timeline, {});
    assert.ok(folderRows([summary]).every((r) => r.turnaround === 'Not stated'));
  });

  test('the breakdown keeps its groups in their order, not by size', () => {
    const row = (turnaround: StatsRow['turnaround']): StatsRow => ({
      decision: 'Upheld',
      guidelineBasis: 'MTUS',
      claimsBasis: 'MTUS',
      checks: [],
      sections: [],
      grounds: [],
      specialty: 'x',
      year: '2016',
      turnaround,
      service: 'x',
    });
    const rows = [row('Over 60 days'), row('31–40 days'), row('31–40 days'), row('31–40 days'), row('Within 30 days'), row('Not stated')];
    const b = breakdowns(rows).find((x) => x.id === 'turnaround');
    assert.deepEqual(
      b?.groups.map((g) => [g.key, g.items]),
      [
        ['Within 30 days', 1],
        ['31–40 days', 3],
        ['Over 60 days', 1],
        ['Not stated', 1],
      ],
    );
  });

  test('over the corpus: every letter dates its application and decision, decided after the application and the assignment', { skip: corpusSkip }, () => {
    const spans = corpusLetters().map((f) => {
      const h = parseLetter(readCorpusLetter(f)).header;
      return { f, ...timelineOf(h) };
    });
    for (const s of spans) {
      assert.ok(s.applicationToDecision !== undefined && s.assignedToDecision !== undefined, `${s.f}: both spans`);
      assert.ok(s.assignedToDecision! > 0 && s.assignedToDecision! <= s.applicationToDecision!, `${s.f}: assigned after the application, decided after both`);
      assert.equal(s.applicationToAssigned! + s.assignedToDecision!, s.applicationToDecision, `${s.f}: the steps add up`);
    }
  });
});

describe('the hover on the header dates', () => {
  const ls = createLanguageService();
  let n = 0;
  const hoverAt = (text: string, position: Position) => ls.getHover(TextDocument.create(`file:///mem/timeline${n++}.txt`, 'imr', 1, text), position);
  const positionOf = (text: string, needle: string): Position => {
    const offset = text.indexOf(needle);
    assert.ok(offset >= 0, needle);
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: before.length - 1, character: before[before.length - 1].length };
  };

  for (const [name, text] of [
    ['LF', sample],
    ['CRLF', sample.replace(/\n/g, '\r\n')],
  ] as const) {
    test(`${name}: on the decision date, the days between the dates, over the date's exact range`, () => {
      const at = positionOf(text, '11/07/2016');
      const h = hoverAt(text, { line: at.line, character: at.character + 3 });
      assert.ok(h?.range, 'a hover with a range');
      assert.equal(textAt(text, h.range), '11/07/2016');
      const value = (h.contents as MarkupContent).value;
      assert.match(value, /^\*\*The review's timeline\*\* \(Standard review\)/);
      assert.match(value, /- UR denial 09\/19\/2016 to application for IMR 09\/26\/2016: 7 days\n/);
      assert.match(value, /- application to case assigned 10\/03\/2016: 7 days\n/);
      assert.match(value, /- assignment to decision 11\/07\/2016: 35 days\n/);
      assert.match(value, /- \*\*application to decision: 42 days\*\*/);
      assert.match(value, /Labor Code 4610\.6\(d\)/);
      assert.match(value, /\n- appeal to the Appeals Board: 30 days from the determination's service, 5 more when served by mail \(Labor Code 4610\.6\(h\); Matute/);
    });

    test(`${name}: on the priority, the application's date and the UR denial's too; not beside them`, () => {
      for (const needle of ['Standard', '09/26/2016', '09/19/2016', '10/03/2016']) {
        const h = hoverAt(text, positionOf(text, needle));
        assert.equal(h?.range && textAt(text, h.range), needle, needle);
      }
      const injury = positionOf(text, '02/11/2015');
      assert.equal(hoverAt(text, injury), null, 'the date of injury is not a step of the review');
      const label = positionOf(text, 'Decision Date:');
      assert.equal(hoverAt(text, label), null, 'the label is not the date');
    });
  }

  test('a header with too few dates says so', () => {
    const text = 'Case Number: CM16-0000417\nDecision Date: 11/07/2016\n\n' + sample.slice(sample.indexOf('HOW THE IMR'));
    const at = positionOf(text, '11/07/2016');
    const value = (hoverAt(text, at)?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(value, /too few of its dates/);
  });
});
