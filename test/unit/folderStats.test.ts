// The folder summary's breakdowns and filter, over the seeds and every corpus letter.
import { noGroundRead } from '../../core/summary/grounds';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { FolderRow } from '../../core/summary/folderRows';
import { folderRows, keptSummaries, notStated, summarizeFolder } from '../../core/summary/folderRows';
import type { BreakdownId, DecisionFilter, FolderFilter } from '../../core/summary/folderStats';
import {
  breakdownIds,
  breakdowns,
  decisionFilters,
  filterRows,
  groupKey,
  groupKeys,
  groupLabel,
  noProblemFound,
  noSectionKnown,
  nextFilter,
  nextSort,
  noFilter,
  shownBreakdowns,
  sortColumns,
  sortRows,
} from '../../core/summary/folderStats';
import { guidelineBasis, summarizeLetter } from '../../core/summary/letterSummary';
import { folderLetterOf } from '../../core/folderLetter';
import { parseLetter } from '../../core/parser/parseLetter';
import { serviceKind } from '../../core/text/serviceWords';
import { corpusLetters, corpusSkip, lettersDir, readSources, repoRoot } from '../support/env';
import { readSeed, seedFiles } from '../lsp/mutants';

function folderOf(named: Array<{ name: string; text: string }>): FolderRow[] {
  // As the server sends them: what imr/folderSummary holds of each letter, through JSON.
  const letters = named.map(({ name, text }) => ({ uri: `file:///f/${name}`, letter: JSON.parse(JSON.stringify(folderLetterOf(parseLetter(text)))) }));
  return folderRows(summarizeFolder(letters));
}

/** A row for another service, of that service's kind (as folderLetterOf gives it). */
const withService = (row: FolderRow, service: string): FolderRow => ({ ...row, service, serviceKind: serviceKind(service) });

const seedRows = () => folderOf(seedFiles.map((name) => ({ name, text: readSeed(name) })));
const corpusRows = () => folderOf(corpusLetters().map((name) => ({ name, text: readFileSync(path.join(lettersDir, name), 'utf8') })));

describe('the guideline basis of an item', () => {
  test('the kinds the reviewer cited, in a fixed order; "None cited" without a citation', () => {
    const paragraph = (...sources: Array<'MTUS' | 'ODG' | 'ACOEM' | 'article' | 'url' | 'other'>) => ({
      text: '',
      citations: sources.map((source) => ({ text: source, source })),
      statements: [],
    });
    assert.equal(guidelineBasis(paragraph('ODG', 'MTUS', 'ODG')), 'MTUS + ODG');
    assert.equal(guidelineBasis(paragraph('url', 'article')), 'Article + Web page');
    assert.equal(guidelineBasis(paragraph()), 'None cited');
    assert.equal(guidelineBasis(undefined), 'None cited');
  });

  test('"Not read" for a paragraph in no form the citation reader reads, and for a layout without the paragraph', () => {
    const prose = { text: 'MTUS Chronic Pain Medical Treatment Guidelines, H-wave stimulation, pages 117-118.', citations: [], statements: [] };
    assert.equal(guidelineBasis(prose, 'review'), 'Not read');
    // A statement that nothing was cited is read: "None cited".
    assert.equal(guidelineBasis({ ...prose, text: 'The Expert Reviewer did not cite any medical evidence for its decision.', statements: [{ text: 'x' }] }), 'None cited');
    assert.equal(guidelineBasis(undefined, 'numbered'), 'Not read');
    // Through the folder summary, as the server sends it: the older templates' items.
    const rows = folderOf(
      ['notice-2013.txt', 'professional-review.txt'].map((name) => ({ name, text: readFileSync(path.join(repoRoot, 'test/fixtures/templates', name), 'utf8') })),
    );
    assert.deepEqual(
      rows.map((r) => [r.service, r.guidelineBasis, r.claimsBasis]),
      [
        ['physical therapy 12 sessions for the lumbar spine', 'Not read', 'Not read'],
        ['MRI of the lumbar spine', 'Not read', 'Not read'],
        ['a home H-wave device for purchase for the lumbar spine', 'Not read', 'Not read'],
      ],
    );
    // The sections breakdown groups them alike: "Not read", not "Not in the knowledge base" (citations read but not found).
    assert.deepEqual(rows.map((r) => groupKeys(r, 'section')), [['Not read'], ['Not read'], ['Not read']]);
  });

  test('on the seeds, from the parsed citations', () => {
    const rows = seedRows();
    assert.ok(rows.length >= 10);
    for (const row of rows) assert.match(row.guidelineBasis, /^(?:(?:MTUS|ACOEM|ODG|Article|Web page|Other)(?: \+ |$))+$|^None cited$/);
    assert.ok(rows.some((r) => r.guidelineBasis.includes('MTUS')));
  });
});

