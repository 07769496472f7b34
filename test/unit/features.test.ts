// Tests of the language features over in-memory documents: symbols, folding, selection, links, hovers, fixes, completion, cache.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, DocumentSymbol, MarkupContent, Range, SelectionRange, TextEdit } from 'vscode-languageserver-types';
import { DiagnosticSeverity, DocumentHighlightKind } from 'vscode-languageserver-types';
import { citationKeys } from '../../core/features/hover';
import { workspaceLetterOf } from '../../core/features/workspaceLetter';
import { fuzzyMatches } from '../../core/features/workspaceSymbols';
import { createLanguageService, type WorkspaceLetter } from '../../core/languageService';
import { lintLetter } from '../../core/lint';
import { parseLetter } from '../../core/parser/parseLetter';
import { itemTitleRange } from '../../core/rules/itemRanges';
import { rangeContains } from '../../core/text/lines';
import { corpusLetters, corpusSkip, repoRoot } from '../support/env';
import { applyEdits, dropParagraph, readCorpusLetter, readSample, readSeed, replaceOnce } from '../lsp/mutants';
import { textAt } from '../support/text';
import { itemsLetter } from '../support/itemsLetter';

const seed = readSeed();
const seedTitle = '12 Physical Therapy Treatments for The Lumbar Spine';
let n = 0;
const docOf = (text: string, version = 1) => TextDocument.create(`file:///mem/letter${n++}.txt`, 'imr', version, text);

function hoverText(h: { contents: unknown } | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

function checkTree(symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(s.name.trim().length > 0, 'a symbol has a name');
    assert.ok(!s.name.includes('\n'), 'names are one line');
    assert.ok(rangeContains(s.range, s.selectionRange), `${s.name}: selection inside range`);
    if (parent) assert.ok(rangeContains(parent.range, s.range), `${s.name} inside ${parent.name}`);
    checkTree(s.children ?? [], s);
  }
}

describe('document symbols', () => {
  const ls = createLanguageService();

  test('a seed: reviewer, sections, and the item with its three paragraphs', () => {
    const symbols = ls.getDocumentSymbols(docOf(seed));
    checkTree(symbols);
    const names = symbols.map((s) => s.name);
    assert.deepEqual(names, ['Reviewer', 'Clinical Case Summary', 'Issues, Decisions and Rationales']);
    assert.match(symbols[0].detail ?? '', /Physical Medicine/);
    const [item] = symbols[2].children ?? [];
    assert.equal(item.name, seedTitle);
    assert.equal(item.detail, 'Upheld');
    assert.equal(textAt(seed, item.selectionRange), seedTitle);
    assert.match(textAt(seed, item.range), /^12 Physical Therapy[\s\S]*is not medically necessary\.$/);
    assert.deepEqual(
      item.children?.map((c) => c.name),
      ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale'],
    );
  });

  test('corpus letters: header with case number, partial items named by their remaining portion', { skip: corpusSkip }, () => {
    const text = readCorpusLetter('008_CM16-0231706.txt');
    const symbols = ls.getDocumentSymbols(docOf(text));
    assert.equal(symbols[0].name, 'Case');
    assert.equal(symbols[0].detail, 'CM16-0231706');
    const item = symbols.find((s) => s.name.startsWith('Issues'))?.children?.[0];
    assert.equal(item?.name, 'Chiropractic physiotherapy treatment 6 visits');
    assert.equal(item?.detail, 'Upheld · partial');
  });

  test('every corpus letter gives a well-formed tree with one child per item', { skip: corpusSkip }, () => {
    for (const f of corpusLetters()) {
      const text = readCorpusLetter(f);
      const doc = docOf(text);
      const symbols = ls.getDocumentSymbols(doc);
      checkTree(symbols);
      const issues = symbols.find((s) => s.name === 'Issues, Decisions and Rationales');
      assert.equal(issues?.children?.length, ls.getLetter(doc)?.items.length, f);
      for (const c of issues?.children ?? []) assert.match(c.detail ?? '', /^(Upheld|Overturned)/, f);
    }
  });

  test('an untitled item is selected by its first label, not by an empty range', () => {
    const text =
      'IMR ISSUES, DECISIONS AND RATIONALES\n\nClaims Administrator guideline: Decision based on MTUS.\n' +
      'MAXIMUS guideline: Decision based on MTUS.\nDecision rationale: The request is not medically necessary.\n';
    const symbols = ls.getDocumentSymbols(docOf(text));
    checkTree(symbols);
    const [item] = symbols.find((s) => s.name.startsWith('Issues'))?.children ?? [];
    assert.equal(item?.name, '(untitled)');
    assert.equal(textAt(text, item.selectionRange), 'Claims Administrator guideline:');
  });
});

describe('folding and selection ranges', () => {
  const ls = createLanguageService();

  test('folds for sections, items and paragraphs', () => {
    const doc = docOf(seed);
    const folds = ls.getFoldingRanges(doc);
    const model = ls.getLetter(doc);
    assert.ok(model);
    for (const f of folds) assert.ok(f.endLine > f.startLine);
    const starts = new Set(folds.map((f) => f.startLine));
    for (const s of model.sections) assert.ok(starts.has(s.range.start.line), s.heading);
    for (const i of model.items) {
      assert.ok(starts.has(i.range.start.line), 'item');
      assert.ok(i.rationale && starts.has(i.rationale.range.start.line), 'rationale');
    }
  });

  test('word → line → paragraph → item → section → letter', () => {
    const doc = docOf(seed);
    const model = ls.getLetter(doc);
    const rationale = model?.items[0].rationale;
    assert.ok(rationale?.textRange);
    const pos = { line: rationale.textRange.start.line + 2, character: 12 };
    const [chain] = ls.getSelectionRanges(doc, [pos]);
    const ranges: Range[] = [];
    for (let s: SelectionRange | undefined = chain; s; s = s.parent) ranges.push(s.range);
    for (let i = 1; i < ranges.length; i++) assert.ok(rangeContains(ranges[i], ranges[i - 1]), `level ${i} holds level ${i - 1}`);
    assert.match(textAt(seed, ranges[0]), /^[A-Za-z]+$/, 'a word first');
    const texts = ranges.map((r) => textAt(seed, r));
    assert.ok(texts.some((t) => t.startsWith('Decision rationale:') && t.endsWith('necessary.')), 'the paragraph');
    assert.ok(texts.some((t) => t.startsWith(seedTitle)), 'the item');
    assert.ok(texts.some((t) => t.startsWith('IMR ISSUES')), 'the section');
    assert.equal(texts[texts.length - 1], seed, 'the whole letter last');
  });
});

