// Every corpus letter: the items the parser finds agree with SOURCES.tsv and with an independent scan.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parseLetter } from '../../core';
import { corpusSkip, lettersDir, readSources } from '../support/env';
import { textAt } from '../support/text';

/** Decisions read straight off the text: a word that ends a line (after a colon, or alone) in the issues section. */
function scanDecisions(text: string): string[] {
  const issues = text.indexOf('IMR ISSUES, DECISIONS AND RATIONALES');
  const lines = text.slice(issues).split(/\r?\n/);
  const found: string[] = [];
  lines.forEach((line, i) => {
    const m = /(?::\s*|^\s*)(Upheld|Overturned)\s*$/.exec(line);
    if (m && (line.includes(':') || /:\s*$/.test(lines[i - 1] ?? ''))) found.push(m[1]);
  });
  return found;
}

describe('corpus letters', { skip: corpusSkip }, () => {
  const rows = corpusSkip ? [] : readSources();
  test('SOURCES.tsv lists the 146 letters', () => assert.equal(rows.length, 146));
  for (const row of rows) {
    test(row.filename, () => {
      const text = readFileSync(path.join(lettersDir, row.filename), 'utf8');
      const model = parseLetter(text);
      assert.equal(model.isLetter, true);
      assert.equal(model.template, 'final-determination');
      assert.equal(model.items.length, row.items, 'item count');
      assert.equal(model.items.filter((i) => i.decision === 'Upheld').length, row.upheld, 'upheld');
      assert.equal(model.items.filter((i) => i.decision === 'Overturned').length, row.overturned, 'overturned');
      assert.deepEqual(
        model.items.map((i) => i.decision),
        scanDecisions(text),
        'decisions in the order the text gives them',
      );
      assert.equal(model.header?.caseNumber?.value, row.caseNumber);
      const [m, d, y] = row.decisionDate.split('/');
      assert.equal(model.header?.decisionDate?.value, `${y}-${m}-${d}`);
      assert.deepEqual(
        model.sections.map((s) => s.kind),
        ['how-made', 'clinical-summary', 'issues'],
      );
      assert.ok(model.reviewer && model.reviewer.specialties.value.length > 0, 'reviewer specialties');
      assert.ok(model.reviewer.licensure.value.length > 0, 'reviewer licensure');
      // Every summary of this corpus states the patient's sex and the date of injury (in words such as "an
      // industrial injury on 10-25-2016" or "a history of an occupational claim from 10/23/2016").
      const { sex, dateOfInjury } = model.patient;
      assert.ok(sex && dateOfInjury, 'the patient\'s sex and date of injury');
      assert.match(dateOfInjury.value, /^20\d\d-\d\d-\d\d$/);
      assert.ok(dateOfInjury.value <= model.header!.decisionDate!.value, 'injured before the decision');
      assert.equal(textAt(text, sex.range), sex.text);
      assert.equal(textAt(text, dateOfInjury.range).replace(/\s+/g, ' '), dateOfInjury.text);
      for (const item of model.items) {
        assert.ok(item.title.value.length > 0, 'title');
        assert.ok(item.rationale && item.rationale.text.length > 0, `rationale of ${item.title.value}`);
        assert.ok(item.maximusGuideline, `MAXIMUS guideline of ${item.title.value}`);
        assert.ok(item.claimsAdministratorGuideline, `Claims Administrator guideline of ${item.title.value}`);
        // Upheld means the service is not medically necessary, Overturned that it is.
        assert.equal(
          item.conclusion,
          item.decision === 'Upheld' ? 'not-medically-necessary' : 'medically-necessary',
          `conclusion of ${item.title.value}`,
        );
      }
      assert.deepEqual(model.problems, []);
    });
  }
});
