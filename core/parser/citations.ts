// Reads the guideline citations and the basis statements out of a guideline paragraph's text.
import type { CitationStatement, CitationStatementKind, GuidelineCitation, PageRange } from '../model';
import { CollapsedText, trimEndOf, trimStartOf } from '../text/collapse';
import type { LineIndex } from '../text/lines';

export interface ParsedCitations {
  citations: GuidelineCitation[];
  statements: CitationStatement[];
}

/**
 * Parses the text of a `Claims Administrator guideline:` or `MAXIMUS guideline:` paragraph,
 * which lies in `doc.text` between `start` and `end` (offsets, after the label). The text may
 * wrap over several lines, with blank lines between them (double-spaced letters). Never throws.
 */
export function parseCitations(doc: LineIndex, start: number, end: number): ParsedCitations {
  try {
    const from = Math.max(0, Math.min(start, doc.text.length));
    const to = Math.max(from, Math.min(end, doc.text.length));
    return readCitations(new CollapsedText(doc, from, to));
  } catch {
    return { citations: [], statements: [] };
  }
}

/** The same, over a paragraph already collapsed by the caller. Never throws. */
export function readCitations(paragraph: CollapsedText): ParsedCitations {
  try {
    return new ParagraphReader(paragraph).read();
  } catch {
    return { citations: [], statements: [] };
  }
}

/** The MTUS guideline names letters cite in the "<name> <year>, Section(s): ..." form. */
const MTUS_NAMES = [
  'General Approaches',
  'Neck and Upper Back Complaints',
  'Shoulder Complaints',
  'Elbow Complaints',
  'Elbow Disorders',
  'Forearm, Wrist, and Hand Complaints',
  'Low Back Complaints',
  'Knee Complaints',
  'Ankle and Foot Complaints',
  'Stress Related Conditions',
  'Eye',
  'Chronic Pain Medical Treatment',
  'Acupuncture Treatment',
  'Acupuncture Medical Treatment',
  'Postsurgical Treatment',
  'Opioid Treatment',
  'Opioids Treatment',
];

/** ACOEM 2nd-edition chapter numbers of the MTUS clinical topics, so a named chapter also carries its number. */
const ACOEM_CHAPTER_NUMBERS = new Map<string, number>([
  ['neck and upper back complaints', 8],
  ['shoulder complaints', 9],
  ['elbow complaints', 10],
  ['elbow disorders', 10],
  ['forearm, wrist, and hand complaints', 11],
  ['low back complaints', 12],
  ['knee complaints', 13],
  ['ankle and foot complaints', 14],
  ['stress related conditions', 15],
  ['eye', 16],
]);

const YEAR = String.raw`2\s?0\s?\d\s?\d`;
const KNOWN_HEAD = MTUS_NAMES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')).join('|');
/** A guideline head: a known name, or any capitalised phrase, followed by a year (and maybe "Guidelines"). */
const HEAD = new RegExp(
  String.raw`(?:^|,?\s(?:and\s)?)((?:${KNOWN_HEAD})|[A-Z][A-Za-z&/'-]*(?:\s[A-Za-z&/'-]+){0,6}?)\s(${YEAR})(\sGuidelines)?(?=\s?[.,]|\s?$|\sand\s|\sSection)`,
  'g',
);

const DECISION_BASED = /Decision\s?based\s?on\s?(?:(MTUS)\b|(Non\s?-\s?MTUS)(?:\s?Citation)?)\s?/gi;

// `literal` is a phrase every match contains: looking for it first spares the expressions' slow scan.
const STATEMENTS: { kind: CitationStatementKind; literal: string; re: RegExp }[] = [
  { kind: 'no-medical-evidence', literal: 'did not cite', re: /(?:The\s)?[A-Z][A-Za-z ]{0,40}?\sdid not cite any medical evidence(?:\s(?:for|in)\s(?:its|their|the)\s(?:decision|determination))?\.?/g },
  { kind: 'not-based-on-mtus', literal: 'did not base', re: /(?:The\s)?[A-Z][A-Za-z ]{0,40}?\sdid not base (?:their|its|his|her) (?:decision|determination) on the MTUS(?: Guidelines)?\.?/g },
  {
    kind: 'outside-mtus',
    literal: 'outside',
    re: /(?:The\s)?[A-Z][A-Za-z ]{0,40}?\sbased (?:their|its|his|her) (?:decision|determination) on recommendations?(?:\(s\))? outside (?:of )?the MTUS(?: Guidelines)?\.?/g,
  },
];