describe('workspace symbols', () => {
  const ls = createLanguageService();
  test('fuzzy matching', () => {
    assert.ok(fuzzyMatches('pt lumbar', '12 Physical Therapy Treatments for The Lumbar Spine'));
    assert.ok(fuzzyMatches('', 'x'));
    assert.ok(!fuzzyMatches('mri', 'Physical therapy'));
  });

  test('finds items across a few hundred letters', { skip: corpusSkip }, () => {
    const letters: WorkspaceLetter[] = [];
    for (let copy = 0; copy < 3; copy++) {
      for (const f of corpusLetters()) letters.push(workspaceLetterOf(`file:///ws/${copy}/${f}`, parseLetter(readCorpusLetter(f))));
    }
    assert.ok(letters.length >= 400);
    // Its speed over 10,000 letters is measured by npm run bench -- workspace, not here.
    const found = ls.getWorkspaceSymbols(letters, 'facet');
    assert.ok(found.length >= 3);
    for (const s of found) assert.ok(fuzzyMatches('facet', s.name));
    assert.ok(found.some((s) => /facet/i.test(s.name)));
    assert.deepEqual(ls.getWorkspaceSymbols(letters, 'facet', () => true), [], 'a cancelled search answers empty');
  });
});

describe('document links', () => {
  const ls = createLanguageService();
  test('URLs in citations, joined across line breaks', { skip: corpusSkip }, () => {
    const text = readCorpusLetter('005_CM16-0229336.txt');
    const links = ls.getDocumentLinks(docOf(text));
    assert.ok(links.length >= 2);
    for (const l of links) {
      assert.match(l.target ?? '', /^https?:\/\/\S+$/);
      assert.equal(textAt(text, l.range).replace(/\s+/g, ''), l.target);
    }
    assert.ok(links.some((l) => l.range.end.line > l.range.start.line), 'a link spans a line break');
  });
  test('no links in a letter without URLs', () => {
    assert.deepEqual(ls.getDocumentLinks(docOf(seed)), []);
  });
});

describe('inlay hints', () => {
  const ls = createLanguageService();
  const all = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };
  const labels = (text: string) => ls.getInlayHints(docOf(text), all).map((h) => [h.label, textAt(text, { start: { line: h.position.line, character: 0 }, end: h.position })]);
  test('after a citation by page, the topics its pages hold; none after one that names its section or does not resolve', () => {
    assert.deepEqual(labels(seed), [
      ['§ Low back: Physical Methods', 'Page(s): 298'],
      ['§ Physical medicine', 'Page(s): 298,Chronic Pain Treatment Guidelines (Effective July 18, 2009) Page(s): 98'],
    ]);
    const [hint, atLineEnd] = ls.getInlayHints(docOf(seed), all);
    assert.equal(hint.paddingLeft, true);
    // Before the "," glued to the citation a space on its right too; at the line's end none.
    assert.equal(hint.paddingRight, true);
    assert.equal(atLineEnd.paddingRight, undefined);
    assert.match((hint.tooltip as MarkupContent).value, /^What MTUS ACOEM page\(s\) 298 hold:\n\n- Low back: Physical Methods \(/);
    const letter = (citation: string) =>
      'IMR ISSUES, DECISIONS AND RATIONALES\n\nPhysical therapy: Upheld\n\nClaims Administrator guideline: Decision based on MTUS.\n\n' +
      `MAXIMUS guideline: Decision based on ${citation}.\n\nDecision rationale: The request is not medically necessary.\n`;
    assert.deepEqual(labels(letter('MTUS Chronic Pain Treatment Guidelines (Effective July 18, 2009) Page(s): 98')).map(([label]) => label), ['§ Physical medicine']);
    assert.deepEqual(labels(letter('MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine')), []);
    const unknown = replaceOnce(seed, 'Page(s): 298,', 'Page(s): 9999,');
    assert.deepEqual(labels(unknown).map(([label]) => label), ['§ Physical medicine']);
  });
  test('positions in UTF-16 code units, with CRLF and astral characters before the citation; only the range asked', () => {
    const astral = replaceOnce(seed, 'Page(s): 298,', '\u{1F600}\u{1F600} Page(s): 298,').replace(/\n/g, '\r\n');
    const [first] = ls.getInlayHints(docOf(astral), all);
    assert.equal(first.position.character, '\u{1F600}\u{1F600} Page(s): 298'.length);
    assert.equal(textAt(astral, { start: { line: first.position.line, character: 0 }, end: first.position }), '\u{1F600}\u{1F600} Page(s): 298');
    const line = first.position.line;
    assert.deepEqual(ls.getInlayHints(docOf(astral), { start: { line: 0, character: 0 }, end: { line: line - 1, character: 0 } }), []);
    assert.equal(ls.getInlayHints(docOf(astral), { start: { line, character: 0 }, end: { line, character: 20 } }).length, 1);
  });
  test('a long list of topics is cut to a short line and counted', () => {
    const hints = ls.getInlayHints(docOf(replaceOnce(seed, 'Page(s): 298,', 'Page(s): 290, 298, 300-301, 303, 308,')), all);
    const label = String(hints[0].label);
    assert.ok(label.length <= 82, label);
    assert.match(label, /^§ Low back: .*; \+\d+ more$/);
  });
});

