// Checks that the scopes we chose get coloured apart by common themes (the rules below are copied from them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INITIAL, type IRawTheme } from 'vscode-textmate';
import { repoRoot } from '../support/env';
import { loadThemedGrammar } from './support';

// Rules of VS Code's built-in themes that touch our scopes, from microsoft/vscode (1.139)
// extensions/theme-defaults/themes/{dark_vs,dark_plus,light_vs,light_plus}.json and
// extensions/theme-monokai/themes/monokai-color-theme.json. The first, scope-less rule gives the defaults.
const darkPlus: IRawTheme = {
  name: 'Dark+',
  settings: [
    { settings: { foreground: '#D4D4D4', background: '#1E1E1E' } },
    { scope: 'constant.language', settings: { foreground: '#569CD6' } },
    { scope: 'constant.numeric', settings: { foreground: '#B5CEA8' } },
    { scope: 'entity.name.tag', settings: { foreground: '#569CD6' } },
    { scope: 'emphasis', settings: { fontStyle: 'italic' } },
    { scope: 'markup.underline', settings: { fontStyle: 'underline' } },
    { scope: 'markup.bold', settings: { fontStyle: 'bold', foreground: '#569CD6' } },
    { scope: 'markup.heading', settings: { fontStyle: 'bold', foreground: '#569CD6' } },
    { scope: 'markup.italic', settings: { fontStyle: 'italic', foreground: '#C586C0' } },
    { scope: 'markup.inserted', settings: { foreground: '#B5CEA8' } },
    { scope: 'markup.deleted', settings: { foreground: '#CE9178' } },
    { scope: 'keyword', settings: { foreground: '#569CD6' } },
    { scope: ['support.class', 'support.type', 'entity.name.type'], settings: { foreground: '#4EC9B0' } },
  ],
};

const lightPlus: IRawTheme = {
  name: 'Light+',
  settings: [
    { settings: { foreground: '#000000', background: '#FFFFFF' } },
    { scope: 'constant.language', settings: { foreground: '#0000FF' } },
    { scope: 'constant.numeric', settings: { foreground: '#098658' } },
    { scope: 'entity.name.tag', settings: { foreground: '#800000' } },
    { scope: 'emphasis', settings: { fontStyle: 'italic' } },
    { scope: 'markup.underline', settings: { fontStyle: 'underline' } },
    { scope: 'markup.bold', settings: { fontStyle: 'bold', foreground: '#000080' } },
    { scope: 'markup.heading', settings: { fontStyle: 'bold', foreground: '#800000' } },
    { scope: 'markup.italic', settings: { fontStyle: 'italic', foreground: '#800080' } },
    { scope: 'markup.inserted', settings: { foreground: '#098658' } },
    { scope: 'markup.deleted', settings: { foreground: '#A31515' } },
    { scope: 'keyword', settings: { foreground: '#0000FF' } },
    { scope: ['support.class', 'support.type', 'entity.name.type'], settings: { foreground: '#267F99' } },
  ],
};

const monokai: IRawTheme = {
  name: 'Monokai',
  settings: [
    { settings: { foreground: '#F8F8F2', background: '#272822' } },
    { scope: 'markup.deleted', settings: { foreground: '#F92672' } },
    { scope: 'markup.inserted', settings: { foreground: '#A6E22E' } },
    { scope: 'markup.bold, markup.italic', settings: { foreground: '#66D9EF' } },
    { scope: 'markup.heading', settings: { foreground: '#A6E22E' } },
  ],
};

const BOLD = 2;
const UNDERLINE = 4;

interface Style {
  foreground: string;
  fontStyle: number;
}

/** The style a theme gives to `word` (its first occurrence) in each line, tokenized as consecutive lines. */
async function styleOf(theme: IRawTheme, lines: string[], word: string): Promise<Style> {
  const { grammar, registry } = await loadThemedGrammar(theme);
  const colors = registry.getColorMap();
  let stack = INITIAL;
  for (const line of lines) {
    const r = grammar.tokenizeLine2(line, stack);
    stack = r.ruleStack;
    const at = line.indexOf(word);
    if (at < 0) continue;
    let metadata = 0;
    for (let i = 0; i < r.tokens.length; i += 2) if (r.tokens[i] <= at) metadata = r.tokens[i + 1];
    // Bit layout of vscode-textmate's EncodedTokenAttributes (not exported).
    return { foreground: colors[(metadata & 0x00ff8000) >>> 15], fontStyle: (metadata & 0x00007800) >>> 11 };
  }
  throw new Error(`«${word}» is in none of the lines`);
}

const defaults = (theme: IRawTheme) => String(theme.settings[0].settings.foreground);

for (const theme of [darkPlus, lightPlus, monokai]) {
  test(`${theme.name}: Upheld and Overturned are coloured apart, and apart from plain text`, async () => {
    const upheld = await styleOf(theme, ['Tramadol 50mg #60:  Upheld '], 'Upheld');
    const overturned = await styleOf(theme, ['Tramadol 50mg #60:  Overturned '], 'Overturned');
    const plain = await styleOf(theme, ['Tramadol 50mg #60:  Overturned '], 'Tramadol');
    assert.notEqual(upheld.foreground, overturned.foreground);
    assert.notEqual(upheld.foreground, defaults(theme));
    assert.notEqual(overturned.foreground, defaults(theme));
    assert.equal(plain.foreground, defaults(theme));
  });

  test(`${theme.name}: "not medically necessary" and "medically necessary" are coloured apart`, async () => {
    const not = await styleOf(theme, ['the request is not medically necessary. '], 'not medically');
    const is = await styleOf(theme, ['the request is medically necessary. '], 'medically');
    assert.notEqual(not.foreground, is.foreground);
    assert.notEqual(not.foreground, defaults(theme));
    assert.notEqual(is.foreground, defaults(theme));
  });
}

