// Every feature of the server, asked at random places of damaged letters: it answers (never an error), and every
// range it gives lies inside the document, on whole UTF-16 code points, with children inside their parents.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  Position,
  Range,
  SelectionRange,
  TextEdit,
} from 'vscode-languageserver-types';
import { corpusLetters, distDir, repoRoot, skipUnless } from '../support/env';
import { LspClient } from '../support/lspClient';
import { modelContent } from '../support/reading';
import { tidyLetter } from '../../core/features/formatting';
import type { ItemContext } from '../../core/features/itemContext';
import { parseLetter } from '../../core/parser/parseLetter';
import { groundKinds } from '../../core/summary/grounds';
import { applyEdits, readCorpusLetter, readSample, readSeed, seedFiles } from './mutants';

const serverSkip = skipUnless(existsSync(path.join(distDir, 'server.js')), 'dist/server.js is not built (npm run build)');

// The seeds and samples always; every tenth corpus letter too, when the corpus is there.
const bases = [
  ...seedFiles.map((f) => readSeed(f)),
  ...corpusLetters()
    .filter((_, k) => k % 10 === 0)
    .map((f) => readCorpusLetter(f)),
  ...readdirSync(path.join(repoRoot, 'samples'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readSample(f)),
];

/** Damage that PDF extraction and editing do to letters, applied line by line. */
type Damage = (lines: string[], at: number) => string[];
const insertedText: fc.Arbitrary<Damage> = fc
  .array(fc.oneof(fc.constantFrom(':', ' ', 'Upheld', 'Decision based on ', '\u0000', '\ud83d', '\ude00'), fc.string({ unit: 'binary', maxLength: 3 })), {
    maxLength: 6,
  })
  .map((pieces) => pieces.join(''))
  .map((inserted) => (l, at) => l.map((s, k) => (k === at ? s.slice(0, s.length >> 1) + inserted + s.slice(s.length >> 1) : s)));
const fixedDamage = fc.constantFrom<Damage>(
  (l, at) => l.filter((_, k) => k !== at), // a line lost
  (l, at) => [...l.slice(0, at + 1), l[at] ?? '', ...l.slice(at + 1)], // a line repeated
  (l, at) => [...l.slice(0, at), '', ...l.slice(at)], // a stray blank line
  (l, at) => l.map((s, k) => (k === at ? s.slice(0, s.length >> 1) : s)), // a line cut short
  (l, at) => l.map((s, k) => (k === at ? `😀\u00a0${s}\t𝐀` : s)), // astral characters, a no-break space, a tab
  (l, at) => l.map((s, k) => (k === at ? s.toUpperCase() : s)),
  (l, at) => [...l.slice(0, at), '\f', ...l.slice(at)], // a page break
);
const lineDamage = fc.oneof(fixedDamage, insertedText);

const damagedLetter = fc
  .record({
    base: fc.constantFrom(...bases),
    damage: fc.array(fc.tuple(lineDamage, fc.nat()), { maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
  })
  .map(({ base, damage, eol }) => {
    let lines = base.split(/\r?\n/);
    for (const [f, at] of damage) lines = f(lines, at % Math.max(1, lines.length));
    return lines.join(eol);
  });

/** A position anywhere, also past a line's end, past the last line, and between the halves of a surrogate pair. */
const anyPosition = fc.record({ line: fc.nat({ max: 400 }), character: fc.nat({ max: 200 }) });

function lineTexts(doc: TextDocument): string[] {
  return doc.getText().split(/\r\n|\r|\n/);
}

function assertPosition(lines: string[], p: Position, what: string): void {
  assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} of ${lines.length}`);
  const text = lines[p.line];
  assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= text.length, `${what}: character ${p.character} of ${text.length}`);
  const low = text.charCodeAt(p.character);
  const high = text.charCodeAt(p.character - 1);
  assert.ok(!(low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff), `${what}: inside a surrogate pair`);
}

function before_(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function assertRange(lines: string[], r: Range, what: string): void {
  assertPosition(lines, r.start, `${what} start`);
  assertPosition(lines, r.end, `${what} end`);
  assert.ok(before_(r.start, r.end), `${what}: starts after it ends`);
}

function contains(outer: Range, inner: Range): boolean {
  return before_(outer.start, inner.start) && before_(inner.end, outer.end);
}

function checkSymbols(lines: string[], symbols: DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assertRange(lines, s.range, `symbol ${s.name}`);
    assertRange(lines, s.selectionRange, `symbol ${s.name} selection`);
    assert.ok(contains(s.range, s.selectionRange), `symbol ${s.name}: selection outside its range`);
    if (parent) assert.ok(contains(parent.range, s.range), `symbol ${s.name} outside ${parent.name}`);
    checkSymbols(lines, s.children ?? [], s);
  }
}

describe('every feature at random places of damaged letters', { skip: serverSkip }, () => {
  let client: LspClient;
  before(async () => {
    client = (await LspClient.start({ settings: { rules: {} } })).client;
  });
  after(async () => client.stop());

  let n = 0;
  test('answers without an error, with ranges inside the document', async () => {
    await fc.assert(
      fc.asyncProperty(damagedLetter, fc.array(anyPosition, { minLength: 1, maxLength: 6 }), async (text, positions) => {
        const uri = `file:///virtual/fuzz-${n++}.txt`;
        const doc = TextDocument.create(uri, 'imr', 1, text);
        const lines = lineTexts(doc);
        const diagnostics: Diagnostic[] = await client.open(uri, text);
        const td = { textDocument: { uri } };
        try {
          for (const d of diagnostics) assertRange(lines, d.range, `diagnostic ${d.code}`);
          checkSymbols(lines, await client.request<DocumentSymbol[]>('textDocument/documentSymbol', td));
          for (const f of await client.request<FoldingRange[]>('textDocument/foldingRange', td)) {
            assert.ok(f.startLine <= f.endLine && f.endLine < lines.length, `fold ${f.startLine}-${f.endLine} of ${lines.length}`);
          }
          for (const l of await client.request<DocumentLink[]>('textDocument/documentLink', td)) assertRange(lines, l.range, `link ${l.target}`);
          const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
          for (const h of await client.request<InlayHint[]>('textDocument/inlayHint', { ...td, range: whole })) {
            assertRange(lines, { start: h.position, end: h.position }, `inlay hint ${String(h.label)}`);
          }
          // Semantic tokens: five numbers each, in order, apart, and each on one line of the letter.
          const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', td);
          assert.equal(data.length % 5, 0, 'semantic tokens: five numbers a token');
          for (let i = 0, line = 0, character = 0, end = 0; i < data.length; i += 5) {
            if (data[i] > 0) end = 0;
            line += data[i];
            character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
            assert.ok(character >= end && data[i + 2] > 0, 'semantic tokens apart and not empty');
            end = character + data[i + 2];
            assertRange(lines, { start: { line, character }, end: { line, character: end } }, 'semantic token');
          }
          for (const d of diagnostics) for (const r of d.relatedInformation ?? []) assertRange(lines, r.location.range, `related place of ${d.code}`);
          const chains = await client.request<SelectionRange[]>('textDocument/selectionRange', { ...td, positions });
          assert.equal(chains.length, positions.length, 'one selection chain per position');
          for (const chain of chains) {
            for (let s: SelectionRange | undefined = chain; s; s = s.parent) {
              assertRange(lines, s.range, 'selection range');
              if (s.parent) assert.ok(contains(s.parent.range, s.range), 'a selection range outside its parent');
            }
          }
          for (const position of positions) {
            const hover = await client.request<Hover | null>('textDocument/hover', { ...td, position });
            if (hover?.range) assertRange(lines, hover.range, 'hover');
            // No workspace here: every reference is in this letter.
            const refs = await client.request<Location[] | null>('textDocument/references', { ...td, position, context: { includeDeclaration: true } });
            for (const r of refs ?? []) {
              assert.equal(r.uri, uri, 'a reference outside the letter');
              assertRange(lines, r.range, 'reference');
            }
            for (const h of (await client.request<DocumentHighlight[] | null>('textDocument/documentHighlight', { ...td, position })) ?? []) assertRange(lines, h.range, 'highlight');
            for (const l of (await client.request<LocationLink[] | null>('textDocument/definition', { ...td, position })) ?? []) {
              assert.equal(l.targetUri, uri, 'a definition outside the letter');
              for (const r of [l.originSelectionRange!, l.targetRange, l.targetSelectionRange]) assertRange(lines, r, 'definition');
              assert.ok(contains(l.targetRange, l.targetSelectionRange), 'a definition whose selection lies outside its range');
            }
            const items = await client.request<CompletionItem[] | { items: CompletionItem[] } | null>('textDocument/completion', { ...td, position });
            for (const item of Array.isArray(items) ? items : (items?.items ?? [])) {
              const edit = item.textEdit;
              if (edit && 'range' in edit) assertRange(lines, edit.range, `completion ${item.label}`);
            }
          }
          // Each rationale's label: its hover (the grounds read, or none), and the panel's context of every item.
          for (const item of parseLetter(text).items) {
            if (!item.rationale) continue;
            const hover = await client.request<Hover | null>('textDocument/hover', { ...td, position: item.rationale.labelRange.start });
            assert.ok(hover?.range, 'a hover on every "Decision rationale:" label');
            assertRange(lines, hover.range, 'rationale label hover');
          }
          const context = await client.request<{ items: ItemContext[] } | null>('imr/itemContext', { uri });
          for (const c of context?.items ?? []) {
            for (const g of c.grounds) assert.ok(groundKinds.includes(g.kind) && g.line >= 0 && g.line < lines.length, `ground ${g.kind} at line ${g.line}`);
          }
          // Quick fixes for each diagnostic, and for a random range: their edits apply, and land inside the text.
          const end = positions.length > 1 ? positions[1] : positions[0];
          const ranges = [...diagnostics.map((d) => d.range), { start: positions[0], end }];
          for (const range of ranges) {
            const actions = await client.request<CodeAction[]>('textDocument/codeAction', { ...td, range, context: { diagnostics } });
            for (const a of actions) {
              const edits = a.edit?.changes?.[uri] ?? [];
              for (const e of edits) assertRange(lines, e.range, `edit of "${a.title}"`);
              if (edits.length > 0) applyEdits(text, edits);
            }
          }
          // Format Document: edits inside the text that make it tidy and leave the letter as the parser reads it.
          const formatting = await client.request<TextEdit[]>('textDocument/formatting', { ...td, options: { tabSize: 4, insertSpaces: true } });
          for (const e of formatting) assertRange(lines, e.range, 'formatting edit');
          if (formatting.length > 0) {
            const tidied = applyEdits(text, formatting);
            assert.equal(tidied, tidyLetter(text), 'the edits make the tidied text');
            assert.deepEqual(modelContent(tidied), modelContent(text), 'the tidied letter reads as the letter');
          }
        } finally {
          await client.close(uri);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
    assert.ok(client.isRunning, 'the server is still running');
    assert.deepEqual(
      client.logs.filter((l) => /uncaught|unhandled|TypeError|RangeError/i.test(l)),
      [],
      'nothing went wrong in the server log',
    );
  });
});
