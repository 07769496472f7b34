// Official Disability Guidelines citations: the chapter, the topics, the edition, and citations that name several chapters.
import { endsWithWord, isJsSpace, isLowerAscii, isUpperAscii, startsWithWord, trimStartIndex } from '../../text/chars';
import type { CitationFields } from './fields';

/** ODG chapter names as letters write them, most specific first. */
export const ODG_CHAPTER =
  /^(?:Low\s?Back|Lower Back|Lumbar)(?:\s?(?:-|,|&|and)?\s?(?:Lumbar|Thoracic)(?:\s?(?:&|and)\s?(?:Thoracic|Lumbar))?)?|^Neck\s?(?:and|&)\s?Upper\s?Back|^Neck\b|^Pain\b|^Knee\s?(?:and|&)\s?Leg|^Knee\b|^Shoulder\b|^Elbow\b|^Forearm,?\s?Wrist,?\s?(?:and|&)\s?Hand|^Hand\b|^Hips?\s?(?:and|&)\s?Pelvis|^Head\b|^Carpal Tunnel Syndrome|^Ankle\s?(?:and|&)\s?Foot|^Hernia\b|^Fitness for Duty|^Mental Illness\s?(?:and|&)\s?Stress|^Preface\b|^Chronic Pain\b|^Burns\b|^Eye\b|^Pulmonary\b|^Traumatic Brain Injury/i;

const ODG_CHAPTER_WHOLE = new RegExp(`(?:${ODG_CHAPTER.source})(?:\\s?(?:Chapter|section))?$`, 'i');

/** Whether an ODG citation may name several chapters: one of its topics is a chapter's name. */
export function mayNameSeveralOdgChapters(fields: CitationFields): boolean {
  return (
    fields.source === 'ODG' &&
    fields.chapter !== undefined &&
    fields.sections !== undefined &&
    fields.sections.some((topic) => ODG_CHAPTER_WHOLE.test(topic.replace(/^(?:and|&) /i, '')))
  );
}

/** What may follow an ODG chapter name and belongs to it: "(Acute & Chronic)", "(Chronic)", "Chapter", "section"... */
const ODG_CHAPTER_TAIL = /\s?(?:\((?:Acute|Chronic|Thoracic|trauma)[^)]*\)|(?:Chapter|chapters?|section|Procedures?(?: Summary)?)\b)/iy;

export const ODG_NAME = /^(?:Official Disability Guidelines|ODG)\b(?:\s?\(ODG\))?(?:\s?guidelines)?\s?/i;

// A phrase every edition take() below needs: most citations have none, and the seven expressions are spared.
const EDITION_HINT = /work loss data institute|\d\/\d|^\s*20\d\d|online |web |\d(?:st|nd|rd|th) edition/i;

export function describeOdg(rest: string, fields: CitationFields): void {
  let s = rest.slice(skipOdgLead(rest, 0));
  // A reference glued on after the topics ("... - Manipulation Harris J. Occupational medicine ...") is not a
  // topic. Its initial's ". " is looked for first: the expression would be tried at every space.
  if (s.includes('. ')) s = s.replace(/\s[A-Z][a-z]+\s[A-Z]{1,2}\.\s.*$/, '');
  const editions: string[] = [];
  if (EDITION_HINT.test(s)) s = takeEditions(s, editions);
  let at = skipOdgLead(s, 0);
  if (at < s.length && (s.charCodeAt(at) | 32) === 99 /* c */) {
    const label = /Chapter\s?:\s?/iy;
    label.lastIndex = at;
    if (label.test(s)) at = label.lastIndex;
  }
  if (at > 0) s = s.slice(at);
  let chapter: { title: string } | undefined;
  const ch = ODG_CHAPTER.exec(s);
  if (ch) {
    let titleEnd = ch[0].length;
    // "(Acute & Chronic)", "(Chronic)", "(trauma, headaches, ...)", "Chapter", "section" belong to the chapter name.
    while (mayStartChapterTail(s, titleEnd)) {
      ODG_CHAPTER_TAIL.lastIndex = titleEnd;
      if (!ODG_CHAPTER_TAIL.test(s)) break;
      titleEnd = ODG_CHAPTER_TAIL.lastIndex;
    }
    chapter = { title: s.slice(0, titleEnd).trim() };
    let r = titleEnd;
    while (r < s.length && (s.charCodeAt(r) === 47 /* / */ || isJsSpace(s.charCodeAt(r)))) r++;
    s = s.slice(r);
  } else if (endsWithWord(s, 'chapter') || endsWithWord(s, 'Chapter')) {
    // The chapter named last: "ODG physical therapy, elbow chapter".
    const comma = s.lastIndexOf(',');
    const last = s.slice(comma + 1).trim();
    if (comma > 0 && ODG_CHAPTER_WHOLE.test(last)) {
      chapter = { title: last };
      s = s.slice(0, comma);
    }
  }
  const sections = splitOdgTopics(s);
  if (editions.length > 0) fields.edition = editions.join(', ');
  if (chapter) fields.chapter = chapter;
  if (sections.length > 0) fields.sections = sections;
}