for (const theme of [darkPlus, lightPlus]) {
  test(`${theme.name}: decisions are bold, links underlined, and every other construct coloured`, async () => {
    assert.equal((await styleOf(theme, ['Tramadol 50mg #60:  Upheld '], 'Upheld')).fontStyle & BOLD, BOLD);
    assert.equal((await styleOf(theme, ['Tramadol 50mg #60:  Overturned '], 'Overturned')).fontStyle & BOLD, BOLD);
    assert.equal((await styleOf(theme, ['see http://www.drugs.com/a.html. '], 'http')).fontStyle & UNDERLINE, UNDERLINE);
    const coloured: [string, string][] = [
      ['CLINICAL CASE SUMMARY ', 'CLINICAL'],
      ['Case Number: CM16-0229336 ', 'Case Number:'],
      ['Date Assigned: 12/05/2016 ', '12/05/2016'],
      ['Priority:  Standard Application ', 'Standard'],
      ['State(s) of Licensure: California ', 'State(s)'],
      ['Claims Administrator guideline: Decision based on MTUS ', 'Claims'],
      ['MAXIMUS guideline: Decision based on MTUS ', 'MAXIMUS'],
      ['Decision rationale: The request ', 'Decision'],
      ['Decision based on Non-MTUS Citation ODG ', 'Non-MTUS'],
      ['Decision based on MTUS ACOEM Chapter 12 ', 'MTUS'],
      ['Decision based on MTUS ACOEM Chapter 12 ', 'ACOEM'],
      ['Decision based on Non-MTUS Citation ODG ', 'ODG'],
      ['Low Back Complaints Page(s): 298. ', 'Page(s)'],
      ['Low Back Complaints Page(s): 298. ', '298'],
      ['Decision based on MTUS ACOEM Chapter 12 ', 'Chapter'],
    ];
    for (const [line, word] of coloured) {
      assert.notEqual((await styleOf(theme, [line], word)).foreground, defaults(theme), `«${word}» in «${line}»`);
    }
  });
}

// The semantic tokens' styles: VS Code looks each token up through package.json's `semanticTokenScopes`, not through
// the grammar. This is its lookup (colorThemeData.ts: resolveScopes, nameMatcher): each mapped string is a scope path
// (split on spaces), tried in order; the first path some rule matches gives the style, the foreground and the font
// style each from the best-scoring rule that sets it (a rule's selector matches when each of its names prefixes a
// scope of the path; the deeper that scope, the higher the score).
const semanticScopes: Record<string, string[]> = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'))
  .contributes.semanticTokenScopes[0].scopes;

interface SemanticStyle {
  foreground?: string;
  fontStyle?: string;
}

function semanticStyle(theme: IRawTheme, token: string): SemanticStyle | undefined {
  const prefixes = (scope: string, name: string) => scope === name || scope.startsWith(`${name}.`);
  const rules = theme.settings.flatMap((rule) => {
    const scopes = rule.scope === undefined ? [] : Array.isArray(rule.scope) ? rule.scope : rule.scope.split(',');
    return scopes.map((selector) => ({ names: selector.trim().split(/\s+/), settings: rule.settings }));
  });
  for (const probe of semanticScopes[token]) {
    const scopePath = probe.split(' ');
    const style: SemanticStyle = {};
    let fgScore = -1;
    let fsScore = -1;
    for (const { names, settings } of rules) {
      if (names.length > scopePath.length) continue;
      let score = -1;
      const every = names.every((name) => {
        for (let i = scopePath.length - 1; i >= 0; i--)
          if (prefixes(scopePath[i], name)) return (score = (i + 1) * 0x10000 + name.length), true;
        return false;
      });
      if (!every) continue;
      if (settings.foreground !== undefined && score >= fgScore) [style.foreground, fgScore] = [settings.foreground, score];
      if (settings.fontStyle !== undefined && score >= fsScore) [style.fontStyle, fsScore] = [settings.fontStyle, score];
    }
    if (style.foreground !== undefined || style.fontStyle !== undefined) return style;
  }
  return undefined;
}

for (const theme of [darkPlus, lightPlus]) {
  test(`${theme.name}: semantic tokens: grounds italic in the colours under them, decisions and conclusions apart`, () => {
    // A ground is a whole sentence: a colour of its own would hide the dates, citations and conclusions inside it.
    assert.deepEqual(semanticStyle(theme, 'imrGround'), { fontStyle: 'italic' });
    const upheld = semanticStyle(theme, 'imrDecision.upheld');
    const overturned = semanticStyle(theme, 'imrDecision.overturned');
    assert.equal(upheld?.fontStyle, 'bold');
    assert.equal(overturned?.fontStyle, 'bold');
    assert.ok(upheld?.foreground && overturned?.foreground);
    assert.notEqual(upheld.foreground, overturned.foreground);
    const not = semanticStyle(theme, 'imrConclusion.upheld')?.foreground;
    const is = semanticStyle(theme, 'imrConclusion.overturned')?.foreground;
    assert.ok(not && is);
    assert.notEqual(not, is);
    assert.ok(semanticStyle(theme, 'imrItemTitle')?.foreground);
  });
}

test('Monokai: semantic tokens: a theme without an "emphasis" rule still shows the grounds, as its italic markup', () => {
  assert.deepEqual(semanticStyle(monokai, 'imrGround'), { foreground: '#66D9EF' });
  assert.notEqual(semanticStyle(monokai, 'imrDecision.upheld')?.foreground, semanticStyle(monokai, 'imrDecision.overturned')?.foreground);
});