describe('breakdowns', () => {
  test('over every corpus letter: the decisions add up to SOURCES.tsv in each breakdown', { skip: corpusSkip }, () => {
    const rows = corpusRows();
    const sources = readSources();
    const expected = {
      items: sources.reduce((n, r) => n + r.items, 0),
      upheld: sources.reduce((n, r) => n + r.upheld, 0),
      overturned: sources.reduce((n, r) => n + r.overturned, 0),
    };
    assert.equal(rows.length, expected.items);
    for (const b of breakdowns(rows)) {
      if (b.hidden > 0) continue; // the largest groups only: their sum is less
      if (b.id === 'grounds') {
        // An item counts in each of its grounds: every item at least once, those with none in "None of these read".
        const none = b.groups.find((g) => g.key === noGroundRead)!;
        assert.equal(none.items, rows.filter((r) => r.grounds.length === 0).length);
        assert.equal(b.groups.reduce((n, g) => n + g.items, 0), rows.reduce((n, r) => n + Math.max(1, r.grounds.length), 0));
        continue;
      }
      if (b.id === 'checks') {
        // As lint finds them on the corpus: 14 decisions citing no evidence, 6 citations of the 2009 edition after 2016
        // and a side swapped (its four dates of injury that disagree are the letters' problems, not an item's).
        assert.deepEqual(
          b.groups.map((g) => [g.key, g.items, g.upheld, g.overturned]),
          [
            [noProblemFound, 318, 281, 37],
            ['uncited-decision', 14, 14, 0],
            ['superseded-guideline', 6, 6, 0],
            ['laterality-mismatch', 1, 1, 0],
          ],
        );
        continue;
      }
      const sum = (f: (g: (typeof b.groups)[number]) => number) => b.groups.reduce((n, g) => n + f(g), 0);
      assert.deepEqual({ items: sum((g) => g.items), upheld: sum((g) => g.upheld), overturned: sum((g) => g.overturned) }, expected, b.id);
    }
    const years = breakdowns(rows).find((b) => b.id === 'year')!;
    const byYear = new Map<string, number>();
    for (const r of sources) byYear.set(r.decisionDate.slice(-4), (byYear.get(r.decisionDate.slice(-4)) ?? 0) + r.items);
    assert.deepEqual(
      years.groups.filter((g) => g.key !== notStated).map((g) => [g.key, g.items]),
      [...byYear].filter(([y]) => /^\d{4}$/.test(y)).sort(),
      'the items of each decision year, as SOURCES.tsv dates them',
    );
  });

  test('groups are listed largest first (years in order), the rest counted as hidden', () => {
    const rows = seedRows();
    const many: FolderRow[] = Array.from({ length: 40 }, (_, i) => ({ ...withService(rows[0], `Service ${'abcdefghijklmnopqrst'[i % 20].repeat(3)}`), index: i }));
    const services = breakdowns(many).find((b) => b.id === 'service')!;
    assert.equal(services.groups.length, 15);
    assert.equal(services.hidden, 5);
    assert.ok(services.groups.every((g) => g.items === 2));
    for (const b of breakdowns(rows)) {
      const sizes = b.groups.map((g) => g.items);
      if (b.id === 'year') assert.deepEqual(b.groups.map((g) => g.key), [...b.groups.map((g) => g.key)].sort());
      else assert.deepEqual(sizes, [...sizes].sort((x, y) => y - x), b.id);
    }
  });

  test('the guideline sections: an item counts once in each section it was decided on; none known, a group of its own', () => {
    const row = seedRows()[0];
    const rows = [
      { ...row, decision: 'Upheld' as const, sections: ['MTUS Chronic Pain: Opioids', 'ODG: Opioids'] },
      { ...row, decision: 'Overturned' as const, sections: ['ODG: Opioids'] },
      { ...row, decision: 'Upheld' as const, sections: [], guidelineBasis: 'ODG' },
      { ...row, decision: 'Upheld' as const, sections: [], guidelineBasis: 'None cited' },
    ];
    const sections = breakdowns(rows).find((b) => b.id === 'section')!;
    assert.deepEqual(
      sections.groups.map((g) => [g.key, g.items, g.upheld, g.overturned]),
      [
        ['ODG: Opioids', 2, 1, 1],
        ['MTUS Chronic Pain: Opioids', 1, 1, 0],
        ['None cited', 1, 1, 0],
        [noSectionKnown, 1, 1, 0],
      ],
    );
    assert.deepEqual(filterRows(rows, { ...noFilter, groups: { section: 'ODG: Opioids' } }), [0, 1]);
    assert.deepEqual(filterRows(rows, { ...noFilter, groups: { section: 'MTUS Chronic Pain: Opioids' } }), [0]);
  });

  test('the seeds\' sections are the knowledge base\'s, named by guideline and topic', () => {
    const keys = new Set(seedRows().flatMap((r) => groupKeys(r, 'section')));
    assert.ok(keys.has('MTUS ACOEM: Neck: Special Studies (imaging and electrodiagnostics)'), [...keys].join(' | '));
    for (const k of keys) assert.match(k, /^(MTUS [A-Za-z ()0-9]+|ODG|ACOEM 3rd ed\.): \S|^None cited$|^Not in the knowledge base$/);
  });

  test('a service written in another case or spacing is the same group', () => {
    const row = seedRows()[0];
    const rows = [withService(row, 'Lumbar  MRI'), withService(row, 'lumbar mri')];
    const services = breakdowns(rows).find((b) => b.id === 'service')!;
    assert.deepEqual(services.groups.map((g) => [g.key, g.items]), [['lumbar mri', 2]]);
    // A group of several wordings is named by the most frequent, on the page and on its filter's chip.
    const worded = [withService(row, 'Lumbar MRI'), withService(row, 'MRI of the lumbar spine'), withService(row, 'MRI of the  lumbar spine without contrast'), withService(row, 'MRI of the lumbar spine')];
    const group = breakdowns(worded).find((b) => b.id === 'service')!.groups;
    assert.deepEqual(group.map((g) => [g.key, g.label, g.items]), [['lumbar mri', 'MRI of the lumbar spine', 4]]);
    assert.equal(groupLabel(worded, 'service', 'lumbar mri'), 'MRI of the lumbar spine');
    // Of wordings as frequent, the shortest: the least particular.
    const once = [withService(row, 'Cyclobenzaprine 7.5mg #27'), withService(row, 'Cyclobenzaprine'), withService(row, 'Flexeril 10mg #90')];
    assert.deepEqual(breakdowns(once).find((b) => b.id === 'service')!.groups.map((g) => [g.key, g.label]), [['cyclobenzaprine', 'Cyclobenzaprine']]);
  });
});