describe('hovers', () => {
  const ls = createLanguageService();
  const doc = docOf(seed);
  const item = ls.getLetter(doc)?.items[0];
  assert.ok(item?.decisionText && item.maximusGuideline);

  test('on a decision word: what it means', () => {
    assert.match(hoverText(ls.getHover(doc, item.decisionText!.range.start)), /utilization review denial stands/);
    const over = docOf(readSample('malformed-conflict.txt'));
    const it = ls.getLetter(over)?.items[0];
    assert.match(hoverText(ls.getHover(over, it!.decisionText!.range.start)), /must authorize/);
  });
  test('on an item title: decision, guideline and conclusion', () => {
    const h = ls.getHover(doc, { line: item.title.range.start.line, character: 3 });
    const t = hoverText(h);
    assert.match(t, /Upheld/);
    assert.match(t, /Reviewer's guideline: Decision based on MTUS ACOEM/);
    assert.match(t, /Rationale concludes: .*not medically necessary/);
  });
  test('on an item title: the surgery it goes with; on the surgery, the items that go with it', () => {
    const surgeryLetter = docOf(
      itemsLetter([
        ['Arthroscopy of the left knee', 'Upheld', 'The request is not medically necessary.'],
        ['Pre-op Clearance', 'Upheld', 'As the requested surgical intervention is not medically necessary, the clearance is not medically necessary.'],
        ['Post-op physical therapy x 12', 'Overturned', 'The request is medically necessary.'],
        ['Motrin 600mg #40', 'Upheld', 'The request is not medically necessary.'],
      ]),
    );
    const items = ls.getLetter(surgeryLetter)!.items;
    const at = (i: number) => hoverText(ls.getHover(surgeryLetter, { line: items[i].title.range.start.line, character: 1 }));
    assert.match(at(0), /\n2 services go with this surgery: items 2–3 \(1 upheld, 1 overturned\)\.\n/);
    assert.match(at(1), /\nGoes with the surgery, item 1: Arthroscopy of the left knee, Upheld \(the rationale rests on it\)\.\n/);
    assert.match(at(2), /\nGoes with the surgery, item 1: Arthroscopy of the left knee, Upheld\.\n/);
    assert.doesNotMatch(at(3), /surgery/);
    // The Outline names the surgery beside each service's decision.
    const details = ls.getDocumentSymbols(surgeryLetter).flatMap((s) => [s, ...(s.children ?? [])]).filter((s) => /Upheld|Overturned/.test(s.detail ?? '')).map((s) => s.detail);
    assert.deepEqual(details, ['Upheld', 'Upheld · with item 1', 'Overturned · with item 1', 'Upheld']);
  });
  test('on a Medical Professional Review\'s title: its decision, the opening of its guideline paragraph, and its conclusion', () => {
    const review = docOf(readFileSync(path.join(repoRoot, 'test/fixtures/templates/professional-review.txt'), 'utf8'));
    const it = ls.getLetter(review)?.items[0];
    assert.ok(it);
    const t = hoverText(ls.getHover(review, it.title.range.start));
    assert.match(t, /^\*\*a home H-wave device for purchase for the lumbar spine\*\*: Upheld/);
    assert.match(t, /Reviewer's guideline: MTUS Chronic Pain Medical Treatment Guidelines, H-wave stimulation, pages 117-118/);
    assert.match(t, /Rationale concludes: The request for a home H-wave device for purchase is not medically necessary/);
    // Its outline: the item, with its guideline paragraph and rationale under their own labels.
    const symbols = ls.getDocumentSymbols(review);
    checkTree(symbols);
    const itemSymbol = symbols.find((s) => s.name.includes('H-wave'));
    assert.ok(itemSymbol, JSON.stringify(symbols.map((s) => s.name)));
    assert.ok((itemSymbol.children ?? []).length >= 2);
  });
  test('on a citation: the knowledge base summary, with folder statistics when given', () => {
    const c = item.maximusGuideline!.citations[0];
    assert.ok(c);
    const h = ls.getHover(doc, c.range.start);
    assert.deepEqual(h?.range, c.range);
    assert.ok(hoverText(h).length > 0);
    const letters: WorkspaceLetter[] = [
      workspaceLetterOf('file:///a.txt', parseLetter(seed)),
      workspaceLetterOf('file:///b.txt', parseLetter(readSample('malformed-conflict.txt'))),
    ];
    assert.match(hoverText(ls.getHover(doc, c.range.start, letters)), /Cited by 2 items here: 1 upheld, 1 overturned\.$/m);
    // Letters not read yet (PDFs read in the background) are left out, and the hover says how many.
    assert.match(hoverText(ls.getHover(doc, c.range.start, letters, 1)), /Cited by 2 items here: 1 upheld, 1 overturned \(1 PDF of the workspace not read yet\)\./);
    assert.match(hoverText(ls.getHover(doc, c.range.start, [], 12)), /No item read so far here was decided on it \(12 PDFs of the workspace not read yet\)\./);
    assert.doesNotMatch(hoverText(ls.getHover(doc, c.range.start, [], 0)), /not read yet|Cited by/);
  });

  test('folder statistics over the corpus count the items citing the same section', { skip: corpusSkip }, () => {
    const letters = corpusLetters().map((f) => workspaceLetterOf(`file:///c/${f}`, parseLetter(readCorpusLetter(f))));
    const text = readCorpusLetter('001_CM16-0219557.txt');
    const d = docOf(text);
    const c = ls.getLetter(d)?.items[0].maximusGuideline?.citations[0];
    assert.ok(c);
    const m = /Cited by (\d+) items here: (\d+) upheld, (\d+) overturned/.exec(hoverText(ls.getHover(d, c.range.start, letters)));
    assert.ok(m, 'the statistics line');
    assert.ok(Number(m[1]) >= 2 && Number(m[1]) <= letters.reduce((k, l) => k + l.letter.items.length, 0));
    assert.ok(Number(m[2]) + Number(m[3]) <= Number(m[1]));
  });
  test('nothing elsewhere', () => {
    assert.equal(ls.getHover(doc, { line: 0, character: 2 }), null);
  });
});

describe('references and highlights of a citation', () => {
  const ls = createLanguageService();
  // Seed 004: its MRI item's claims administrator and reviewer both cite ACOEM chapter 8's special studies (pages
  // 178 and 177-179); its traction item cites ODG's neck traction twice; its pain-management referral, two others.
  const text = readSeed('004_a9481a5a1cd48426.txt');
  const doc = docOf(text);
  const model = ls.getLetter(doc)!;
  const mri = model.items.find((i) => i.title.value.includes('MRI'))!;
  const mriReviewer = mri.maximusGuideline!.citations[0];
  const mriAdministrator = mri.claimsAdministratorGuideline!.citations[0];

  test('highlights: the same section\'s citations in the letter, the reviewer\'s as read, the administrator\'s as text', () => {
    const expected = [
      { range: mriAdministrator.range, kind: DocumentHighlightKind.Text },
      { range: mriReviewer.range, kind: DocumentHighlightKind.Read },
    ];
    assert.deepEqual(ls.getDocumentHighlights(doc, mriReviewer.range.start), expected);
    // From either end of either citation, and its middle.
    assert.deepEqual(ls.getDocumentHighlights(doc, mriAdministrator.range.end), expected);
    assert.match(textAt(text, mriReviewer.range), /^Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back\s+Complaints Page\(s\): 177-179/);
    // The referral's two citations cite different sections: each highlights itself alone.
    const referral = model.items.find((i) => i.title.value.startsWith('REFERRAL'))!;
    const own = referral.maximusGuideline!.citations[0];
    assert.deepEqual(ls.getDocumentHighlights(doc, own.range.start), [{ range: own.range, kind: DocumentHighlightKind.Read }]);
    // Off a citation: nothing (the editor falls back to its word highlights).
    assert.equal(ls.getDocumentHighlights(doc, mri.title.range.start), null);
    assert.equal(ls.getDocumentHighlights(doc, { line: 0, character: 0 }), null);
  });

  test('references: the letter\'s citations of the section, then the other letters\' items decided on it, at their titles', () => {
    // Another letter deciding on the same section (the seed with the MRI item renamed), one that does not, and
    // this letter's own file as the server reads it from disk (with its URI spelt otherwise): left out.
    const renamed = text.replace('UPDATED MRI(MAGNETIC RESONANCE IMAGE) OF THE CERVICAL SPINE', 'REPEAT MRI OF THE NECK');
    const letters: WorkspaceLetter[] = [
      workspaceLetterOf(doc.uri.replace('/mem/', '/%6Dem/'), parseLetter(text)),
      workspaceLetterOf('file:///ws/other.txt', parseLetter(renamed)),
      workspaceLetterOf('file:///ws/unrelated.txt', parseLetter(readSeed('000_2e67a60e31d1e457.txt'))),
    ];
    const refs = ls.getReferences(doc, mriReviewer.range.start, letters);
    assert.ok(refs);
    const otherMri = parseLetter(renamed).items.find((i) => i.title.value.startsWith('REPEAT MRI'))!;
    assert.deepEqual(refs, [
      { uri: doc.uri, range: mriAdministrator.range },
      { uri: doc.uri, range: mriReviewer.range },
      { uri: 'file:///ws/other.txt', range: itemTitleRange(otherMri) },
    ]);
    assert.equal(textAt(renamed, refs[2].range), 'REPEAT MRI OF THE NECK');
    // Without a workspace, the letter's own; off a citation, none.
    assert.deepEqual(ls.getReferences(doc, mriReviewer.range.start), refs.slice(0, 2));
    assert.equal(ls.getReferences(doc, { line: 0, character: 0 }, letters), null);
  });

  test('on an item\'s title: the same service whatever its quantity, dose, side or word order, and not another body part', () => {
    const letterOf = (uri: string, title: string, decision: string) => workspaceLetterOf(uri, parseLetter(`Case Number: CM16-00000${uri.length}\n${itemsLetter([[title, decision, 'The request is not medically necessary.']])}`));
    const norco = docOf(itemsLetter([['Norco 10/325mg #60', 'Upheld', 'The request is not medically necessary.'], ['MRI of the cervical spine', 'Upheld', 'Not medically necessary.']]));
    const letters = [
      letterOf('file:///ws/a.txt', 'Norco 5/325mg #30', 'Overturned'),
      letterOf('file:///ws/bb.txt', 'Retrospective: Norco 7.5-325mg #112', 'Upheld'),
      letterOf('file:///ws/ccc.txt', 'Cervical spine MRI without contrast', 'Upheld'),
      letterOf('file:///ws/dddd.txt', 'MRI (magnetic resonance imaging) of the right cervical spine', 'Overturned'),
      letterOf('file:///ws/eeeee.txt', 'MRI of the lumbar spine', 'Upheld'),
      letterOf('file:///ws/ffffff.txt', 'Percocet 10/325mg #60', 'Upheld'),
    ];
    const [n, m] = ls.getLetter(norco)!.items;
    assert.match(hoverText(ls.getHover(norco, n.title.range.start, letters)), /2 other items for this service here: 1 upheld, 1 overturned\./);
    assert.match(hoverText(ls.getHover(norco, m.title.range.start, letters)), /2 other items for this service here: 1 upheld, 1 overturned\./);
    assert.deepEqual(ls.getReferences(norco, m.title.range.start, letters)?.map((l) => l.uri), [norco.uri, 'file:///ws/ccc.txt', 'file:///ws/dddd.txt']);
  });

  test('on an item\'s title: references and the hover\'s figures are the items for the same service, whatever its case and spacing', () => {
    // A copy of the letter (its items are the letter's own: listed, not counted), another letter with the same
    // items (another case number), one with the MRI item's service in other case and spacing and decided otherwise,
    // and one with the MRI item renamed.
    const lower = text.replace('UPDATED MRI(MAGNETIC RESONANCE IMAGE) OF THE CERVICAL SPINE: \nUpheld', 'Updated MRI(magnetic resonance image) of the  cervical spine: \nOverturned');
    assert.notEqual(lower, text);
    const renamed = text.replace('UPDATED MRI(MAGNETIC RESONANCE IMAGE) OF THE CERVICAL SPINE', 'REPEAT MRI OF THE NECK');
    const another = `Case Number: CM16-0000009\n${text}`;
    const letters: WorkspaceLetter[] = [
      workspaceLetterOf(doc.uri, parseLetter(text)),
      workspaceLetterOf('file:///ws/copy.txt', parseLetter(text)),
      workspaceLetterOf('file:///ws/lower.txt', parseLetter(lower)),
      workspaceLetterOf('file:///ws/renamed.txt', parseLetter(renamed)),
      workspaceLetterOf('file:///ws/another.txt', parseLetter(another)),
    ];
    const at = { line: mri.title.range.start.line, character: 3 };
    const refs = ls.getReferences(doc, at, letters);
    const titleIn = (t: string) => itemTitleRange(parseLetter(t).items.find((i) => /mri\(magnetic/i.test(i.title.value))!);
    assert.deepEqual(refs, [
      { uri: doc.uri, range: mri.title.range },
      { uri: 'file:///ws/copy.txt', range: titleIn(text) },
      { uri: 'file:///ws/lower.txt', range: titleIn(lower) },
      { uri: 'file:///ws/another.txt', range: titleIn(another) },
    ]);
    assert.equal(textAt(lower, refs![2].range), 'Updated MRI(magnetic resonance image) of the  cervical spine');
    const hover = hoverText(ls.getHover(doc, at, letters));
    // And the grounds their rationales give most: both say there are no red flags.
    assert.match(hover, /2 other items for this service here: 1 upheld, 1 overturned; grounds most given: No red flags, neurological deficit or surgery in view \(2\)\./);
    assert.match(hoverText(ls.getHover(doc, at, letters.slice(0, 1))), /No other item for this service here\./);
    // The copy alone: the letter's own items, not others.
    assert.match(hoverText(ls.getHover(doc, at, letters.slice(0, 2))), /No other item for this service here\./);
    assert.match(hoverText(ls.getHover(doc, at, [], 3)), /No other item for this service here \(3 PDFs of the workspace not read yet\)\./);
    assert.doesNotMatch(hoverText(ls.getHover(doc, at)), /for this service/, 'without the workspace, no figures');
    // Without the workspace, the title alone; off titles and citations, none.
    assert.deepEqual(ls.getReferences(doc, at), [{ uri: doc.uri, range: mri.title.range }]);
    // The summary panel's context: each item's sections and precedents, the MRI's as the hover counts them.
    const context = ls.getItemContext(doc, letters);
    assert.deepEqual(context.map((c) => c.index), model.items.map((i) => i.index));
    assert.deepEqual(context.find((c) => c.index === mri.index)!.sameService, { others: 2, upheld: 1, overturned: 1, grounds: [['no-red-flags', 2]] });
    assert.deepEqual(context.find((c) => c.index === mri.index)!.sections, ['MTUS ACOEM: Neck: Special Studies (imaging and electrodiagnostics)']);
    assert.ok(ls.getItemContext(doc).every((c) => c.sameService === undefined), 'without the workspace, sections only');
  });

  test('corpus: every citation\'s references agree with its hover\'s "cited by" figure', { skip: corpusSkip }, () => {
    const files = corpusLetters();
    const letters = files.map((f) => workspaceLetterOf(`file:///c/${f}`, parseLetter(readCorpusLetter(f))));
    let checked = 0;
    for (const f of files.slice(0, 40)) {
      const t = readCorpusLetter(f);
      const d = TextDocument.create(`file:///c/${f}`, 'imr', 1, t);
      for (const item of ls.getLetter(d)!.items) {
        for (const c of item.maximusGuideline?.citations ?? []) {
          const refs = ls.getReferences(d, c.range.start, letters)!;
          const own = refs.filter((r) => r.uri === d.uri);
          const others = refs.filter((r) => r.uri !== d.uri);
          assert.ok(own.some((r) => JSON.stringify(r.range) === JSON.stringify(c.range)), `${f}: the citation itself`);
          // The hover counts the items of every letter given, this one's included, that cite the section.
          const m = /Cited by (\d+) items? here/.exec(hoverText(ls.getHover(d, c.range.start, letters)));
          const ownItems = letters.find((l) => l.uri === d.uri)!.letter.items.filter((i) => i.citedKeys.some((k) => citationKeys(c).includes(k))).length;
          assert.equal(others.length, Number(m?.[1] ?? 0) - ownItems, `${f}: ${c.text}`);
          for (const r of others) assert.ok(letters.find((l) => l.uri === r.uri)!.letter.items.some((i) => JSON.stringify(i.symbolRange) === JSON.stringify(r.range)));
          checked++;
        }
      }
    }
    assert.ok(checked > 40, `${checked} citations`);
  });
});

describe('quick fixes', () => {
  const ls = createLanguageService();

  function fixAndRelint(text: string, rule: string, chosen?: string): { fixed: string; action: CodeAction } {
    const doc = docOf(text);
    const before = ls.getDiagnostics(doc).filter((d) => d.code === rule);
    assert.equal(before.length, 1, `${rule} fires on the mutant`);
    const actions = ls.getCodeActions(doc, before[0].range);
    const action = chosen ? actions.find((a) => a.title.includes(chosen)) : actions.find((a) => a.isPreferred);
    assert.ok(action?.edit?.changes, `a fix for ${rule}: ${actions.map((a) => a.title).join(' | ')}`);
    const edits: TextEdit[] = action.edit.changes[doc.uri];
    const fixed = applyEdits(text, edits);
    const after = lintLetter(parseLetter(fixed), { text: fixed });
    assert.deepEqual(after.filter((d) => d.code === rule), [], `${rule} no longer fires`);
    assert.deepEqual(after.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => d.code), [], 'no error left');
    return { fixed, action };
  }

  test('unknown-decision: Uphled → Upheld, Overturnd → Overturned, upheld → Upheld', () => {
    assert.equal(fixAndRelint(readSample('malformed-unknown-decision.txt'), 'unknown-decision').fixed, seed);
    const over = replaceOnce(readSample('malformed-conflict.txt'), ':  Overturned', ':  Overturnd');
    // Overturned conflicts with this rationale; the fix restores the word, the conflict rule is another matter.
    const doc = docOf(over);
    const d = ls.getDiagnostics(doc).find((x) => x.code === 'unknown-decision');
    assert.ok(d);
    const [action] = ls.getCodeActions(doc, d.range);
    assert.equal(action.title, 'Change "Overturnd" to "Overturned"');
    assert.equal(fixAndRelint(replaceOnce(seed, ':  Upheld', ':  upheld'), 'unknown-decision').fixed, seed);
  });

  test('unknown-decision: a decision OCR misread (Uphe1d, UpheId, 0verturned) is changed in place, not given a second decision', () => {
    for (const misread of ['Uphe1d', 'UpheId']) {
      const { fixed, action } = fixAndRelint(replaceOnce(seed, ':  Upheld', `:  ${misread}`), 'unknown-decision');
      assert.equal(fixed, seed);
      assert.equal(action.title, `Change "${misread}" to "Upheld"`);
    }
    const over = replaceOnce(readSample('malformed-conflict.txt'), ':  Overturned', ':  0verturned');
    const doc = docOf(over);
    const d = ls.getDiagnostics(doc).find((x) => x.code === 'unknown-decision');
    assert.ok(d);
    assert.equal(textAt(over, d.range), '0verturned');
    const actions = ls.getCodeActions(doc, d.range);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [['Change "0verturned" to "Overturned"', true]],
    );
  });

  test('unknown-decision: another word offers both, the one agreeing with the rationale first', () => {
    const text = replaceOnce(seed, ':  Upheld', ':  Pending');
    const doc = docOf(text);
    const d = ls.getDiagnostics(doc).find((x) => x.code === 'unknown-decision');
    assert.ok(d);
    assert.deepEqual(
      ls.getCodeActions(doc, d.range).map((a) => a.title),
      ['Change "Pending" to "Upheld"', 'Change "Pending" to "Overturned"'],
    );
    assert.equal(fixAndRelint(text, 'unknown-decision', '"Upheld"').fixed, seed);
  });

  test('unknown-decision: a synonym the rationale contradicts ("Approved", not medically necessary) offers both, neither preferred', () => {
    const text = replaceOnce(seed, ':  Upheld', ':  Approved');
    const doc = docOf(text);
    const d = ls.getDiagnostics(doc).find((x) => x.code === 'unknown-decision');
    assert.ok(d);
    const actions = ls.getCodeActions(doc, d.range).filter((a) => a.diagnostics?.includes(d));
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
      ['Change "Approved" to "Upheld"', false],
      ['Change "Approved" to "Overturned"', false],
    ]);
    assert.equal(fixAndRelint(text, 'unknown-decision', '"Upheld"').fixed, seed);
  });

  test('unknown-decision: a title without a decision gets one', () => {
    const text = replaceOnce(seed, ':  Upheld', '');
    const { fixed } = fixAndRelint(text, 'unknown-decision', '"Upheld"');
    assert.equal(parseLetter(fixed).items[0].decision, 'Upheld');
  });

  test('unknown-decision: a title that ends with its colon gets the word after the colon', () => {
    for (const ending of [':', ' :', ':  ']) {
      const text = replaceOnce(seed, ':  Upheld', ending);
      const { fixed } = fixAndRelint(text, 'unknown-decision', '"Upheld"');
      const colon = ending.trimEnd();
      assert.equal(fixed, replaceOnce(seed, ':  Upheld', `${colon} Upheld${ending.slice(colon.length)}`), JSON.stringify(ending));
    }
  });

  test('decision-rationale-conflict: offers the decision the rationale concludes', () => {
    const { fixed, action } = fixAndRelint(readSample('malformed-conflict.txt'), 'decision-rationale-conflict', '"Upheld"');
    assert.equal(action.isPreferred, false, 'which half is wrong is the user\'s call');
    assert.equal(fixed, seed);
  });

  test('duplicate-item: removes the repeated item and nothing else', () => {
    const single = seed.replace(/\n\s*\n/g, '\n');
    const text = `${single.trimEnd()}\n${single.slice(single.indexOf(seedTitle))}`;
    const { fixed } = fixAndRelint(text, 'duplicate-item', 'Remove');
    assert.equal(fixed, `${single.trimEnd()}\n`, 'the letter as it was, final line break included');
  });

  test('missing-rationale: inserts the paragraph after the MAXIMUS guideline', () => {
    const { fixed } = fixAndRelint(readSample('malformed-missing-rationale.txt'), 'missing-rationale');
    const m = parseLetter(fixed);
    assert.ok(m.items[0].rationale && m.items[0].maximusGuideline);
    assert.ok(m.items[0].rationale.range.start.line > m.items[0].maximusGuideline.range.end.line);
    assert.match(m.items[0].rationale.text, /^\[/);
  });

  test('missing-rationale: fills an empty paragraph', () => {
    fixAndRelint(dropParagraph(seed, 'Decision rationale:', 0, true), 'missing-rationale');
  });

  /**
   * The missing-guideline fix inserts a placeholder to fill in: missing-guideline then reports that placeholder (and
   * offers no fix for it), and nothing else fires on it (uncited-decision in particular).
   */
  function fixGuideline(text: string): string {
    const doc = docOf(text);
    const [before, ...more] = ls.getDiagnostics(doc).filter((d) => d.code === 'missing-guideline');
    assert.deepEqual(more, []);
    const action = ls.getCodeActions(doc, before.range).find((a) => a.isPreferred);
    assert.ok(action?.edit?.changes);
    assert.match(action.title, /placeholder to fill in/);
    const fixed = applyEdits(text, action.edit.changes[doc.uri]);
    assert.ok(fixed.includes('MAXIMUS guideline: [To fill in: the guideline the expert reviewer based the decision on.]'));
    const fixedDoc = docOf(fixed);
    const codes = (ds: { code?: string | number }[]) => ds.map((d) => String(d.code)).sort();
    const all = ls.getDiagnostics(fixedDoc);
    assert.deepEqual(codes(all), codes(ls.getDiagnostics(doc)), 'only the placeholder to fill in, where the paragraph was missing: no uncited-decision');
    const after = all.filter((d) => d.code === 'missing-guideline');
    assert.match(after[0].message as string, /holds only a placeholder: replace it with the guideline the decision is based on/);
    assert.equal(textAt(fixed, after[0].range), '[To fill in: the guideline the expert reviewer based the decision on.]');
    assert.deepEqual(ls.getCodeActions(fixedDoc, after[0].range), [], 'no fix writes the guideline');
    return fixed;
  }

  test('missing-guideline: inserts the paragraph, with a placeholder to fill in, between the two others', () => {
    const fixed = fixGuideline(readSample('malformed-missing-guideline.txt'));
    const it = parseLetter(fixed).items[0];
    assert.ok(it.claimsAdministratorGuideline && it.maximusGuideline && it.rationale);
    assert.ok(it.claimsAdministratorGuideline.range.end.line < it.maximusGuideline.range.start.line);
    assert.ok(it.maximusGuideline.range.end.line < it.rationale.range.start.line);
    fixGuideline(dropParagraph(seed, 'MAXIMUS guideline:', 0, true));
    // Once written, nothing is left.
    const written = fixed.replace('[To fill in: the guideline the expert reviewer based the decision on.]', 'Decision based on MTUS Low Back Complaints 2004, Section(s): Summary.');
    assert.deepEqual(lintLetter(parseLetter(written), { text: written }), []);
  });

  test('missing-claims-administrator-guideline: inserts it after the title', () => {
    const { fixed } = fixAndRelint(dropParagraph(seed, 'Claims Administrator guideline:'), 'missing-claims-administrator-guideline');
    assert.deepEqual(lintLetter(parseLetter(fixed)).map((d) => d.code), []);
  });

  test('fixes keep CRLF line ends', () => {
    const crlf = readSample('malformed-missing-rationale.txt').replace(/\n/g, '\r\n');
    const { fixed } = fixAndRelint(crlf, 'missing-rationale');
    assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF');
  });

  test('on a corpus letter (single-spaced, several items)', { skip: corpusSkip }, () => {
    const text = readCorpusLetter('065_CM16-0248698.txt');
    fixAndRelint(dropParagraph(text, 'Decision rationale:', 3), 'missing-rationale');
    fixGuideline(dropParagraph(text, 'MAXIMUS guideline:', 5));
  });
});

