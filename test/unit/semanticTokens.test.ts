// Semantic tokens: every line of each item's title, its decision word, the conclusion's words and the grounds'
// sentences, at exact UTF-16 columns, sorted and never overlapping; the legend package.json declares and maps.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  encodeSemanticTokens,
  getSemanticTokens,
  semanticTokenModifiers,
  semanticTokensLegend,
  semanticTokenTypes,
  type SemanticToken,
} from '../../core/features/semanticTokens';
import { createLanguageService } from '../../core/languageService';
import { corpusLetters, corpusSkip, repoRoot } from '../support/env';
import { readCorpusLetter, readSeed } from '../lsp/mutants';
import { itemsLetter } from '../support/itemsLetter';

const service = createLanguageService();
let n = 0;
function tokensOf(text: string, lines?: { start: number; end: number }): SemanticToken[] {
  const doc = service.getLetterDocument({ uri: `file:///mem/st${n++}.txt`, version: 1, getText: () => text });
  return getSemanticTokens(doc, lines);
}

/** Each token as [line, its text, type, modifiers]. */
function described(text: string, tokens: SemanticToken[]): [number, string, string, string][] {
  const lines = text.split(/\r\n|\n/);
  return tokens.map((t) => [t.line, lines[t.line].slice(t.character, t.character + t.length), t.type, t.modifiers.join(',')]);
}

/** What every token list must be: sorted, apart, each on one line of the text and trimmed. */
function assertWellFormed(text: string, tokens: SemanticToken[], where: string): void {
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    assert.ok(t.length > 0, `${where}: token ${i} is not empty`);
    assert.ok(t.line < lines.length && t.character + t.length <= lines[t.line].length, `${where}: token ${i} lies on its line`);
    const word = lines[t.line].slice(t.character, t.character + t.length);
    assert.equal(word, word.trim(), `${where}: token ${i} has no white space at either end`);
    assert.match(word, /[\p{L}\p{N}]/u, `${where}: token ${i} holds a word`);
    const prev = tokens[i - 1];
    if (prev) assert.ok(prev.line < t.line || prev.character + prev.length <= t.character, `${where}: token ${i} after the one before`);
  }
}