describe('the items that go with a surgery', () => {
  test('count apart from those decided on their own, and the group "Decided on its own" counts each surgery once', () => {
    const rows = folderOf([
      { name: 'associated.txt', text: readFileSync(path.join(repoRoot, 'samples', 'malformed-associated-service.txt'), 'utf8') },
      { name: 'seed.txt', text: readSeed(seedFiles[1]) },
    ]);
    const surgery = breakdowns(rows).find((b) => b.id === 'surgery')!;
    const own = rows.filter((r) => !r.surgery);
    assert.deepEqual(
      surgery.groups.map((g) => [g.key, g.items, g.upheld, g.overturned]),
      [
        ['Decided on its own', own.length, own.filter((r) => r.decision === 'Upheld').length, own.filter((r) => r.decision === 'Overturned').length],
        ['Goes with a surgery', 2, 1, 1],
      ],
    );
    const kept = filterRows(rows, { ...noFilter, groups: { surgery: 'Decided on its own' } });
    assert.deepEqual(kept.map((i) => rows[i].service).filter((s) => /shoulder|clearance|cold/i.test(s)), ['Right shoulder arthroscopy with rotator cuff repair']);
    assert.deepEqual(
      filterRows(rows, { ...noFilter, groups: { surgery: 'Goes with a surgery' } }).map((i) => rows[i].service),
      ['Pre-operative medical clearance', 'Cold therapy unit, 7 day rental'],
    );
    // Shown while the folder has such items, even when the filter keeps none of them; not for a folder without any.
    // The seeds have no header: no days to decision either.
    const ids = (all: FolderRow[], kept: FolderRow[]) => shownBreakdowns(all, kept).map((b) => b.id);
    assert.deepEqual(ids(rows, kept.map((i) => rows[i])), [...breakdownIds]);
    assert.deepEqual(ids(seedRows(), seedRows()), breakdownIds.filter((id) => id !== 'surgery' && id !== 'turnaround'));
    assert.deepEqual(ids([...seedRows(), ...rows], seedRows()), [...breakdownIds], 'one letter with its dates is enough');
  });
});