class ParagraphReader {
  private readonly citations: GuidelineCitation[] = [];
  private readonly statements: CitationStatement[] = [];

  constructor(private readonly p: CollapsedText) {}

  read(): ParsedCitations {
    const t = this.p.text;
    const statementStarts: number[] = [];
    for (const { kind, literal, re } of STATEMENTS) {
      if (!t.includes(literal)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(t); m; m = re.exec(t)) {
        statementStarts.push(m.index);
        this.statements.push({ kind, text: m[0], range: this.range(m.index, m.index + m[0].length) });
      }
    }
    this.statements.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

    const heads: { index: number; bodyStart: number; mtus: boolean }[] = [];
    DECISION_BASED.lastIndex = 0;
    for (let m = DECISION_BASED.exec(t); m; m = DECISION_BASED.exec(t)) {
      heads.push({ index: m.index, bodyStart: m.index + m[0].length, mtus: m[1] !== undefined });
    }
    heads.forEach((h, k) => {
      let segEnd = k + 1 < heads.length ? heads[k + 1].index : t.length;
      // A statement after a citation ("... Decompression-Traction. The Expert Reviewer did not ...") ends it.
      for (const s of statementStarts) if (s > h.bodyStart && s < segEnd) segEnd = s;
      if (h.mtus) this.readMtus(h.index, h.bodyStart, segEnd);
      else this.readNonMtus(h.index, h.bodyStart, segEnd);
    });
    return { citations: this.citations, statements: this.statements };
  }

  private range(i: number, j: number) {
    return this.p.range(i, j);
  }

  /** Trims white space and the given trailing punctuation from [i, j) of the collapsed text. */
  private trim(i: number, j: number, trailing = ' .,;:'): [number, number] {
    const t = this.p.text;
    while (i < j && t[i] === ' ') i++;
    while (j > i && trailing.includes(t[j - 1])) j--;
    return [i, j];
  }

  private push(prefixStart: number, i: number, j: number, fields: CitationFields): void {
    const [a, b] = this.trim(prefixStart < i ? prefixStart : i, j);
    if (b <= a) return;
    // Every caller passes a fresh object: completing it in place is cheaper than copying it.
    const citation = fields as GuidelineCitation;
    citation.text = this.p.text.slice(a, b);
    citation.range = this.range(a, b);
    this.citations.push(citation);
  }

  // ---- MTUS -------------------------------------------------------------------------------------

  private readMtus(prefixStart: number, bodyStart: number, end: number): void {
    const t = this.p.text;
    const body = t.slice(bodyStart, end);
    HEAD.lastIndex = 0;
    const heads: { at: number; nameStart: number; name: string; year: string; after: number }[] = [];
    for (let m = HEAD.exec(body); m; m = HEAD.exec(body)) {
      const nameStart = m.index + m[0].indexOf(m[1]);
      // Only a head at the start, or after a separator, begins a citation: "..., and Knee Complaints 2004".
      if (heads.length === 0 && body.slice(0, nameStart).trim() !== '') break;
      heads.push({ at: m.index, nameStart, name: m[1], year: m[2].replace(/\s/g, ''), after: m.index + m[0].length });
    }
    if (heads.length === 0) {
      this.readMtusPages(prefixStart, bodyStart, end);
      return;
    }
    heads.forEach((h, k) => {
      const cEnd = k + 1 < heads.length ? heads[k + 1].at : body.length;
      const rest = body.slice(h.after, cEnd);
      const sm = /Section\(?s?\)?\s?:\s?/i.exec(rest);
      let sections: string[] | undefined;
      if (sm) {
        const list = trimEndOf(rest.slice(sm.index + sm[0].length), ' .,;');
        sections = splitSections(list);
      }
      const name = h.name;
      const fields: CitationFields = { kind: 'mtus', source: 'MTUS', guideline: name, edition: h.year };
      const chapterNo = ACOEM_CHAPTER_NUMBERS.get(name.toLowerCase());
      if (chapterNo !== undefined) fields.chapter = { number: chapterNo, title: name };
      if (sections && sections.length > 0) fields.sections = sections;
      this.push(k === 0 ? prefixStart : bodyStart + h.nameStart, bodyStart + h.nameStart, bodyStart + cEnd, fields);
    });
  }

