// Document links: the URLs cited in guideline paragraphs, joined across line breaks by the parser.
import type { DocumentLink } from 'vscode-languageserver-types';
import type { LetterDocument } from './letterDocument';

function isWebUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function getDocumentLinks(doc: LetterDocument): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const item of doc.model.items) {
    for (const p of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
      for (const c of p?.citations ?? []) {
        if (c.url && isWebUrl(c.url.value)) links.push({ range: c.url.range, target: c.url.value, tooltip: c.text });
      }
    }
  }
  return links;
}