describe('completion', () => {
  const ls = createLanguageService();
  test('citation forms after "MAXIMUS guideline:"', () => {
    const text = replaceOnce(readSample('malformed-missing-guideline.txt'), /^Decision rationale:/m, 'MAXIMUS guideline: \n\nDecision rationale:');
    const doc = docOf(text);
    const line = text.split('\n').findIndex((l) => l.startsWith('MAXIMUS guideline: '));
    const items = ls.getCompletions(doc, { line, character: 'MAXIMUS guideline: '.length });
    assert.ok(items.length > 20, 'the knowledge base\'s citation forms');
    const form = items.find((i) => /Low Back/.test(i.label));
    assert.ok(form?.textEdit);
    const fixed = applyEdits(text, [form.textEdit as TextEdit]);
    const cited = parseLetter(fixed).items[0].maximusGuideline;
    assert.equal(cited?.citations.length, 1, 'the inserted form parses as a citation');
    assert.deepEqual(lintLetter(parseLetter(fixed), { text: fixed }).map((d) => d.code), []);
  });
  test('a partly typed citation is replaced, not duplicated', () => {
    const text = replaceOnce(readSample('malformed-missing-guideline.txt'), /^Decision rationale:/m, 'MAXIMUS guideline: Decision based on MTUS Chr\n\nDecision rationale:');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('MAXIMUS guideline: '));
    const items = createLanguageService().getCompletions(docOf(text), { line, character: lines[line].length });
    const edit = items[0].textEdit as TextEdit;
    assert.equal(edit.range.start.character, 'MAXIMUS guideline: '.length);
    assert.ok(!applyEdits(text, [edit]).includes('MTUS ChrDecision'));
  });
  test('a position past the end of the line is taken as its end (LSP): the edit stays on the line', () => {
    const text = replaceOnce(readSample('malformed-missing-guideline.txt'), /^Decision rationale:/m, 'MAXIMUS guideline: Decision based on MTUS Chr\n\nDecision rationale:');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('MAXIMUS guideline: '));
    const atEnd = ls.getCompletions(docOf(text), { line, character: lines[line].length });
    const past = ls.getCompletions(docOf(text), { line, character: lines[line].length + 40 });
    assert.ok(past.length > 0);
    assert.deepEqual(past.map((i) => i.textEdit), atEnd.map((i) => i.textEdit));
  });
  test('no citation completion in the middle of a sentence of a guideline paragraph', () => {
    const lines = seed.split('\n');
    const line = lines.findIndex((l) => l.startsWith('based on Non-MTUS Citation'));
    assert.ok(line > 0);
    assert.deepEqual(ls.getCompletions(docOf(seed), { line, character: 20 }), []);
  });
  test('decision words after an item title\'s colon', () => {
    const text = replaceOnce(seed, ':  Upheld', ':  Up');
    const doc = docOf(text);
    const line = text.split('\n').findIndex((l) => l.startsWith(seedTitle));
    const items = ls.getCompletions(doc, { line, character: text.split('\n')[line].trimEnd().length });
    assert.deepEqual(items.map((i) => i.label), ['Upheld', 'Overturned']);
    const edit = items[0].textEdit as TextEdit;
    assert.equal(applyEdits(text, [edit]), seed);
  });
  test('a citation inserted right after the colon, or before text, gets its spaces', () => {
    const text = replaceOnce(readSample('malformed-missing-guideline.txt'), /^Decision rationale:/m, 'MAXIMUS guideline:\n\nDecision rationale:');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('MAXIMUS guideline:'));
    const glued = ls.getCompletions(docOf(text), { line, character: 'MAXIMUS guideline:'.length });
    const fixed = applyEdits(text, [glued.find((i) => /Low Back/.test(i.label))!.textEdit as TextEdit]);
    assert.match(fixed, /\nMAXIMUS guideline: Decision based on /);
    assert.equal(parseLetter(fixed).items[0].maximusGuideline?.citations.length, 1);
    // Before a citation already there: one space between the two.
    const before = replaceOnce(text, 'MAXIMUS guideline:\n', 'MAXIMUS guideline: Decision based on Non-MTUS Citation ODG Low Back, MRI.\n');
    const items = ls.getCompletions(docOf(before), { line, character: 'MAXIMUS guideline: '.length });
    const inserted = applyEdits(before, [items.find((i) => /Low Back/.test(i.label))!.textEdit as TextEdit]);
    assert.match(inserted, /\. Decision based on Non-MTUS Citation ODG Low Back, MRI\.\n/);
    assert.equal(parseLetter(inserted).items[0].maximusGuideline?.citations.length, 2);
  });
  test('decision words replace the whole word under the cursor, and are not offered after a colon inside a paragraph', () => {
    const text = replaceOnce(seed, ':  Upheld', ':  Uphled');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith(seedTitle));
    const items = ls.getCompletions(docOf(text), { line, character: lines[line].indexOf('Uphled') + 3 });
    assert.equal(applyEdits(text, [items[0].textEdit as TextEdit]), seed);
    const colon = replaceOnce(seed, /^Decision rationale: /m, 'Decision rationale: The criteria are as follows: ');
    const at = colon.split('\n').findIndex((l) => l.includes('as follows: '));
    assert.deepEqual(ls.getCompletions(docOf(colon), { line: at, character: colon.split('\n')[at].indexOf('as follows: ') + 'as follows: '.length }), []);
  });
  test('nothing in the case summary', () => {
    const lines = seed.split('\n');
    const line = lines.findIndex((l) => l.startsWith('case file, including all medical records:'));
    assert.deepEqual(ls.getCompletions(docOf(seed), { line, character: lines[line].trimEnd().length }), []);
  });
});