  /** The older form: "ACOEM Chapter 12 Low Back Complaints Page(s): 298,Chronic Pain Treatment Guidelines ... Page(s): 98". */
  private readMtusPages(prefixStart: number, bodyStart: number, end: number): void {
    const t = this.p.text;
    const pageRe = /Page\s?\(s\)\s?:\s?([\d\s,\-–]*\d)/gi;
    pageRe.lastIndex = bodyStart;
    let pieceStart = bodyStart;
    let first = true;
    /** A piece runs from pieceStart to pieceEnd; its head (guideline and topic words) ends at headEnd, before "Page(s):". */
    const emit = (headEnd: number, pieceEnd: number, pagesText?: string) => {
      const head = trimEndOf(t.slice(pieceStart, headEnd), ' .,;:');
      if (head.trim() !== '' || pagesText !== undefined) {
        const fields: CitationFields = { kind: 'mtus', source: 'MTUS' };
        describePagesHead(head, fields);
        if (pagesText !== undefined) addPages(pagesText, fields);
        this.push(first ? prefixStart : pieceStart, pieceStart, pieceEnd, fields);
        first = false;
      }
    };
    for (let m = pageRe.exec(t); m && m.index < end; m = pageRe.exec(t)) {
      const pagesText = m[1].replace(/[\s,]+$/, '');
      const pagesEnd = m.index + m[0].length;
      emit(m.index, pagesEnd, pagesText);
      pieceStart = pagesEnd;
      while (pieceStart < end && /[\s,.;]/.test(t[pieceStart])) pieceStart++;
    }
    if (pieceStart < end && t.slice(pieceStart, end).replace(/[\s.,;]/g, '') !== '') emit(end, end);
  }

  // ---- Non-MTUS ---------------------------------------------------------------------------------

  private readNonMtus(prefixStart: number, bodyStart: number, end: number): void {
    const t = this.p.text;
    let s = bodyStart;
    const lead = /^(?:Non\s?-\s?MTUS\s?:\s?)?(?:Alternate guidelines referenced\s?:\s?)?/i.exec(t.slice(s, end));
    if (lead) s += lead[0].length;
    // "<ODG ...> and Other Medical Treatment Guidelines <source>" cites two sources.
    const parts: [number, number][] = [];
    const other = /\s?and Other Medical Treatment Guidelines\s?/gi;
    other.lastIndex = s;
    let partStart = s;
    for (let m = other.exec(t); m && m.index < end; m = other.exec(t)) {
      parts.push([partStart, m.index]);
      partStart = m.index + m[0].length;
    }
    parts.push([partStart, end]);
    let first = true;
    for (const [a, b] of parts) {
      const [i, j] = this.trim(a, b);
      if (j <= i) continue;
      const before = this.citations.length;
      this.readNonMtusSource(first ? prefixStart : i, i, j);
      if (this.citations.length > before) first = false;
    }
  }

  private readNonMtusSource(prefixStart: number, i: number, j: number): void {
    const t = this.p.text;
    const body = t.slice(i, j);
    const urls = this.findUrls(i, j);
    const withoutUrls = urls.reduceRight((s, u) => s.slice(0, u.start - i) + s.slice(u.end - i), body);
    if (urls.length > 0 && withoutUrls.replace(/[\s.,;]|and/g, '') === '') {
      // A list of links: each is its own citation.
      urls.forEach((u, k) => {
        this.push(k === 0 ? prefixStart : u.start, u.start, u.end, {
          kind: 'non-mtus',
          source: 'url',
          url: { value: u.value, text: t.slice(u.start, u.end), range: this.range(u.start, u.end) },
        });
      });
      return;
    }
    const fields: CitationFields = { kind: 'non-mtus', source: 'article' };
    describeNonMtus(body, fields);
    if (urls[0]) fields.url = { value: urls[0].value, text: t.slice(urls[0].start, urls[0].end), range: this.range(urls[0].start, urls[0].end) };
    this.push(prefixStart, i, j, fields);
  }