/**
 * Where a later ODG chapter starts in a citation's body that opens with one (whose title is `first`): after a
 * ",", ";" or "/" (outside brackets), a chapter name that fills the piece up to the next such separator, with its
 * tail ("Chapter", "(Acute & Chronic)", "(updated 11/23/16)"). A one-word name ("Hand", "Pain") counts only with
 * a tail: alone it may be a topic.
 */
export function laterOdgChapters(body: string, first: string): number[] {
  const found: number[] = [];
  // Nothing inside the first chapter's name starts another ("Low Back, Lumbar & Thoracic" is one chapter).
  const firstAt = body.indexOf(first);
  let depth = 0;
  for (let k = firstAt >= 0 ? firstAt + first.length : 0; k < body.length; k++) {
    const ch = body.charCodeAt(k);
    if (ch === 40 /* ( */) depth++;
    else if (ch === 41 /* ) */ && depth > 0) depth--;
    if (depth > 0) continue;
    // "Low Back and neck Chapter, Physical Therapy": "and" or "&" may join two chapters' names too.
    const joined = ch === 32 && depth === 0 ? /^ (?:and|&) /i.exec(body.slice(k, k + 5)) : null;
    if (!joined && !(ch === 44 /* , */ || ch === 59 /* ; */ || ch === 47 /* / */)) continue;
    const start = skipOdgLead(body, joined ? k + joined[0].length - 1 : k + 1);
    let rest = body.slice(start);
    // "...; ODG Forearm, Wrist and Hand (updated 12/20/16), ...": the guideline's name may come again.
    const again = (rest.charCodeAt(0) | 32) === 111 /* o */ ? ODG_NAME.exec(rest) : null;
    if (again) rest = rest.slice(again[0].length);
    const name = ODG_CHAPTER.exec(rest);
    if (!name) continue;
    let end = name[0].length;
    let tailed = false;
    for (;;) {
      if (mayStartChapterTail(rest, end)) {
        ODG_CHAPTER_TAIL.lastIndex = end;
        if (ODG_CHAPTER_TAIL.test(rest)) {
          end = ODG_CHAPTER_TAIL.lastIndex;
          tailed = true;
          continue;
        }
      }
      ODG_UPDATED.lastIndex = end;
      if (!ODG_UPDATED.test(rest)) break;
      end = ODG_UPDATED.lastIndex;
      tailed = true;
    }
    // (Collapsed text: its only white space is single spaces.)
    let after = end;
    while (after < rest.length && rest.charCodeAt(after) === 32) after++;
    const next = after < rest.length ? rest.charCodeAt(after) : 44;
    if ((next === 44 || next === 59 || next === 47) && (tailed || /[\s&]/.test(name[0]))) {
      found.push(start);
      k = start + (again ? again[0].length : 0) + end - 1;
    }
  }
  return found;
}

/** "(updated 11/23/16)" after a chapter's name. */
const ODG_UPDATED = /\s?\(updated [^)]*\)/iy;

