// The client's pure parts: the summary rows, the status text, the exports, the letter markers, the messages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseLetter } from '../../core/parser/parseLetter';
import { formatExport, toCsv, toJson, toMarkdown } from '../../client/exportFormats';
import { fileName, folderRows, summarizeFolder, type FolderRow } from '../../core/summary/folderRows';
import { filterRows, noFilter } from '../../core/summary/folderStats';
import { hasLetterMarkers } from '../../client/letterMarkers';
import type { LetterSummary } from '../../core/summary/letterSummary';
import { countsSpoken, countsText, decisionLabel, firstSentence, itemNumbersText, shortGuidelineText, summarizeLetter, withContextGrounds } from '../../core/summary/letterSummary';
import { RestartPolicy } from '../../client/restartPolicy';
import { copyText, distinctLetters, letterKey } from '../../core/summary/copies';
import { readStatus, renderLetterBody, shownStatus, sortStatus } from '../../client/summaryHtml';
import { parseWebviewMessage } from '../../client/webviewMessages';
import { itemGroundKinds } from '../../core/parser/grounds';
import { folderLetterOf, folderRationaleChars } from '../../core/folderLetter';
import { headCollapsed } from '../../core/text/collapse';
import { citedSections } from '../../core/knowledge/sections';
import { serviceKind } from '../../core/text/serviceWords';
import { corpusLetters, lettersDir, repoRoot, seedsDir } from '../support/env';
import { itemsLetter } from '../support/itemsLetter';
import { readSample, readSeed, seedFiles } from '../lsp/mutants';
import { checksByItem } from '../../core/summary/itemChecks';
import { lintLetter } from '../../core/lint';

const seed3 = readFileSync(path.join(seedsDir, '003_600b92038191239e.txt'), 'utf8');
const seedTexts = () => seedFiles.map((f) => readSeed(f));

function fakeSummary(over: Partial<LetterSummary['items'][number]> = {}): LetterSummary {
  return {
    name: 'x.txt',
    uri: 'file:///x.txt',
    isLetter: true,
    caseNumber: 'CM16-0000001',
    timeline: {},
    specialties: [],
    licensure: [],
    upheld: 1,
    overturned: 0,
    items: [
      {
        index: 0,
        service: 'Massage, 6 "sessions"',
        title: 'Massage',
        decision: 'Upheld',
        guideline: 'MTUS | Chronic Pain',
        guidelineBasis: 'MTUS',
        claimsBasis: 'MTUS',
        sections: [],
        conclusion: 'not-medically-necessary',
        grounds: [],
        checks: [],
        rationaleStart: 'Line one\nline two.',
        titleRange: { start: { line: 3, character: 0 }, end: { line: 3, character: 7 } },
        ...over,
      },
    ],
  };
}