  /** URLs in [i, j), each joined across the line breaks that split it. */
  private findUrls(i: number, j: number): { start: number; end: number; value: string }[] {
    const t = this.p.text;
    const found: { start: number; end: number; value: string }[] = [];
    const re = /(?:https?:\/\/|www\.)[^\s,;]+/gi;
    re.lastIndex = i;
    for (let m = re.exec(t); m && m.index < j; m = re.exec(t)) {
      let e = Math.min(m.index + m[0].length, j);
      let value = t.slice(m.index, e);
      // A URL broken at a line end goes on with the next line's first word when it ends mid-word
      // ("skilled-" / "nursing-care") or the next word is plainly part of a path.
      while (e < j && t[e] === ' ' && this.p.breakAt(e)) {
        const next = /^[^\s,;]+/.exec(t.slice(e + 1, j));
        if (!next) break;
        const word = next[0];
        const continues = /[-/_=?&]$/.test(value) || /\//.test(word) || /^[a-z0-9-]+\.(?:html?|pdf|aspx?|php)\b/i.test(word);
        if (!continues) break;
        value += word;
        e = e + 1 + word.length;
      }
      const trimmed = value.replace(/[.)]+$/, '');
      e -= value.length - trimmed.length;
      found.push({ start: m.index, end: e, value: trimmed });
      re.lastIndex = e;
    }
    return found;
  }
}

/** A citation being read. The describe functions below add its fields in place, without copying objects, and
 *  in a fixed order (guideline, edition, chapter, sections, pages, url) that JSON output shows. */
type CitationFields = Omit<GuidelineCitation, 'text' | 'range'>;

/** Adds the fields of an old-form MTUS citation from the words before its "Page(s):". */
function describePagesHead(head: string, fields: CitationFields): void {
  const h = head.trim();
  const acoem = /^ACOEM\b\s?(?:Chapter\s?(\d+)\s?)?(.*)$/i.exec(h);
  if (acoem) {
    fields.guideline = 'ACOEM';
    const title = acoem[2].trim();
    if (acoem[1] !== undefined || title) {
      const chapter: GuidelineCitation['chapter'] = {};
      if (acoem[1] !== undefined) chapter.number = Number(acoem[1]);
      if (title) chapter.title = title;
      fields.chapter = chapter;
    }
    return;
  }
  const cp = /^(Chronic Pain (?:Medical )?Treatment Guidelines)\s?(?:\((Effective [^)]*)\))?\s?(.*)$/i.exec(h);
  if (cp) {
    fields.guideline = cp[1];
    if (cp[2]) fields.edition = cp[2];
    const topic = cp[3].replace(/^CHRONIC PAIN MEDICAL TREATMENT GUIDELINES\s?,?\s?/i, '').trim();
    if (topic) fields.sections = [topic];
    return;
  }
  if (h) fields.guideline = h;
}

function addPages(pagesText: string, fields: CitationFields): void {
  fields.pagesText = pagesText;
  const pages = parsePages(pagesText);
  if (pages.length > 0) fields.pages = pages;
}

/** "114-116", "298,", "60, 98", "173-174" → page ranges. */
export function parsePages(text: string): PageRange[] {
  const pages: PageRange[] = [];
  for (const m of text.matchAll(/(\d+)(?:\s?[-–]\s?(\d+))?/g)) {
    const from = Number(m[1]);
    let to = m[2] !== undefined ? Number(m[2]) : from;
    // "1116-18" style abbreviations are not in the corpus, but keep ranges ordered whatever comes.
    if (to < from) to = from;
    pages.push({ from, to });
  }
  return pages;
}

/**
 * Splits "Special Studies, Summary" into topics, keeping commas that belong to one topic
 * ("TENS, chronic pain (...)", "NSAIDs, GI symptoms & cardiovascular risk", "Naproxen (Naprosyn, ...)").
 */