describe('filterRows', () => {
  test('a group, a decision, words: each keeps exactly the rows that have it', () => {
    const rows = seedRows();
    for (const by of breakdownIds) {
      for (const g of breakdowns(rows).find((b) => b.id === by)!.groups) {
        const kept = filterRows(rows, { ...noFilter, groups: { [by]: g.key } });
        assert.equal(kept.length, g.items, `${by}: ${g.key}`);
        assert.ok(kept.every((i) => groupKeys(rows[i], by).includes(g.key)));
      }
    }
    assert.deepEqual(
      filterRows(rows, { ...noFilter, decision: 'Overturned' }).map((i) => rows[i].decision),
      rows.filter((r) => r.decision === 'Overturned').map((r) => r.decision),
    );
    const words = filterRows(rows, { ...noFilter, text: '  THERAPY  physical ' });
    assert.ok(words.length > 0);
    for (const i of words) assert.match(`${rows[i].service} ${rows[i].title} ${rows[i].guideline}`.toLowerCase(), /therapy[\s\S]*|physical/);
    assert.deepEqual(filterRows(rows, noFilter), rows.map((_, i) => i));
    // A rule's id finds the items it fires on: seed 004 cites Chapter 5 with the neck chapter's pages.
    assert.deepEqual(
      filterRows(rows, { ...noFilter, text: 'citation-page-mismatch' }).map((i) => rows[i].checks),
      [['citation-page-mismatch']],
    );
  });

  test('a combined filter keeps what each of its parts keeps (fast-check)', () => {
    const rows = seedRows();
    const keysOf = (by: BreakdownId) => [...new Set(rows.map((r) => groupKey(r, by)))];
    const filter = fc.record({
      text: fc.constantFrom('', 'therapy', 'mtus', 'upheld', 'x y', '003'),
      decision: fc.constantFrom<DecisionFilter>(...decisionFilters),
      groups: fc.record(
        { guideline: fc.constantFrom(...keysOf('guideline')), year: fc.constantFrom(...keysOf('year')), specialty: fc.constantFrom(...keysOf('specialty')) },
        { requiredKeys: [] },
      ),
    });
    fc.assert(
      fc.property(filter, (f: FolderFilter) => {
        const parts: FolderFilter[] = [
          { ...noFilter, text: f.text },
          { ...noFilter, decision: f.decision },
          ...Object.entries(f.groups).map(([by, key]) => ({ ...noFilter, groups: { [by]: key } })),
        ];
        const each = parts.map((p) => new Set(filterRows(rows, p)));
        const expected = rows.map((_, i) => i).filter((i) => each.every((s) => s.has(i)));
        assert.deepEqual(filterRows(rows, f), expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sortRows', () => {
  test('by a column, either way, numbers in text as numbers, ties and empty values in file order; without a sort, file order', () => {
    const base = seedRows()[0];
    const rows: FolderRow[] = [
      { ...base, file: 'a.txt', index: 0, caseNumber: 'CM16-10', service: 'MRI' },
      { ...base, file: 'a.txt', index: 1, caseNumber: 'CM16-10', service: 'acupuncture' },
      { ...base, file: 'b.txt', index: 0, caseNumber: 'CM16-9', service: 'MRI' },
      { ...base, file: 'c.txt', index: 0, caseNumber: undefined, service: 'Botox' },
    ];
    const all = [3, 1, 0, 2];
    assert.deepEqual(sortRows(rows, all, undefined), [0, 1, 2, 3]);
    assert.deepEqual(sortRows(rows, all, { column: 'case', descending: false }), [2, 0, 1, 3], 'CM16-9 before CM16-10; no case number last');
    assert.deepEqual(sortRows(rows, all, { column: 'case', descending: true }), [0, 1, 2, 3], 'ties in file order, the empty last');
    assert.deepEqual(sortRows(rows, all, { column: 'service', descending: false }), [1, 3, 0, 2], 'any case');
    assert.deepEqual(sortRows(rows, [2, 0], { column: 'service', descending: false }), [0, 2], 'only the kept rows');
  });

  test('on the seeds: every column sorts into order, and is a permutation of the kept rows', () => {
    const rows = seedRows();
    const kept = filterRows(rows, noFilter);
    for (const column of sortColumns) {
      for (const descending of [false, true]) {
        const sorted = sortRows(rows, kept, { column, descending });
        assert.deepEqual([...sorted].sort((a, b) => a - b), kept, column);
      }
    }
    const byDecision = sortRows(rows, kept, { column: 'decision', descending: false }).map((i) => rows[i].decision ?? '');
    assert.deepEqual(byDecision, [...byDecision].sort((a, b) => (!a ? 1 : !b ? -1 : a.localeCompare(b))));
  });
});

describe('what a click on the page changes', () => {
  test('a header clicked goes ascending, descending, then file order; the sort list sets the way; another column starts ascending', () => {
    let sort = nextSort(undefined, { column: 'case' });
    assert.deepEqual(sort, { column: 'case', descending: false });
    sort = nextSort(sort, { column: 'case' });
    assert.deepEqual(sort, { column: 'case', descending: true });
    assert.equal(nextSort(sort, { column: 'case' }), undefined);
    assert.deepEqual(nextSort(sort, { column: 'file' }), { column: 'file', descending: false });
    assert.deepEqual(nextSort(undefined, { column: 'file', descending: true }), { column: 'file', descending: true });
    assert.equal(nextSort(sort, { column: null }), undefined);
  });

  test('a group clicked is chosen, clicked again (or its chip) removed; words and decision kept unless changed', () => {
    let filter = nextFilter(noFilter, { text: 'mri' });
    filter = nextFilter(filter, { group: { by: 'year', key: '2016' } });
    assert.deepEqual(filter, { text: 'mri', decision: 'all', groups: { year: '2016' } });
    filter = nextFilter(filter, { group: { by: 'guideline', key: 'ODG' }, decision: 'Upheld' });
    assert.deepEqual(filter, { text: 'mri', decision: 'Upheld', groups: { year: '2016', guideline: 'ODG' } });
    assert.deepEqual(nextFilter(filter, { group: { by: 'year', key: '2016' } }).groups, { guideline: 'ODG' });
    assert.deepEqual(nextFilter(filter, { group: { by: 'guideline', key: null } }).groups, { year: '2016' });
    assert.deepEqual(nextFilter(filter, { group: { by: 'year', key: '2017' } }).groups, { year: '2017', guideline: 'ODG' });
    assert.deepEqual(noFilter, { text: '', decision: 'all', groups: {} }, 'the shared empty filter is left as it was');
  });
});

describe('keptSummaries (what an export of a filtered table holds)', () => {
  test('the letters with a kept item, each with only those items and their counts', () => {
    const summaries = seedFiles.map((name) => summarizeLetter(parseLetter(readSeed(name)), name, `file:///f/${name}`));
    const rows = folderRows(summaries);
    const kept = filterRows(rows, { ...noFilter, decision: 'Upheld' });
    const cut = keptSummaries(summaries, rows, kept);
    assert.equal(cut.flatMap((s) => s.items).length, kept.length);
    for (const s of cut) {
      assert.ok(s.items.length > 0);
      assert.equal(s.upheld, s.items.length);
      assert.equal(s.overturned, 0);
    }
    assert.deepEqual(keptSummaries(summaries, rows, []), []);
  });
});