describe('the service', () => {
  test('parses once per version, reparses a new version, forgets closed documents', () => {
    const ls = createLanguageService();
    const d1 = docOf(seed);
    const a = ls.getLetterDocument(d1);
    assert.equal(ls.getLetterDocument(d1), a, 'same version: the cached parse');
    ls.getDocumentSymbols(d1);
    ls.getDiagnostics(d1);
    assert.equal(ls.getLetterDocument(d1), a);
    const d2 = TextDocument.update(d1, [{ text: 'x' }], 2);
    assert.notEqual(ls.getLetterDocument(d2), a);
    assert.equal(ls.cachedCount, 1);
    ls.forget(d1.uri);
    assert.equal(ls.cachedCount, 0);
  });

  test('a document closed and opened again at the same version with other text is parsed again', () => {
    const ls = createLanguageService();
    const first = docOf(seed);
    const again = TextDocument.create(first.uri, 'imr', first.version, readSample('malformed-conflict.txt'));
    const a = ls.getLetterDocument(first);
    const b = ls.getLetterDocument(again);
    assert.notEqual(b, a);
    assert.equal(b.text, again.getText());
    assert.deepEqual(ls.getDiagnostics(again).map((d) => d.code), ['decision-rationale-conflict']);
    assert.equal(ls.cachedCount, 1);
  });

  test('selection ranges: one answer per position, a position outside the document taken to its nearest place', () => {
    const ls = createLanguageService();
    const doc = docOf(seed);
    const odd = [{ line: 100000, character: 0 }, { line: -1, character: 5 }, { line: 1.5, character: Number.NaN }, { line: 0, character: 1e9 }];
    const answers = ls.getSelectionRanges(doc, [{ line: 0, character: 2 }, ...odd]);
    assert.equal(answers.length, 5);
    const end = doc.positionAt(doc.getText().length);
    assert.ok(rangeContains(answers[1].range, { start: end, end }), 'past the end: at the end');
  });

  test('an outline of a hundred thousand items (no issues heading) does not overflow the stack', () => {
    const ls = createLanguageService({ maxDocumentSize: 10 * 1024 * 1024 });
    const count = 150_000;
    const symbols = ls.getDocumentSymbols(docOf('Decision rationale: x\n'.repeat(count)));
    assert.equal(symbols.length, count);
  });

  test('lint results are reused per version, and follow a change of configuration', () => {
    const ls = createLanguageService();
    const doc = docOf(readSample('malformed-unknown-decision.txt'));
    const first = ls.getDiagnostics(doc);
    assert.equal(first[0].severity, DiagnosticSeverity.Error);
    first.length = 0;
    assert.equal(ls.getDiagnostics(doc).length, 1, 'callers get their own array');
    assert.equal(ls.getDiagnostics(doc, { rules: { 'unknown-decision': 'hint' } })[0].severity, DiagnosticSeverity.Hint);
    assert.deepEqual(ls.getDiagnostics(doc, { rules: { 'unknown-decision': 'off' } }), []);
    assert.equal(ls.getCodeActions(doc, ls.getDiagnostics(doc)[0].range, { rules: { 'unknown-decision': 'off' } }).length, 0);
    assert.ok(ls.getCodeActions(doc, ls.getDiagnostics(doc)[0].range).length > 0);
  });

  test('a document over the size limit: one information diagnostic, empty features', () => {
    const ls = createLanguageService({ maxDocumentSize: 1000 });
    const doc = docOf(seed);
    const ds = ls.getDiagnostics(doc);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, DiagnosticSeverity.Information);
    assert.deepEqual(ls.getDocumentSymbols(doc), []);
    assert.equal(ls.getLetter(doc), null);
    assert.deepEqual(ls.getCompletions(doc, { line: 0, character: 0 }), []);
  });

  test('a document of more lines than a letter can have (LF, CRLF, lone CR): refused as too large, whatever its size', () => {
    const ls = createLanguageService();
    for (const eol of ['\n', '\r\n', '\r']) {
      const many = docOf(`${seed}${eol.repeat(200_000)}`);
      const ds = ls.getDiagnostics(many);
      assert.deepEqual(ds.map((d) => d.code), ['document-too-large'], JSON.stringify(eol));
      assert.deepEqual(ls.getDocumentSymbols(many), []);
    }
    // A long letter is still a letter.
    assert.ok(ls.getDocumentSymbols(docOf(`${seed}${'\n'.repeat(100_000)}`)).length > 0);
  });

  test('random edits never make a feature throw', () => {
    const ls = createLanguageService();
    const base = readSample('malformed-unknown-decision.txt');
    const edit = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 200 }),
      text: fc.oneof(fc.string(), fc.constantFrom('\r\n', '\n', ':  Upheld', 'Decision rationale:', '\u0000', '\ud800')),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 15 }), (edits) => {
        let doc = docOf(base);
        for (const [i, e] of edits.entries()) {
          const len = doc.getText().length;
          const start = doc.positionAt(e.at % (len + 1));
          const end = doc.positionAt(Math.min(len, (e.at % (len + 1)) + e.del));
          doc = TextDocument.update(doc, [{ range: { start, end }, text: e.text }], i + 2);
          const pos = doc.positionAt(e.at % (doc.getText().length + 1));
          ls.getDiagnostics(doc);
          ls.getDocumentSymbols(doc);
          ls.getFoldingRanges(doc);
          ls.getSelectionRanges(doc, [pos]);
          ls.getHover(doc, pos);
          ls.getCompletions(doc, pos);
          ls.getCodeActions(doc, { start: pos, end: pos });
          ls.getDocumentLinks(doc);
        }
      }),
      { numRuns: 60 },
    );
  });
});