export function splitSections(list: string): string[] {
  const trimmed: string[] = [];
  let depth = 0;
  let pieceStart = 0;
  for (let k = 0; k < list.length; k++) {
    const ch = list.charCodeAt(k);
    if (ch === 40 /* ( */ || ch === 91 /* [ */) depth++;
    else if ((ch === 41 /* ) */ || ch === 93 /* ] */) && depth > 0) depth--;
    else if (ch === 44 /* , */ && depth === 0) {
      trimmed.push(list.slice(pieceStart, k).trim());
      pieceStart = k + 1;
    }
  }
  trimmed.push(list.slice(pieceStart).trim());
  const numbered = /^\d+(?:\.\d+)*\.?\s/.test(trimmed[0] ?? '');
  const out: string[] = [];
  for (const piece of trimmed) {
    if (piece === '') continue;
    const prev = out.length - 1;
    const joins =
      prev >= 0 &&
      (numbered
        ? !/^\d+(?:\.\d+)*\.?\s/.test(piece)
        : /^[a-z&]/.test(piece) || /^GI symptoms\b/.test(piece) || (/\bForearm$/.test(out[prev]) && /^Wrist\b/.test(piece)));
    if (joins) out[prev] += `, ${piece}`;
    else out.push(piece);
  }
  return out.map((s) => trimEndOf(s, ' .'));
}

/** ODG chapter names as letters write them, most specific first. */
const ODG_CHAPTER =
  /^(?:Low\s?Back|Lower Back|Lumbar)(?:\s?(?:-|,|&|and)?\s?(?:Lumbar|Thoracic)(?:\s?(?:&|and)\s?(?:Thoracic|Lumbar))?)?|^Neck\s?(?:and|&)\s?Upper\s?Back|^Neck\b|^Pain\b|^Knee\s?(?:and|&)\s?Leg|^Knee\b|^Shoulder\b|^Elbow\b|^Forearm,?\s?Wrist,?\s?(?:and|&)\s?Hand|^Hand\b|^Hips?\s?(?:and|&)\s?Pelvis|^Head\b|^Carpal Tunnel Syndrome|^Ankle\s?(?:and|&)\s?Foot|^Hernia\b|^Fitness for Duty|^Mental Illness\s?(?:and|&)\s?Stress|^Preface\b|^Chronic Pain\b|^Burns\b|^Eye\b|^Pulmonary\b|^Traumatic Brain Injury/i;

const ODG_CHAPTER_WHOLE = new RegExp(`(?:${ODG_CHAPTER.source})(?:\\s?(?:Chapter|section))?$`, 'i');

/** Adds the fields of a Non-MTUS citation: which body, and for ODG and ACOEM the chapter and topics. */
function describeNonMtus(body: string, fields: CitationFields): void {
  const odg = /^(?:Official Disability Guidelines|ODG)\b(?:\s?\(ODG\))?(?:\s?guidelines)?\s?/i.exec(body);
  if (odg || ODG_CHAPTER.test(body)) {
    fields.source = 'ODG';
    fields.guideline = 'Official Disability Guidelines';
    describeOdg(odg ? body.slice(odg[0].length) : body, fields);
  } else if (/^(?:ACOEM|American College of Occupational and Environmental Medicine)\b/i.test(body)) {
    fields.source = 'ACOEM';
    fields.guideline = 'ACOEM';
    describeAcoem(body, fields);
  } else fields.source = 'article';
}

function describeOdg(rest: string, fields: CitationFields): void {
  let s = rest.replace(/^[\s,:;-]+/, '');
  // A reference glued on after the topics ("... - Manipulation Harris J. Occupational medicine ...") is not a
  // topic. Its initial's ". " is looked for first: the expression would be tried at every space.
  if (s.includes('. ')) s = s.replace(/\s[A-Z][a-z]+\s[A-Z]{1,2}\.\s.*$/, '');
  const editions: string[] = [];
  const take = (re: RegExp) => {
    // Most citations hold none of these: a test spares the costlier replacement with a callback.
    re.lastIndex = 0;
    if (!re.test(s)) return;
    s = s.replace(re, (m) => {
      editions.push(m.replace(/^[\s,]+|[\s,]+$/g, ''));
      return ' ';
    });
  };
  take(/Work Loss Data Institute\s?\([^)]*\)\s?,?/gi);
  take(/\(?updated \d{1,2}\/\d{1,2}\/\d{2,4}\)?/gi);
  take(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/g);
  take(/^\s*20\d\d\s?,/);
  take(/\b(?:Online|Web) (?:Edition|Version)\s?,?/gi);
  take(/\((?:online version|Online Version)\)/gi);
  s = s.replace(/^[\s,:;-]+/, '').replace(/^Chapter\s?:\s?/i, '');
  let chapter: { title: string } | undefined;
  const ch = ODG_CHAPTER.exec(s);
  if (ch) {
    let title = ch[0];
    let r = s.slice(ch[0].length);
    // "(Acute & Chronic)", "(Chronic)", "(trauma, headaches, ...)", "Chapter", "section" belong to the chapter name.
    for (;;) {
      const tail = /^\s?(?:\((?:Acute|Chronic|Thoracic|trauma)[^)]*\)|(?:Chapter|chapters?|section|Procedures?(?: Summary)?)\b)/i.exec(r);
      if (!tail) break;
      title += tail[0];
      r = r.slice(tail[0].length);
    }
    chapter = { title: title.trim() };
    s = r.replace(/^[\s/]+/, '');
  }
  const sections = splitOdgTopics(s);
  if (editions.length > 0) fields.edition = editions.join(', ');
  if (chapter) fields.chapter = chapter;
  if (sections.length > 0) fields.sections = sections;
}