/** The index after the white space and ",:;-" from `i` on. */
function skipOdgLead(s: string, i: number): number {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c === 44 || c === 58 || c === 59 || c === 45 || isJsSpace(c))) break;
  }
  return i;
}

/** Whether ODG_CHAPTER_TAIL can match at `i`: its first character after an optional space is "(" or c, s or p. */
function mayStartChapterTail(s: string, i: number): boolean {
  if (i >= s.length) return false;
  let c = s.charCodeAt(i);
  if (isJsSpace(c)) {
    if (i + 1 >= s.length) return false;
    c = s.charCodeAt(i + 1);
  }
  if (c === 40 /* ( */) return true;
  c |= 32;
  return c === 99 /* c */ || c === 115 /* s */ || c === 112 /* p */;
}

/** Removes the edition phrases (dates, "Online Edition", "Work Loss Data Institute (...)") from `s`, adding them to `editions`. */
function takeEditions(s: string, editions: string[]): string {
  s = take(s, /Work Loss Data Institute\s?\([^)]*\)\s?,?/gi, editions);
  s = take(s, /\(?updated \d{1,2}\/\d{1,2}\/\d{2,4}\)?/gi, editions);
  s = take(s, /\b\d{1,2}\/\d{1,2}\/\d{4}\b/g, editions);
  // "ODG Guidelines, 14th Edition, 2016, Knee Chapter": the ordinal edition, then the year it leaves in front.
  s = take(s, /\b\d{1,2}(?:st|nd|rd|th) Edition\b\s?,?/gi, editions);
  // A year in front: "2016, Knee Chapter", "2016 Shoulder Chapter: MR arthrogram".
  s = take(s, /^\s*20\d\d\b\s?,?/, editions);
  // The bracketed form first: taking "Online version" out of "(Online version)" would leave "( )" as a topic.
  s = take(s, /\((?:online|web) (?:edition|version)\)/gi, editions);
  return take(s, /\b(?:Online|Web) (?:Edition|Version)\s?,?/gi, editions);
}

/**
 * `s` with each match of `re` (the first only, unless global) replaced by a space, and added to `editions`
 * without its surrounding spaces and commas. A loop rather than a replacement with a callback, which is slow.
 */
function take(s: string, re: RegExp, editions: string[]): string {
  re.lastIndex = 0;
  let m = re.exec(s);
  if (!m) return s;
  let out = '';
  let copied = 0;
  for (; m; m = re.global ? re.exec(s) : null) {
    const found = m[0];
    let a = 0;
    let b = found.length;
    while (a < b && isSpaceOrComma(found.charCodeAt(a))) a++;
    while (b > a && isSpaceOrComma(found.charCodeAt(b - 1))) b--;
    editions.push(found.slice(a, b));
    out += `${s.slice(copied, m.index)} `;
    copied = m.index + found.length;
  }
  return out + s.slice(copied);
}

function isSpaceOrComma(c: number): boolean {
  return c === 44 || isJsSpace(c);
}

// The characters that may separate topics (see isTopicCut).
const TOPIC_CUT = /[,;:\u2013\-./]/;

export function splitOdgTopics(s: string, splitAnd = true): string[] {
  const out: string[] = [];
  // Most topic lists are one topic: the expression spares the loop over its characters.
  if (!TOPIC_CUT.test(s)) {
    addOdgTopic(out, s, 0, s.length, 0, splitAnd);
    return out;
  }
  let depth = 0;
  let pieceStart = 0;
  let sep = 0;
  for (let k = 0; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch === 40 /* ( */) depth++;
    else if (ch === 41 /* ) */ && depth > 0) depth--;
    if (depth === 0 && isTopicCut(s, k, ch, pieceStart)) {
      addOdgTopic(out, s, pieceStart, k, sep, splitAnd);
      pieceStart = k + 1;
      sep = ch;
    }
  }
  addOdgTopic(out, s, pieceStart, s.length, sep, splitAnd);
  return out;
}

