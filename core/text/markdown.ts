// Text from letters (titles, citations, links) put into the Markdown of hovers. A letter is a document from
// outside: its words must show as words. Unescaped, "![x](https://host/p.png)" in a title would make the editor
// fetch an image from that host when the hover opens, and "<img ...>" or "[a](command:...)" would be markup.

// The characters of inline Markdown: emphasis, code, links and images, raw HTML and autolinks, entities, tables,
// strikethrough. Escaped with a backslash (CommonMark lets any ASCII punctuation be), each is its literal self.
const INLINE_SPECIAL = /[\\`*_{}[\]<>|~&!#]/g;
// What makes a line a list item, a heading or a quote when it starts one ("- ", "+ ", "1. ", "2) ", "=").
const BLOCK_START = /^([-+=]|\d{1,9}(?=[.)]))/;

/** `text` as Markdown that renders as exactly that text, on one line (white space runs become one space). */
export function escapeMarkdown(text: string): string {
  const escaped = text.replace(/\s+/g, ' ').replace(INLINE_SPECIAL, '\\$&');
  const lead = escaped.length - escaped.trimStart().length;
  const m = BLOCK_START.exec(escaped.slice(lead));
  if (!m) return escaped;
  // "-" and "+" and "=" take the backslash themselves; a number takes it on the "." or ")" after it.
  const at = lead + (/\d/.test(m[1]) ? m[1].length : 0);
  return `${escaped.slice(0, at)}\\${escaped.slice(at)}`;
}

/**
 * A link from a letter as a Markdown autolink (`<https://...>`), which the editor shows as a link and opens only
 * when clicked. Characters that would end the autolink or be read as markup are percent-encoded; anything that
 * is not an http(s) or www. address is shown as text, not as a link.
 */
export function markdownAutolink(url: string): string {
  const address = /^www\./i.test(url) ? `http://${url}` : url;
  if (!/^https?:\/\/[^\s]+$/i.test(address)) return escapeMarkdown(url);
  return `<${address.replace(/[<>"'`\\\u0000-\u0020\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}

/**
 * Our hovers' Markdown as plain text, for a client that shows only plain text (LSP: hover.contentFormat): the same
 * words without the syntax. Backslash escapes give their character, `**` and `*` (emphasis) and backticks go, a link
 * `[text](url)` reads "text (url)", an autolink `<url>` its address, and a rule `---` a line. It reads the Markdown
 * the product writes (escapeMarkdown, markdownAutolink), not Markdown at large.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (/^\s*---\s*$/.test(line) ? '────────' : inlineToPlainText(line)))
    .join('\n');
}

function inlineToPlainText(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[i + 1])) {
      out += line[++i];
    } else if (c === '*' || c === '`') {
      // Emphasis and code: the product escapes every * and ` of a text, so one left is markup.
    } else if (c === '[') {
      const link = linkAt(line, i);
      if (link) {
        out += `${inlineToPlainText(link.text)} (${link.url})`;
        i = link.end - 1;
      } else {
        out += c;
      }
    } else if (c === '<') {
      const m = /^<((?:https?:\/\/|www\.)[^\s<>]*)>/i.exec(line.slice(i));
      if (m) {
        out += m[1];
        i += m[0].length - 1;
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
  return out;
}

/** The inline link `[text](url)` that starts at `start`, if one does: its text (as Markdown), its address, its end. */
function linkAt(line: string, start: number): { text: string; url: string; end: number } | undefined {
  let i = start + 1;
  for (; i < line.length && line[i] !== ']'; i++) if (line[i] === '\\') i++;
  if (line[i] !== ']' || line[i + 1] !== '(') return undefined;
  // The address runs to the ")" that closes it (an address may hold parentheses of its own, balanced).
  let depth = 0;
  for (let j = i + 2; j < line.length; j++) {
    if (line[j] === '(') depth++;
    else if (line[j] === ')' && depth-- === 0) return { text: line.slice(start + 1, i), url: line.slice(i + 2, j), end: j + 1 };
  }
  return undefined;
}