describe('semantic tokens', () => {
  const seed004 = readSeed('004_a9481a5a1cd48426.txt');

  test('a title wrapped over two lines gets a token on each, the decision word its own', () => {
    const tokens = described(seed004, tokensOf(seed004));
    const referral = tokens.findIndex(([, text]) => text === 'REFERRAL TO PAIN MANAGEMENT TO DISCUSS ABOUT A CERVICAL');
    assert.ok(referral >= 0, 'the first line of the wrapped title');
    assert.deepEqual(tokens.slice(referral, referral + 3), [
      [tokens[referral][0], 'REFERRAL TO PAIN MANAGEMENT TO DISCUSS ABOUT A CERVICAL', 'imrItemTitle', ''],
      [tokens[referral][0] + 2, 'EPIDURAL STEROID INJECTION', 'imrItemTitle', ''],
      [tokens[referral][0] + 2, 'Upheld', 'imrDecision', 'upheld'],
    ]);
  });

  test("seed 004: its four items' titles, decisions, conclusions and grounds, in order", () => {
    assert.deepEqual(
      described(seed004, tokensOf(seed004)).map(([, text, type, mods]) => `${type}${mods ? `.${mods}` : ''} ${text}`),
      [
        'imrItemTitle 20 SESSIONS OF CERVICAL DECOMPRESSION THERAPY',
        'imrDecision.upheld Upheld',
        'imrGround.upheld The injured worker reported no radicular pain, no decreased sensory or muscular',
        'imrGround.upheld strength.',
        'imrGround.upheld There is no indication of radicular symptoms.',
        'imrConclusion.upheld not medically necessary',
        'imrItemTitle 8 SESSIONS OF MASSAGE THERAPY',
        'imrDecision.upheld Upheld',
        'imrGround.upheld Also, the requested number of sessions exceeds guideline recommendations.',
        'imrConclusion.upheld not medically necessary',
        'imrItemTitle UPDATED MRI(MAGNETIC RESONANCE IMAGE) OF THE CERVICAL SPINE',
        'imrDecision.upheld Upheld',
        'imrGround.upheld The evaluation did not note the injured worker to have any red flags that would',
        'imrGround.upheld indicate an MRI according to the criteria set forth by the guidelines.',
        'imrConclusion.upheld not medically necessary',
        'imrItemTitle REFERRAL TO PAIN MANAGEMENT TO DISCUSS ABOUT A CERVICAL',
        'imrItemTitle EPIDURAL STEROID INJECTION',
        'imrDecision.upheld Upheld',
        'imrConclusion.upheld not medically necessary',
      ],
    );
  });

  test('an overturned item: its decision, conclusion and grounds for the request are marked overturned', () => {
    const letter = readSeed('003_600b92038191239e.txt');
    const tokens = described(letter, tokensOf(letter));
    const myofascial = tokens.findIndex(([, text]) => text === 'Myofascial Release');
    assert.deepEqual(
      tokens.slice(myofascial).map(([, text, type, mods]) => [text, type, mods]),
      [
        ['Myofascial Release', 'imrItemTitle', ''],
        ['Overturned', 'imrDecision', 'overturned'],
        // "is medically / necessary" wraps: a token on each line.
        ['medically', 'imrConclusion', 'overturned'],
        ['necessary', 'imrConclusion', 'overturned'],
      ],
    );
  });

  test('where a conclusion stands inside a ground\'s sentence, the ground keeps the words on either side', () => {
    const letter = readSeed('003_600b92038191239e.txt');
    const tokens = described(letter, tokensOf(letter));
    const at = tokens.findIndex(([, text]) => text === 'not recommended, the request is');
    assert.ok(at > 0, 'the part of the sentence before the conclusion');
    assert.deepEqual(tokens[at - 1].slice(1), ['As mechanical traction is', 'imrGround', 'upheld']);
    assert.deepEqual(tokens[at + 1].slice(1), ['not medically necessary', 'imrConclusion', 'upheld']);
    // The sentence's last character, ".", is left without a token of its own.
    assert.notEqual(tokens[at + 2][1], '.');
  });

  test('a ground\'s italics leave out a concession set aside and the closing words after the conclusion', () => {
    const letter = itemsLetter([
      ['Ondansetron 8mg #20', 'Upheld', 'While the request for Zofran is reasonable, the request failed to provide quantity. The request is not medically necessary.'],
      [
        'EMG of the left upper extremity',
        'Upheld',
        'While the MTUS Guideline in ACOEM Chapter 11, page 261 notes that electromyography "may be helpful", here, however, the provider failed to furnish a rationale. Therefore, the request is not medically necessary.',
      ],
      [
        'Hip MRI',
        'Upheld',
        'Given lack of physical exam findings, lack of red flags and cited guidelines the MRI is not supported by the provided records as being medically necessary at this time.',
      ],
      ['Lumbar MRI', 'Upheld', 'The MRI is not medically necessary because there are no red flags documented.'],
    ]);
    const grounds = described(letter, tokensOf(letter)).filter(([, , type]) => type === 'imrGround').map(([, text]) => text);
    assert.deepEqual(grounds, [
      'the request failed to provide quantity.',
      'here, however, the provider failed to furnish a rationale.',
      'Given lack of physical exam findings, lack of red flags and cited guidelines the MRI is',
      // A reason after the conclusion is a ground's words still.
      'The MRI is',
      'because there are no red flags documented.',
    ]);
  });

  test('CRLF, and astral characters before an item, give the same words at UTF-16 columns', () => {
    const plain = described(seed004, tokensOf(seed004)).map(([, text, type]) => `${type} ${text}`);
    const crlf = seed004.replace(/\n/g, '\r\n');
    const crlfTokens = tokensOf(crlf);
    assertWellFormed(crlf, crlfTokens, 'CRLF');
    assert.deepEqual(described(crlf, crlfTokens).map(([, text, type]) => `${type} ${text}`), plain);

    const astral = seed004.replace('REFERRAL TO PAIN', '😀𝄞 REFERRAL TO PAIN').replace(/\n/g, '\r\n');
    const astralTokens = tokensOf(astral);
    assertWellFormed(astral, astralTokens, 'astral');
    const title = astralTokens.find((t) => t.type === 'imrItemTitle' && astral.split('\r\n')[t.line].includes('REFERRAL'));
    assert.ok(title);
    // Two astral characters and a space: five UTF-16 code units before the title's words, which the title now starts with.
    assert.equal(title.character, 0);
    assert.equal(astral.split('\r\n')[title.line].slice(0, title.length), '😀𝄞 REFERRAL TO PAIN MANAGEMENT TO DISCUSS ABOUT A CERVICAL');
    const decision = astralTokens[astralTokens.indexOf(title) + 2];
    assert.deepEqual([decision.type, astral.split('\r\n')[decision.line].slice(decision.character, decision.character + decision.length)], ['imrDecision', 'Upheld']);
  });

  test('a range request gives the tokens of its lines, as the whole document has them', () => {
    const all = tokensOf(seed004);
    const lines = { start: 110, end: 170 };
    const some = tokensOf(seed004, lines);
    assert.ok(some.length > 0 && some.length < all.length);
    assert.deepEqual(
      some,
      all.filter((t) => t.line >= lines.start && t.line <= lines.end),
    );
  });

  test('the language service answers a range as the protocol means it: its end line is left out when it ends at column 0', () => {
    const doc = { uri: 'file:///mem/range.txt', version: 1, getText: () => seed004 };
    const all = tokensOf(seed004);
    const titleLine = all[0].line;
    const upTo = (line: number, character: number) =>
      service.getSemanticTokens(doc, { start: { line: 0, character: 0 }, end: { line, character } }).data;
    assert.deepEqual(upTo(titleLine, 0), []);
    assert.deepEqual(upTo(titleLine, 1), encodeSemanticTokens(all.filter((t) => t.line === titleLine)));
  });

  test('the encoding: five numbers a token, relative to the one before', () => {
    const tokens: SemanticToken[] = [
      { line: 2, character: 4, length: 6, type: 'imrItemTitle', modifiers: [] },
      { line: 2, character: 12, length: 6, type: 'imrDecision', modifiers: ['upheld'] },
      { line: 5, character: 3, length: 9, type: 'imrGround', modifiers: ['overturned'] },
      { line: 5, character: 20, length: 2, type: 'imrConclusion', modifiers: ['upheld', 'overturned'] },
    ];
    assert.deepEqual(encodeSemanticTokens(tokens), [2, 4, 6, 0, 0, 0, 8, 6, 1, 1, 3, 3, 9, 3, 2, 0, 17, 2, 2, 3]);
  });

  test('no tokens for what is not a letter, nor for a document too large to parse', () => {
    assert.deepEqual(tokensOf('Dear Sir, the request was upheld. Decision rationale: none.'), []);
    assert.deepEqual(tokensOf(''), []);
    const small = createLanguageService({ maxDocumentSize: 1000 });
    const doc = { uri: 'file:///mem/big.txt', version: 1, getText: () => seed004 };
    assert.deepEqual(small.getSemanticTokens(doc).data, []);
  });

  test('well formed on any text, and on letters with lines deleted, duplicated or split', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 400 }), (s) => {
        assertWellFormed(s, tokensOf(s), 'arbitrary');
      }),
      { numRuns: 300 },
    );
    const lines = seed004.split('\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(lines.length - 1), fc.constantFrom('delete', 'duplicate', 'split')), { maxLength: 12 }),
        (edits) => {
          const copy = [...lines];
          for (const [at, kind] of edits) {
            const i = at % copy.length;
            if (kind === 'delete') copy.splice(i, 1);
            else if (kind === 'duplicate') copy.splice(i, 0, copy[i]);
            else copy.splice(i, 1, copy[i].slice(0, copy[i].length >> 1), copy[i].slice(copy[i].length >> 1));
          }
          const text = copy.join('\n');
          assertWellFormed(text, tokensOf(text), 'mutated');
        },
      ),
      { numRuns: 150 },
    );
  });

  test('package.json declares the legend and maps every type to the scopes the grammar gives the same words', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const c = manifest.contributes;
    assert.deepEqual(c.semanticTokenTypes.map((t: { id: string }) => t.id), [...semanticTokenTypes]);
    assert.deepEqual(c.semanticTokenModifiers.map((t: { id: string }) => t.id), [...semanticTokenModifiers]);
    assert.deepEqual(semanticTokensLegend, { tokenTypes: [...semanticTokenTypes], tokenModifiers: [...semanticTokenModifiers] });
    const [mapping] = c.semanticTokenScopes;
    assert.equal(mapping.language, 'imr');
    for (const type of semanticTokenTypes)
      assert.ok(
        Object.keys(mapping.scopes).some((selector) => selector === type || selector.startsWith(`${type}.`)),
        `${type} is mapped to scopes`,
      );
    // The decision and the conclusion reuse the grammar's own scopes (docs/grammar.md), so they look the same.
    const grammar = readFileSync(path.join(repoRoot, 'syntaxes', 'imr.tmLanguage.json'), 'utf8');
    for (const selector of ['imrDecision.upheld', 'imrDecision.overturned', 'imrConclusion.upheld', 'imrConclusion.overturned'])
      assert.ok(grammar.includes(`"name": "${mapping.scopes[selector][0]}"`), `${selector}: the grammar's scopes`);
  });

  test('over the corpus: every decision word and every title line marked, the conclusion as read', { skip: corpusSkip }, () => {
    let titles = 0;
    let grounds = 0;
    for (const file of corpusLetters()) {
      const text = readCorpusLetter(file);
      const tokens = tokensOf(text);
      assertWellFormed(text, tokens, file);
      const doc = service.getLetterDocument({ uri: `file:///corpus/${file}`, version: 1, getText: () => text });
      const lines = text.split(/\r\n|\n/);
      const at = (t: SemanticToken) => lines[t.line].slice(t.character, t.character + t.length);
      for (const item of doc.model.items) {
        const mine = tokens.filter((t) => t.line >= item.range.start.line && t.line <= item.range.end.line);
        const decision = mine.filter((t) => t.type === 'imrDecision');
        // A Medical Professional Review's decision is its conclusion, marked as such.
        const word = item.decisionText && item.form !== 'review' ? [item.decisionText.text] : [];
        assert.deepEqual(decision.map(at), word, `${file} item ${item.index}`);
        assert.deepEqual(decision.map((t) => t.modifiers), word.map(() => (item.decision ? [item.decision.toLowerCase()] : [])));
        const title = mine.filter((t) => t.type === 'imrItemTitle').map(at).join(' ');
        assert.equal(title.replace(/\s+/g, ' ').replace(/[\s:]+$/, ''), item.title.value, `${file} item ${item.index}: title`);
        titles += mine.filter((t) => t.type === 'imrItemTitle').length;
        const conclusion = mine.filter((t) => t.type === 'imrConclusion');
        if (item.conclusion === 'unclear') assert.equal(conclusion.length, 0);
        else {
          assert.ok(conclusion.length > 0, `${file} item ${item.index}: a conclusion`);
          const side = item.conclusion === 'not-medically-necessary' ? 'upheld' : 'overturned';
          assert.ok(conclusion.every((t) => t.modifiers.join() === side));
        }
        grounds += mine.filter((t) => t.type === 'imrGround').length;
      }
    }
    // 339 items, 71 of whose titles wrap; grounds in most rationales.
    assert.ok(titles > 339 + 71, `title tokens: ${titles}`);
    assert.ok(grounds > 216, `ground tokens: ${grounds}`);
  });
});
