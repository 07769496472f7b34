// ACOEM citations outside the MTUS: edition, chapter (number and title), topics and pages.
import type { CitationFields } from './fields';
import { parsePages } from './mtus';
import { splitOdgTopics } from './odg';
import { ACOEM_BY_AUTHOR } from './references';

export function describeAcoem(body: string, fields: CitationFields): void {
  const edition = /\b(3rd|Third|2nd|Second)\s?(?:edition|ed\.?)/i.exec(body);
  let s = body
    .replace(ACOEM_BY_AUTHOR, '')
    .replace(/^(?:ACOEM|American College of Occupational and Environmental Medicine)(?:\s?\(ACOEM\))?\s?:?\s?/i, '')
    .replace(/^(?:Occupational Medicine )?Practice Guidelines\s?,?\s?|^Guidelines\s?,?\s?/i, '');
  if (edition) s = s.replace(edition[0], '').replace(/^([\s,]*)\((?:19|20)\d\d\)/, '$1');
  const pageMatch = /\b(?:pg\.?|page|p\.?)\s?(\d+(?:\s?[-–]\s?\d+)?)\b/i.exec(s);
  if (pageMatch) s = s.replace(pageMatch[0], '');
  let chapter: { number?: number; title?: string } | undefined;
  const num = /\bChapter\s?(\d+)\s?,?\s?/i.exec(s);
  if (num) {
    chapter = { number: Number(num[1]) };
    s = s.replace(num[0], '');
  }
  s = s.replace(/^[\s,.]+/, '');
  // The one chapter title with commas in it.
  const painChapter = /^Pain, Suffering,? and the Restoration of Function(?:\s?Chapter)?/i.exec(s);
  if (painChapter) {
    chapter = { number: 6, title: painChapter[0].replace(/\s?Chapter$/i, '') };
    s = s.slice(painChapter[0].length);
  } else if (/^and\b/i.test(s)) s = '';
  // "Hip and Groin Chapter/Diagnostic and treatment recommendations": the chapter, then its topics.
  const named = painChapter ? null : /^([^,;/]+?)\s?Chapter\s?[/,;:]\s?/i.exec(s);
  if (named) {
    chapter = { ...chapter, title: named[1] };
    s = s.slice(named[0].length);
  }
  const parts = splitOdgTopics(s, false);
  if (painChapter || named) parts.unshift(chapter?.title ?? '');
  if (parts.length > 0) {
    chapter = chapter ?? {};
    chapter.title = parts[0].replace(/\s?Chapter$/i, '');
  }
  const sections = parts.slice(1);
  if (edition) fields.edition = /^(3rd|third)$/i.test(edition[1]) ? '3rd ed.' : '2nd ed.';
  if (chapter) fields.chapter = chapter;
  if (sections.length > 0) fields.sections = sections;
  if (pageMatch) {
    fields.pagesText = pageMatch[1];
    fields.pages = parsePages(pageMatch[1]);
  }
}