describe('summarizeLetter', () => {
  test('reads case data, reviewer and items of a seed from the model', () => {
    const s = summarizeLetter(parseLetter(seed3), '003.txt', 'file:///003.txt');
    assert.equal(s.isLetter, true);
    assert.deepEqual(
      s.items.map((i) => [i.service, i.decision]),
      [
        ['Mechanical Traction 2 x 4 weeks for the Lumbar Spine', 'Upheld'],
        ['Manipulation Electro-Muscle Stimulation', 'Upheld'],
        ['Myofascial Release', 'Overturned'],
      ],
    );
    assert.equal(s.upheld, 2);
    assert.equal(s.overturned, 1);
    assert.ok(s.specialties.length > 0, 'the reviewer block names a specialty');
    assert.ok(s.items.every((i) => i.guideline.length > 0 && i.rationaleStart.length > 0));
    assert.equal(countsText(s), '3 items · 2 upheld · 1 overturned');
  });

  test('what imr/folderSummary sends of a letter gives the very summary of its whole model, on every letter', () => {
    const texts = [
      ...seedTexts(),
      ...corpusLetters().map((f) => readFileSync(path.join(lettersDir, f), 'utf8')),
      // A rationale whose first sentence is long, and one of many short sentences.
      `${seed3}`.replace(/Decision rationale: /, `Decision rationale: ${'a very long clause, '.repeat(80)}and so on. `),
      `${seed3}`.replace(/Decision rationale: /, `Decision rationale: ${'Short one. '.repeat(200)}`),
      // Lines padded with whitespace (a PDF's columns), and a first sentence of just under 300 characters.
      `${seed3}`.replace(/Decision rationale: /, `Decision rationale: ${'padded        \n\n           '.repeat(60)}end. Next one.`),
      `${seed3}`.replace(/Decision rationale: /, `Decision rationale: ${'x'.repeat(150)}   \n\n   ${'y'.repeat(145)}. Then more.`),
    ];
    let items = 0;
    for (const text of texts) {
      const model = parseLetter(text);
      const folder = folderLetterOf(model);
      // The same, but for the guideline sections, the kinds of service and the grounds, which only the server's reading
      // adds (the knowledge base's, and the folder summary's groups; the grounds from the whole rationale).
      const fromFolder = summarizeLetter(folder, 'a.txt', 'file:///a.txt');
      const fromModel = summarizeLetter(model, 'a.txt', 'file:///a.txt');
      assert.deepEqual(fromFolder.items.map((i) => i.sections), model.items.map((i) => citedSections(i.maximusGuideline?.citations ?? [])));
      assert.deepEqual(fromFolder.items.map((i) => i.serviceKind), model.items.map((i) => serviceKind(i.service)));
      assert.deepEqual(fromFolder.items.map((i) => i.grounds), model.items.map(itemGroundKinds));
      // The checks: each rule that fires on the item, every rule on.
      const checks = checksByItem(model.items, lintLetter(model)).items.map((ds) => [...new Set(ds.map((d) => String(d.code)))]);
      assert.deepEqual(fromFolder.items.map((i) => i.checks), model.isLetter ? checks : model.items.map(() => []));
      assert.deepEqual({ ...fromFolder, items: fromFolder.items.map(({ serviceKind: _, ...i }) => ({ ...i, sections: [], grounds: [], checks: [] })) }, fromModel);
      assert.ok(JSON.stringify(folder).length < JSON.stringify(model).length, 'smaller than the model');
      items += folder.items.length;
    }
    assert.ok(items > 10);
  });

  test('checksByItem puts each diagnostic under the first item holding its start, items in order or not (fast-check)', () => {
    // The items in order are searched by halving; the answer must be a plain search's, touching ends included.
    const pos = fc.record({ line: fc.nat({ max: 30 }), character: fc.nat({ max: 4 }) });
    const cmp = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line - b.line || a.character - b.character;
    const holds = (r: { start: { line: number; character: number }; end: { line: number; character: number } }, p: { line: number; character: number }) =>
      cmp(r.start, p) <= 0 && cmp(p, r.end) <= 0;
    fc.assert(
      fc.property(fc.array(pos, { maxLength: 24 }), fc.array(pos, { maxLength: 30 }), fc.boolean(), (bounds, starts, sorted) => {
        const ends = sorted ? [...bounds].sort(cmp) : bounds;
        const items: { range: { start: typeof ends[number]; end: typeof ends[number] } }[] = [];
        for (let i = 0; i + 1 < ends.length; i += 2) items.push({ range: { start: ends[i], end: ends[i + 1] } });
        const diagnostics = starts.map((start, k) => ({ k, range: { start, end: start } }));
        const { items: byItem, letter } = checksByItem(items, diagnostics);
        const expected = diagnostics.map((d) => items.findIndex((item) => holds(item.range, d.range.start)));
        assert.deepEqual(byItem, items.map((_, i) => diagnostics.filter((_, k) => expected[k] === i)));
        assert.deepEqual(letter, diagnostics.filter((_, k) => expected[k] === -1));
      }),
      { numRuns: 3000 },
    );
  });

  test('the start of a rationale a folder summary gets has the very first sentence of the whole (fast-check)', () => {
    const piece = fc.oneof(
      fc.constantFrom('word', 'Dr.', 'e.g.', 'MTUS', 'A', '1.', 'No.', '"Quoted."', '(p. 9)', 'necessary.', 'Yes!', 'Why?'),
      fc.constantFrom(' ', '  ', '\n', '\r\n', '\n\n', '\t', '          ', '\u00a0', '\u2028'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(firstSentence(headCollapsed(text, folderRationaleChars)), firstSentence(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('a text that is not a letter has no items', () => {
    const s = summarizeLetter(parseLetter('Dear Sir,\nnothing here.\n'), 'a.txt', 'file:///a.txt');
    assert.equal(s.isLetter, false);
    assert.equal(countsText(s), '0 items · 0 upheld · 0 overturned');
  });

  test('the counts say "1 item" in the singular', () => {
    assert.equal(countsText({ items: [fakeSummary().items[0]], upheld: 1, overturned: 0 }), '1 item · 1 upheld · 0 overturned');
    // Spoken: words where the text has "·", which NVDA does not say at its default punctuation level.
    assert.equal(countsSpoken({ items: [fakeSummary().items[0]], upheld: 1, overturned: 0 }), 'IMR letter, 1 item: 1 upheld, 0 overturned');
    assert.equal(countsSpoken({ items: [], upheld: 0, overturned: 0 }), 'IMR letter, 0 items: 0 upheld, 0 overturned');
  });

  test('a missing decision shows the word as written, or "No decision"', () => {
    assert.equal(decisionLabel({ decisionText: 'Modified' }), 'Modified');
    assert.equal(decisionLabel({}), 'No decision');
    assert.equal(decisionLabel({ decision: 'Overturned' }), 'Overturned');
  });
});

describe('firstSentence', () => {
  test('stops at the first sentence end, not at abbreviations', () => {
    assert.equal(firstSentence('Per Dr. Smith, e.g. rest is advised. The rest follows.'), 'Per Dr. Smith, e.g. rest is advised.');
    assert.equal(firstSentence('See p. 12 of ODG. Then more.'), 'See p. 12 of ODG.');
    assert.equal(firstSentence('No end here'), 'No end here');
    assert.equal(firstSentence('  spaced\n out.  Next.'), 'spaced out.');
  });

  test('cuts a very long sentence at a word, with an ellipsis', () => {
    const long = `${'word '.repeat(100)}end.`;
    const s = firstSentence(long, 50);
    assert.ok(s.length <= 51 && s.endsWith('…'), s);
    assert.ok(!s.includes('wor…'), 'cut between words');
  });
});

describe('exports', () => {
  test('CSV quotes commas, quotes and newlines, and defuses formulas', () => {
    const csv = toCsv([fakeSummary({ guideline: '=HYPERLINK("http://x")' })]);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'Case number,Item,Service,Decision,Guideline,Conclusion,Grounds,Checks,Rationale');
    assert.equal(lines[1], `CM16-0000001,1,"Massage, 6 ""sessions""",Upheld,"'=HYPERLINK(""http://x"")",Not medically necessary,,,"Line one\nline two."`);
    assert.ok(csv.endsWith('\r\n'));
  });

  test('Markdown escapes pipes and keeps one row per item', () => {
    const md = toMarkdown([fakeSummary({ service: 'A | B <b>' })]);
    assert.match(md, /^## CM16-0000001 \(x\.txt\)$/m);
    assert.match(md, /\| CM16-0000001 \| 1 \| A \\\| B \\<b\\> \| Upheld \| MTUS \\\| Chronic Pain \|/);
    assert.equal(md.split('\n').filter((l) => l.startsWith('| CM16')).length, 1);
  });

  test("a letter's export takes each item's grounds from its context; every format writes them", () => {
    const summary = withContextGrounds(fakeSummary(), [{ index: 0, grounds: [{ kind: 'no-red-flags', line: 3 }, { kind: 'beyond-guideline-limits', line: 4 }] }]);
    assert.deepEqual(summary.items[0].grounds, ['no-red-flags', 'beyond-guideline-limits']);
    assert.deepEqual(withContextGrounds(fakeSummary(), []).items[0].grounds, [], 'no context: the rows as they were');
    assert.match(toCsv([summary]).split('\r\n')[1], /,Not medically necessary,"No red flags, neurological deficit or surgery in view; Beyond the guideline's number or duration",/);
    assert.deepEqual(JSON.parse(toJson([summary])).items[0].grounds, ['no-red-flags', 'beyond-guideline-limits']);
    assert.match(toMarkdown([summary]), /\| Not medically necessary \| No red flags, neurological deficit or surgery in view; Beyond the guideline's number or duration \|/);
  });

  test('every format writes the ids of the rules that find a problem in an item', () => {
    const summary = fakeSummary({ checks: ['body-part-mismatch', 'uncited-decision'] });
    assert.match(toCsv([summary]).split('\r\n')[1], /,Not medically necessary,,body-part-mismatch; uncited-decision,/);
    assert.deepEqual(JSON.parse(toJson([summary])).items[0].checks, ['body-part-mismatch', 'uncited-decision']);
    assert.match(toMarkdown([summary]), /\| Not medically necessary \|  \| body-part-mismatch; uncited-decision \|/);
  });

  test('JSON of one letter is an object with its items; of several, a list', () => {
    const one = JSON.parse(toJson([fakeSummary()]));
    assert.equal(one.caseNumber, 'CM16-0000001');
    assert.equal(one.items[0].decision, 'Upheld');
    const two = JSON.parse(formatExport('json', [fakeSummary(), fakeSummary()]));
    assert.equal(two.letters.length, 2);
  });
});

describe('folder summaries', () => {
  test('letters are sorted by name, non-letters left out, one row per item', () => {
    const letters = [
      { uri: 'file:///f/b%20003.txt', letter: parseLetter(seed3) },
      { uri: 'file:///f/a.txt', letter: parseLetter(readFileSync(path.join(repoRoot, 'samples', '001_7412a174a059eca0.txt'), 'utf8')) },
      { uri: 'file:///f/notes.txt', letter: parseLetter('just notes') },
    ];
    const summaries = summarizeFolder(letters);
    assert.deepEqual(summaries.map((s) => s.name), ['a.txt', 'b 003.txt']);
    const rows = folderRows(summaries);
    assert.equal(rows.length, 4);
    assert.equal(rows[1].file, 'b 003.txt');
    assert.equal(fileName('file:///f/x%23y.txt'), 'x#y.txt');
  });

  test("in a folder's summary a letter is named by its path below the folder: the same file name in two subfolders reads apart", () => {
    const letter = parseLetter(seed3);
    const letters = [
      { uri: 'file:///f/batch%2007/120.txt', letter },
      { uri: 'file:///f/batch01/120.txt', letter },
      { uri: 'file:///elsewhere/open.txt', letter },
    ];
    const names = summarizeFolder(letters, 'file:///f').map((s) => s.name);
    assert.deepEqual(names, ['batch 07/120.txt', 'batch01/120.txt', 'open.txt']);
    assert.deepEqual(summarizeFolder(letters, 'file:///f/').map((s) => s.name), names, 'a folder URI ending with a slash');
    // The filter finds a subfolder.
    const rows = folderRows(summarizeFolder(letters, 'file:///f'));
    assert.deepEqual(
      filterRows(rows, { ...noFilter, text: 'batch01/' }).map((i) => rows[i].file),
      rows.filter((r) => r.file === 'batch01/120.txt').map((r) => r.file),
    );
  });
});

describe('hasLetterMarkers', () => {
  test('finds the markers in every seed and not in other text', () => {
    for (const f of ['000_2e67a60e31d1e457.txt', '003_600b92038191239e.txt']) {
      assert.equal(hasLetterMarkers(readFileSync(path.join(seedsDir, f), 'utf8')), true, f);
    }
    assert.equal(hasLetterMarkers('Case Number: CM16-0247802\n'), true);
    assert.equal(hasLetterMarkers('Case Number: 12345\nA letter about something else.'), false);
    assert.equal(hasLetterMarkers(`${'filler\n'.repeat(80)}HOW THE IMR FINAL DETERMINATION WAS MADE`), false, 'only the first lines count');
  });

  test('finds a Medical Professional Review by its title and first label, without a case number', () => {
    const review = readFileSync(path.join(repoRoot, 'test/fixtures/templates/professional-review.txt'), 'utf8').replace(/Case Number: .*\n/, '');
    assert.equal(hasLetterMarkers(review), true);
    assert.equal(hasLetterMarkers(review.replace(/\n/g, '\r\n')), true);
    assert.equal(hasLetterMarkers('MEDICAL PROFESSIONAL REVIEW\nA course on how to write one.\n'), false);
  });
});

describe('parseWebviewMessage', () => {
  test('accepts the known messages', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', index: 2 }), { type: 'reveal', index: 2 });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', row: 0 }), { type: 'reveal', row: 0 });
    assert.deepEqual(parseWebviewMessage({ type: 'export', format: 'markdown' }), { type: 'export', format: 'markdown' });
    assert.deepEqual(parseWebviewMessage({ type: 'filter', text: 'odg lumbar' }), { type: 'filter', text: 'odg lumbar' });
    assert.deepEqual(parseWebviewMessage({ type: 'filter', decision: 'other', group: { by: 'year', key: '2016' } }), {
      type: 'filter',
      decision: 'other',
      group: { by: 'year', key: '2016' },
    });
    assert.deepEqual(parseWebviewMessage({ type: 'filter', group: { by: 'service', key: null } }), { type: 'filter', group: { by: 'service', key: null } });
    assert.deepEqual(parseWebviewMessage({ type: 'clearFilter' }), { type: 'clearFilter' });
    assert.deepEqual(parseWebviewMessage({ type: 'more' }), { type: 'more' });
    assert.deepEqual(parseWebviewMessage({ type: 'refresh' }), { type: 'refresh' });
    assert.deepEqual(parseWebviewMessage({ type: 'sort', column: 'case' }), { type: 'sort', column: 'case' });
    assert.deepEqual(parseWebviewMessage({ type: 'sort', column: 'file', descending: true }), { type: 'sort', column: 'file', descending: true });
    assert.deepEqual(parseWebviewMessage({ type: 'sort', column: null }), { type: 'sort', column: null });
  });

  test('rejects anything else', () => {
    for (const bad of [
      null,
      'reveal',
      { type: 'reveal', index: -1 },
      { type: 'reveal', index: 1.5 },
      { type: 'reveal', index: '1' },
      { type: 'reveal', index: 1, row: 1 },
      { type: 'export', format: 'html' },
      { type: 'filter', text: 3 },
      { type: 'filter', text: 'x'.repeat(1001) },
      { type: 'filter', decision: 'Modified' },
      { type: 'filter', group: { by: '__proto__', key: 'x' } },
      { type: 'filter', group: { by: 'year', key: 2016 } },
      { type: 'filter', group: null },
      { type: 'sort', column: 'num' },
      { type: 'sort' },
      { type: 'sort', column: 'file', descending: 'yes' },
      { type: 'open', uri: 'file:///etc/passwd' },
      { type: 'command', command: 'workbench.action.terminal.new' },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('parseWebviewMessage on anything (fast-check)', () => {
  test('a -0 index or row is the 0 it means', () => {
    // fast-check found it (seed -1276610924): a -0 passed as a count and came back -0, not what JSON would carry.
    assert.ok(Object.is((parseWebviewMessage({ type: 'reveal', index: -0 }) as { index: number }).index, 0));
    assert.ok(Object.is((parseWebviewMessage({ type: 'reveal', row: -0 }) as { row: number }).row, 0));
  });

  test('never throws; what it accepts is one of the known messages, with nothing it did not check', () => {
    const known = fc.oneof(
      fc.record({ type: fc.constantFrom('ready', 'reveal', 'export', 'filter', 'clearFilter', 'more', 'refresh', 'sort') }, { requiredKeys: [] }),
      fc.record({
        type: fc.constantFrom('reveal', 'filter', 'sort', 'export'),
        index: fc.anything(),
        row: fc.anything(),
        text: fc.oneof(fc.string(), fc.anything()),
        decision: fc.oneof(fc.constantFrom('all', 'Upheld', 'Overturned', 'other'), fc.anything()),
        group: fc.oneof(fc.record({ by: fc.constantFrom('year', 'guideline', 'x'), key: fc.oneof(fc.string(), fc.constant(null), fc.anything()) }), fc.anything()),
        column: fc.oneof(fc.constantFrom('file', 'case', null), fc.anything()),
        descending: fc.anything(),
        format: fc.oneof(fc.constantFrom('csv', 'json'), fc.anything()),
      }),
    );
    fc.assert(
      fc.property(fc.oneof(known, fc.anything()), (raw) => {
        const m = parseWebviewMessage(raw);
        if (m === undefined) return;
        // Only the fields each message has, each checked: a copy through JSON is the same message.
        assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
        const allowed: Record<string, string[]> = {
          ready: [],
          reveal: ['index', 'row'],
          export: ['format'],
          filter: ['text', 'decision', 'group'],
          clearFilter: [],
          more: [],
          refresh: [],
          sort: ['column', 'descending'],
        };
        for (const key of Object.keys(m)) if (key !== 'type') assert.ok(allowed[m.type].includes(key), `${m.type}.${key}`);
      }),
      { numRuns: 3000 },
    );
  });
});

test("the items view's short guideline: the citations without the template's words, and 'No evidence cited'", () => {
  const text =
    'IMR ISSUES, DECISIONS AND RATIONALES\n\nMassage: Upheld\n\nClaims Administrator guideline: Decision based on MTUS.\n\n' +
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Office visits. Decision based on Non-MTUS Citation Official\nDisability Guidelines (ODG), Low Back, Massage.\n\n' +
    'Decision rationale: Not medically necessary.\n\nSling: Upheld\n\nClaims Administrator guideline: Decision based on MTUS.\n\n' +
    'MAXIMUS guideline: The MAXIMUS physician did not cite any medical evidence for its decision.\n\nDecision rationale: Not medically necessary.\n';
  const [massage, sling] = parseLetter(text).items;
  assert.equal(shortGuidelineText(massage.maximusGuideline), 'MTUS Chronic Pain Medical Treatment 2016, Office visits; Official Disability Guidelines (ODG), Low Back, Massage');
  assert.equal(shortGuidelineText(sling.maximusGuideline), 'No evidence cited');
  assert.equal(shortGuidelineText(undefined), '');
});

test("the folder page's status line: what a filter keeps and how it was decided, the sort in words, the folder read", () => {
  const rows = (['Upheld', 'Upheld', 'Overturned', undefined] as const).map((decision) => ({ decision }) as FolderRow);
  assert.equal(shownStatus(rows, [0, 2, 3]), '3 of 4 items shown: 1 upheld, 1 overturned');
  assert.equal(shownStatus(rows, [0, 1, 2, 3]), 'All 4 items shown: 2 upheld, 1 overturned');
  assert.equal(shownStatus(rows.slice(0, 1), [0]), '1 item shown: 1 upheld, 0 overturned');
  assert.equal(shownStatus(rows, []), 'No item matches the filter');
  assert.equal(sortStatus({ column: 'case', descending: true }), 'Sorted by case number, Z to A');
  assert.equal(sortStatus({ column: 'guideline', descending: false }), "Sorted by reviewer's guideline, A to Z");
  assert.equal(sortStatus(undefined), 'In file order');
  assert.equal(readStatus(146, rows, [0, 1, 2, 3], false), '146 letters read: 4 items');
  assert.equal(readStatus(1, rows.slice(0, 1), [0], false), '1 letter read: 1 item');
  assert.equal(readStatus(146, rows, [2], true), '146 letters read: 4 items. 1 of 4 items shown: 0 upheld, 1 overturned');
  assert.equal(readStatus(0, [], [], false), 'No letters found in this folder');
});

describe('renderLetterBody', () => {
  test('says why there is no table', () => {
    assert.match(renderLetterBody(undefined), /Waiting for the language server/);
    assert.match(renderLetterBody(null), /Open the letter in an editor/);
    assert.match(renderLetterBody({ ...fakeSummary(), isLetter: false }), /does not look like an IMR Final Determination letter/);
    assert.match(renderLetterBody({ ...fakeSummary(), items: [] }), /No disputed items found/);
  });

  test('shows the counts, the case data and one row per item', () => {
    const html = renderLetterBody({ ...fakeSummary(), age: 45, sex: 'male', specialties: ['Pain Medicine'], licensure: ['California'] });
    assert.match(html, /Upheld 1<\/span> <span class="badge overturned">Overturned 0/);
    assert.match(html, /<dt>Patient<\/dt><dd>45 years, male<\/dd>/);
    assert.match(html, /<dt>Licensed in<\/dt><dd>California<\/dd>/);
    assert.equal(html.match(/<tr data-index=/g)?.length, 1);
    assert.match(html, /Massage, 6 &#34;sessions&#34;/);
    assert.doesNotMatch(html, /Partly authorized/);
  });

  test('a retrospective request and its date of service, under the service, from a parsed letter and a folder row', () => {
    const text =
      'IMR ISSUES, DECISIONS AND RATIONALES\n\nRetrospective Cyclobenzaprine 5mg tab #30 DOS: 11/14/16: Upheld\n\n' +
      'Claims Administrator guideline: Decision based on MTUS.\n\nMAXIMUS guideline: Decision based on MTUS.\n\nDecision rationale: Not medically necessary.\n\n' +
      'Voltaren gel DOS 11/11/2016: Upheld\n\nClaims Administrator guideline: Decision based on MTUS.\n\nMAXIMUS guideline: Decision based on MTUS.\n\nDecision rationale: Not medically necessary.\n';
    const model = parseLetter(text);
    for (const rows of [summarizeLetter(model, 'r.txt', 'file:///r.txt').items, summarizeLetter(folderLetterOf(model), 'r.txt', 'file:///r.txt').items]) {
      assert.deepEqual(rows.map((r) => [r.service, r.retrospective, r.dateOfService]), [
        ['Cyclobenzaprine 5mg tab #30', true, '2016-11-14'],
        ['Voltaren gel', undefined, '2016-11-11'],
      ]);
    }
    const html = renderLetterBody(summarizeLetter(model, 'r.txt', 'file:///r.txt'));
    assert.match(html, /<th scope="row" class="service"><button[^>]*>Cyclobenzaprine 5mg tab #30<\/button><div class="context" data-context="retrospective">Retrospective request, date of service 2016-11-14\.<\/div>/);
    assert.match(html, /<th scope="row" class="service"><button[^>]*>Voltaren gel<\/button><div class="context" data-context="retrospective">Date of service 2016-11-11\.<\/div>/);
    assert.doesNotMatch(renderLetterBody(fakeSummary()), /data-context="retrospective"/);
  });

  test('a partial authorization: what was requested and authorized, escaped, under the part decided', () => {
    const html = renderLetterBody(fakeSummary({ service: 'Acupuncture 2 sessions', partial: { originalRequest: 'Acupuncture <8> sessions', authorized: 'Acupuncture 6 & more' } }));
    assert.match(
      html,
      /<th scope="row" class="service"><button[^>]*>Acupuncture 2 sessions<\/button><div class="context" data-context="partial">Partly authorized\. Requested: Acupuncture &#60;8&#62; sessions; authorized: Acupuncture 6 &#38; more; decided here: the rest\.<\/div>/,
    );
    // From a parsed letter: the row carries the two parts, the service is the remaining portion.
    const text =
      'IMR ISSUES, DECISIONS AND RATIONALES\n\nAcupuncture 8 sessions was the original request. Acupuncture 6 sessions was authorized by the Claims Administrator. ' +
      'The remaining IMR eligible portion of the original request, Acupuncture 2 sessions is: Upheld\n\n' +
      'Claims Administrator guideline: Decision based on MTUS.\n\nMAXIMUS guideline: Decision based on MTUS.\n\nDecision rationale: Not medically necessary.\n';
    const [row] = summarizeLetter(parseLetter(text), 'p.txt', 'file:///p.txt').items;
    assert.equal(row.service, 'Acupuncture 2 sessions');
    assert.deepEqual(row.partial, { originalRequest: 'Acupuncture 8 sessions', authorized: 'Acupuncture 6 sessions' });
  });

  test('a surgery and the services that go with it name each other, escaped, from the model and from the folder summary alike', () => {
    const text = itemsLetter([
      ['Knee arthroscopy <left>', 'Upheld', 'Not medically necessary.'],
      ['Associated surgical service: Cold therapy unit', 'Upheld', 'As the requested surgical intervention is not medically necessary, neither is this.'],
      ['Pre-op clearance', 'Upheld', 'Not medically necessary.'],
      ['Norco 10/325mg #60', 'Upheld', 'Not medically necessary.'],
    ]);
    const model = parseLetter(text);
    for (const from of [model, folderLetterOf(model)]) {
      const rows = summarizeLetter(from, 's.txt', 'file:///s.txt').items;
      assert.deepEqual(rows.map((r) => [r.surgery, r.withSurgery]), [
        [undefined, [1, 2]],
        [{ index: 0, service: 'Knee arthroscopy <left>', decision: 'Upheld' }, undefined],
        [{ index: 0, service: 'Knee arthroscopy <left>', decision: 'Upheld' }, undefined],
        [undefined, undefined],
      ]);
      const html = renderLetterBody(summarizeLetter(from, 's.txt', 'file:///s.txt'));
      assert.match(html, /<div class="context" data-context="surgery">2 services go with this surgery: items 2–3\.<\/div>/);
      assert.match(html, /<th scope="row" class="service"><button[^>]*>Cold therapy unit<\/button><div class="context" data-context="surgery">Goes with the surgery, item 1: Knee arthroscopy &#60;left&#62; \(Upheld\)\.<\/div>/);
      assert.equal(html.match(/data-context="surgery"/g)?.length, 3, 'not on the Norco');
    }
  });
});

test('itemNumbersText: 1-based, runs joined, the rest counted after twelve runs', () => {
  assert.equal(itemNumbersText([1]), 'item 2');
  assert.equal(itemNumbersText([1, 2, 3, 4, 5, 6, 7, 10]), 'items 2–8, 11');
  assert.equal(itemNumbersText([0, 2]), 'items 1, 3');
  const every = Array.from({ length: 5000 }, (_, i) => 2 * i);
  assert.equal(itemNumbersText(every), 'items 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23 and 4988 more');
});

describe('RestartPolicy', () => {
  test('restarts five times within three minutes, then stops; old crashes age out', () => {
    const policy = new RestartPolicy();
    const minute = 60_000;
    for (let i = 0; i < 5; i++) assert.equal(policy.shouldRestart(i * 1000), true, `crash ${i + 1}`);
    assert.equal(policy.shouldRestart(6000), false, 'the sixth crash in the window');
    assert.equal(policy.shouldRestart(3 * minute + 1500), true, 'after the first crashes left the window');
  });
});

describe('distinctLetters', () => {
  const letter = (name: string, over: Partial<LetterSummary> = {}, items: Partial<LetterSummary['items'][number]>[] = [{}]): LetterSummary => {
    const base = fakeSummary();
    return { ...base, name, uri: `file:///${name}`, ...over, items: items.map((i) => ({ ...base.items[0], ...i })) };
  };
  test('a case number names one letter, whatever its case; each copy is named with the file counted instead, a text file rather than its PDF', () => {
    const { letters, copies } = distinctLetters([
      letter('a.pdf', { caseNumber: 'CM16-0000001' }),
      letter('a.txt', { caseNumber: 'cm16-0000001' }, [{ decision: 'Overturned' }]),
      letter('b.txt', { caseNumber: 'CM16-0000002' }),
      letter('c.pdf', { caseNumber: 'CM16-0000003' }),
      letter('c2.pdf', { caseNumber: 'CM16-0000003' }),
    ]);
    // The text saved from a PDF is the file a user edits: a row opens it, not the PDF's read-only text.
    assert.deepEqual(letters.map((l) => l.name), ['a.txt', 'b.txt', 'c.pdf']);
    assert.deepEqual(copies, [{ name: 'a.pdf', of: 'a.txt' }, { name: 'c2.pdf', of: 'c.pdf' }]);
    assert.equal(copyText(copies[0]), 'a.pdf (a copy of a.txt)');
  });
  test('without a case number: the same facts and items, in any case and spacing, are the same letter; another decision is not', () => {
    const noCase = { caseNumber: undefined, dateOfInjury: '2016-01-02' };
    const { letters, copies } = distinctLetters([
      letter('x.txt', noCase, [{ service: 'Massage, 6 sessions', rationaleStart: 'Not  needed.' }]),
      letter('y.txt', noCase, [{ service: 'MASSAGE,  6 Sessions', rationaleStart: 'not needed.' }]),
      letter('z.txt', noCase, [{ service: 'Massage, 6 sessions', rationaleStart: 'Not needed.', decision: 'Overturned' }]),
      letter('w.txt', { ...noCase, dateOfInjury: '2016-01-03' }, [{ service: 'Massage, 6 sessions', rationaleStart: 'Not needed.' }]),
    ]);
    assert.deepEqual(letters.map((l) => l.name), ['x.txt', 'z.txt', 'w.txt']);
    assert.deepEqual(copies, [{ name: 'y.txt', of: 'x.txt' }]);
    assert.notEqual(letterKey(letters[0]), letterKey(letters[1]));
  });
});

describe('checksByItem', () => {
  test("each diagnostic goes to the item it starts in, from the item's first character to its last; the rest to the letter", () => {
    const text = readSample('malformed-associated-service.txt');
    const model = parseLetter(text);
    const at = (line: number, character: number) => ({ range: { start: { line, character }, end: { line, character } } });
    const [first, second, third] = model.items;
    const diagnostics = [
      { ...at(0, 0), code: 'letter' },
      { ...at(first.range.start.line, first.range.start.character), code: 'a' },
      { ...at(second.range.end.line, second.range.end.character), code: 'b' },
      { ...at(third.range.end.line, third.range.end.character + 1), code: 'c' },
    ];
    const { items, letter } = checksByItem(model.items, diagnostics);
    assert.deepEqual(items.map((ds) => ds.map((d) => d.code)), [['a'], ['b'], []]);
    assert.deepEqual(letter, [diagnostics[0], diagnostics[3]]);
    // The letter's real problems: the conflict is the third item's.
    const lint = checksByItem(model.items, lintLetter(model, { text }));
    assert.deepEqual(lint.items.map((ds) => ds.map((d) => d.code)), [[], [], ['associated-service-conflict']]);
  });
});