function splitOdgTopics(s: string, splitAnd = true): string[] {
  const pieces: { text: string; sep: string }[] = [];
  let depth = 0;
  let pieceStart = 0;
  let sep = '';
  for (let k = 0; k < s.length; k++) {
    const ch = s[k];
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    let cut = '';
    if (depth === 0) {
      if (ch === ',' || ch === ';' || ch === ':' || ch === '–') cut = ch;
      else if (ch === '-' && s[k - 1] === ' ' && s[k + 1] === ' ') cut = ch;
      else if (ch === '.' && s[k + 1] === ' ' && isUpperAscii(s.charCodeAt(k + 2))) cut = ch;
      // "Knee/DME", "Low Back chapter/ x-ray": a slash after a chapter name, or with a space beside it, separates.
      else if (ch === '/' && (s[k - 1] === ' ' || s[k + 1] === ' ' || ODG_CHAPTER_WHOLE.test(s.slice(pieceStart, k).trim()))) cut = ch;
    }
    if (cut) {
      pieces.push({ text: s.slice(pieceStart, k), sep });
      pieceStart = k + 1;
      sep = cut;
    }
  }
  pieces.push({ text: s.slice(pieceStart), sep });
  const out: string[] = [];
  for (const { text, sep: before } of pieces) {
    let p = text.replace(/^\s*(?:ODG|Official Disability Guidelines(?:\s?\(ODG\))?)\s?/i, '');
    p = trimEndOf(trimStartOf(p, ' ./-'), ' .');
    if (/^\([^()]*(?:\([^()]*\)[^()]*)*\)$/.test(p)) p = p.slice(1, -1).trim();
    if (p === '' || /^(?:chapter|section|subheading|topic|guidelines)$/i.test(p)) continue;
    // "Opioids, specific drug list", "Preoperative testing, general": a lower-case piece after a comma goes on the topic.
    if (out.length > 0 && ((before === ',' && /^[a-z]/.test(p)) || (/\bForearm$/.test(out[out.length - 1]) && /^Wrist\b/.test(p)))) {
      out[out.length - 1] += `, ${p}`;
      continue;
    }
    // "Preoperative lab testing and Preoperative testing, general" names two topics; "Knee and Leg" is one chapter.
    const both = !splitAnd || !p.includes(' and ') || ODG_CHAPTER_WHOLE.test(p) ? [p] : p.split(/\sand\s(?=[A-Z])/);
    for (const q of both) {
      const r = q.replace(/^(?:ODG|Official Disability Guidelines)\s/i, '').trim();
      if (r !== '') out.push(r);
    }
  }
  return out;
}

function describeAcoem(body: string, fields: CitationFields): void {
  const edition = /\b(3rd|Third|2nd|Second)\s?(?:edition|ed\.?)/i.exec(body);
  let s = body
    .replace(/^(?:ACOEM|American College of Occupational and Environmental Medicine)(?:\s?\(ACOEM\))?\s?:?\s?/i, '')
    .replace(/^(?:Occupational Medicine )?Practice Guidelines\s?,?\s?|^Guidelines\s?,?\s?/i, '');
  if (edition) s = s.replace(edition[0], '');
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
  const parts = splitOdgTopics(s, false);
  if (painChapter) parts.unshift(chapter?.title ?? '');
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

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}
