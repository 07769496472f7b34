// Letter text in hover Markdown shows as text: rendered by a real Markdown renderer (markdown-it, with raw HTML
// allowed, the most permissive setting), it gives back the letter's words and no element: no image to fetch from
// a host named in a letter, no link but the ones the hover means to show.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../core/languageService';
import { escapeMarkdown, markdownAutolink, markdownToPlainText } from '../../core/text/markdown';
import { readSample, readSeed, replaceOnce } from '../lsp/mutants';

const md = new MarkdownIt({ html: true, linkify: false });

/** The HTML a Markdown string renders to, without the paragraph around it. */
function render(markdown: string): string {
  return md.render(markdown).trim();
}

function textOf(html: string): string {
  return html
    .replace(/<\/?(p|strong|em|hr)>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Elements of a rendered hover other than the paragraphs, emphasis and rules the hover writes itself. */
function foreignElements(html: string): string[] {
  return [...html.matchAll(/<(?!\/?(?:p|strong|em|hr)\b)[a-z!/?][^>]*>?/gi)].map((m) => m[0]);
}

const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom('![x](https://t.example/p.png)', '<img src=x onerror=alert(1)>', '[a](command:workbench.action.quit)', '<https://t.example>'),
      fc.constantFrom('*', '_', '`', '[', ']', '(', ')', '<', '>', '!', '#', '-', '+', '1.', '|', '~', '&amp;', '&#60;', '\\', '=', ':', ' ', '\n', 'http://x.example/'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

describe('escapeMarkdown', () => {
  test('renders back to the same text, with no element, whatever the text', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const html = render(escapeMarkdown(text));
        assert.deepEqual(foreignElements(html), [], html);
        assert.equal(textOf(html), text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('markdownAutolink', () => {
  test('a link renders as one link to the same address, and nothing else', () => {
    fc.assert(
      fc.property(markdownish, (tail) => {
        const url = `https://host.example/${tail.replace(/\s+/g, '')}`;
        const html = render(markdownAutolink(url));
        const elements = foreignElements(html);
        assert.deepEqual(
          elements.filter((e) => !/^<\/?a\b/.test(e)),
          [],
          html,
        );
        assert.ok(elements.filter((e) => /^<a\b/.test(e)).length <= 1, html);
        assert.ok(!/<img/i.test(html));
      }),
      { numRuns: 2000 },
    );
  });
  test('what is not a web address shows as text', () => {
    assert.deepEqual(foreignElements(render(markdownAutolink('javascript:alert(1)'))), []);
    assert.equal(render(markdownAutolink('www.example.com/a')), '<p><a href="http://www.example.com/a">http://www.example.com/a</a></p>');
  });
});

describe('hovers show letter text as text', () => {
  const ls = createLanguageService();
  let n = 0;
  const docOf = (text: string) => TextDocument.create(`file:///mem/md${n++}.txt`, 'imr', 1, text);
  const hoverHtml = (doc: TextDocument, line: number, character: number) => {
    const h = ls.getHover(doc, { line, character });
    assert.ok(h, 'a hover');
    return render((h.contents as MarkupContent).value);
  };
  const injected = 'Evil ![x](https://t.example/p.png) <img src=x> [a](command:workbench.action.quit) *bold*';

  test('an item title and its decision word', () => {
    const seed = readSeed();
    const text = replaceOnce(seed, '12 Physical Therapy Treatments for The Lumbar Spine:  Upheld', `${injected}:  Uphel`);
    const doc = docOf(text);
    const item = ls.getLetter(doc)?.items[0];
    assert.ok(item?.decisionText, 'the item still parses');
    const title = hoverHtml(doc, item.title.range.start.line, 2);
    assert.deepEqual(foreignElements(title), [], title);
    assert.ok(textOf(title).includes(injected), title);
    const word = hoverHtml(doc, item.decisionText.range.start.line, item.decisionText.range.start.character);
    assert.deepEqual(foreignElements(word), [], word);
  });

  test('a cited link: one link, no image', () => {
    const sample = readSample('malformed-conflict.txt');
    const text = sample.replace(
      /^MAXIMUS guideline:.*$/m,
      'MAXIMUS guideline: Decision based on Non-MTUS Citation https://a.example/x>![i](https://t.example/p.png)x',
    );
    assert.notEqual(text, sample);
    const doc = docOf(text);
    const citation = ls.getLetter(doc)?.items[0].maximusGuideline?.citations[0];
    assert.ok(citation?.url, 'the link is read');
    const html = hoverHtml(doc, citation.range.start.line, citation.range.start.character);
    assert.ok(!/<img/i.test(html), html);
    assert.equal(foreignElements(html).filter((e) => /^<a\b/.test(e)).length, 1, html);
  });
});

describe('markdownToPlainText', () => {
  test('gives back any text escapeMarkdown escaped, white space collapsed', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string()), (text) => {
        assert.equal(markdownToPlainText(escapeMarkdown(text)), text.replace(/\s+/g, ' '));
      }),
      { numRuns: 2000 },
    );
  });

  test('drops emphasis and code, reads links and autolinks, and a rule as a line', () => {
    const link = markdownAutolink('https://example.com/a<b');
    assert.equal(
      markdownToPlainText(`**${escapeMarkdown('a*b')}** · *note:* \`x\`\n- [${escapeMarkdown('T [1]')}](https://h/p_(q)) ${link}\n\n---\n\nend`),
      'a*b · note: x\n- T [1] (https://h/p_(q)) https://example.com/a%3Cb\n\n────────\n\nend',
    );
  });
});
