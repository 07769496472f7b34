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