/** Whether the character `ch` at `k` (outside brackets) separates two topics. */
function isTopicCut(s: string, k: number, ch: number, pieceStart: number): boolean {
  switch (ch) {
    case 44 /* , */:
    case 59 /* ; */:
    case 58 /* : */:
    case 0x2013 /* – */:
      return true;
    case 45 /* - */:
      return k > 0 && k + 1 < s.length && s.charCodeAt(k - 1) === 32 && s.charCodeAt(k + 1) === 32;
    case 46 /* . */:
      return k + 2 < s.length && s.charCodeAt(k + 1) === 32 && isUpperAscii(s.charCodeAt(k + 2));
    case 47 /* / */:
      // "Knee/DME", "Low Back chapter/ x-ray": a slash after a chapter name, or with a space beside it, separates.
      return (
        (k > 0 && s.charCodeAt(k - 1) === 32) ||
        (k + 1 < s.length && s.charCodeAt(k + 1) === 32) ||
        ODG_CHAPTER_WHOLE.test(s.slice(pieceStart, k).trim())
      );
    default:
      return false;
  }
}

/** Adds the topic(s) of the piece [a, b) of `s`, which followed the separator `sep` (0 for the first). */
function addOdgTopic(out: string[], s: string, a: number, b: number, sep: number, splitAnd: boolean): void {
  let text = s;
  // Only a piece whose first word starts with "O" can start with the guideline's name.
  const i = trimStartIndex(s, a, b);
  if (i < b && (s.charCodeAt(i) | 32) === 111 /* o */) {
    text = s.slice(a, b).replace(/^\s*(?:ODG|Official Disability Guidelines(?:\s?\(ODG\))?)\s?/i, '');
    a = 0;
    b = text.length;
  }
  // (Each read checks its index: a read past either end costs the optimized code a round trip.)
  while (a < b) {
    const c = text.charCodeAt(a);
    if (!(c === 32 || c === 46 || c === 47 || c === 45)) break;
    a++;
  }
  while (b > a) {
    const c = text.charCodeAt(b - 1);
    if (!(c === 32 || c === 46)) break;
    b--;
  }
  let p = text.slice(a, b);
  if (p.length > 1 && p.charCodeAt(0) === 40 && p.charCodeAt(p.length - 1) === 41 && /^\([^()]*(?:\([^()]*\)[^()]*)*\)$/.test(p)) p = p.slice(1, -1).trim();
  if (p === '' || (isTopicLabelLength(p.length) && /^(?:chapter|section|subheading|topic|guidelines)$/i.test(p))) return;
  // "Opioids, specific drug list", "Preoperative testing, general": a lower-case piece after a comma goes on the topic.
  const last = out.length - 1;
  if (last >= 0 && ((sep === 44 /* , */ && isLowerAscii(p.charCodeAt(0))) || (endsWithWord(out[last], 'Forearm') && startsWithWord(p, 'Wrist')))) {
    out[last] += `, ${p}`;
    return;
  }
  // "Preoperative lab testing and Preoperative testing, general" names two topics; "Knee and Leg" is one chapter.
  if (!splitAnd || !p.includes(' and ') || ODG_CHAPTER_WHOLE.test(p)) addTopic(out, p);
  else for (const q of p.split(/\sand\s(?=[A-Z])/)) addTopic(out, q);
}

/** The lengths of "topic", "chapter" and "section", "subheading" and "guidelines". */
function isTopicLabelLength(n: number): boolean {
  return n === 5 || n === 7 || n === 10;
}

function addTopic(out: string[], q: string): void {
  let r = (q.length > 0 && (q.charCodeAt(0) | 32) === 111 /* o */ ? q.replace(/^(?:ODG|Official Disability Guidelines)\s/i, '') : q).trim();
  // "Pain Section/Voltaren® Gel (diclofenac) Topic": the label after a topic is not part of its name.
  if (endsWithWord(r, 'Topic') || endsWithWord(r, 'topic')) r = r.slice(0, -5).trim();
  if (r !== '') out.push(r);
}
