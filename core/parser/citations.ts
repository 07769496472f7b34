// Reads the guideline citations and the basis statements out of a guideline paragraph's text.
import type { CitationStatement, CitationStatementKind, GuidelineCitation, PageRange } from '../model';
import { CollapsedText, trimEndOf, trimStartOf } from '../text/collapse';
import { isJsSpace, isWordChar, trimStartIndex } from '../text/chars';
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

/** The ACOEM chapter number of an MTUS guideline name, in any case. */
function acoemChapterNumber(name: string): number | undefined {
  // Looking a fresh string up in a map hashes it, and lower-casing it costs more still: the names are compared
  // as MTUS_NAMES writes them, and other names are lower-cased only when their initial and length may fit.
  if (!ACOEM_CHAPTER_INITIALS.includes(name.charCodeAt(0) | 32)) return undefined;
  for (const [title, number] of ACOEM_CHAPTER_TITLES) if (name === title) return number;
  if (!ACOEM_CHAPTER_LENGTHS.includes(name.length)) return undefined;
  return ACOEM_CHAPTER_NUMBERS.get(name.toLowerCase());
}

const ACOEM_CHAPTER_TITLES: [string, number][] = MTUS_NAMES.filter((n) => ACOEM_CHAPTER_NUMBERS.has(n.toLowerCase())).map((n) => [
  n,
  ACOEM_CHAPTER_NUMBERS.get(n.toLowerCase()) ?? 0,
]);
const ACOEM_CHAPTER_INITIALS = [...ACOEM_CHAPTER_NUMBERS.keys()].map((k) => k.charCodeAt(0));
const ACOEM_CHAPTER_LENGTHS = [...ACOEM_CHAPTER_NUMBERS.keys()].map((k) => k.length);

const YEAR = String.raw`2\s?0\s?\d\s?\d`;
const KNOWN_HEAD = MTUS_NAMES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')).join('|');
/** A guideline head: a known name, or any capitalised phrase, followed by a year (and maybe "Guidelines"). */
const HEAD = new RegExp(
  String.raw`(?:^|,?\s(?:and\s)?)((?:${KNOWN_HEAD})|[A-Z][A-Za-z&/'-]*(?:\s[A-Za-z&/'-]+){0,6}?)\s(${YEAR})(\sGuidelines)?(?=\s?[.,]|\s?$|\sand\s|\sSection)`,
  'g',
);

const DECISION_BASED = String.raw`Decision\s?based\s?on\s?(?:(MTUS)\b|(Non\s?-\s?MTUS)(?:\s?Citation)?)\s?`;

// Each expression is run only near its `literal`, a phrase every match contains: `reach` is the farthest a match can
// start before it. This spares the expressions' slow scan of the whole paragraph.
const STATEMENTS: { kind: CitationStatementKind; literal: string; reach: number; re: RegExp }[] = [
  {
    kind: 'no-medical-evidence',
    literal: 'did not cite',
    // "The " + a capital + 40 letters + " ".
    reach: 46,
    re: /(?:The\s)?[A-Z][A-Za-z ]{0,40}?\sdid not cite any medical evidence(?:\s(?:for|in)\s(?:its|their|the)\s(?:decision|determination))?\.?/g,
  },
  { kind: 'not-based-on-mtus', literal: 'did not base', reach: 46, re: /(?:The\s)?[A-Z][A-Za-z ]{0,40}?\sdid not base (?:their|its|his|her) (?:decision|determination) on the MTUS(?: Guidelines)?\.?/g },
  {
    kind: 'outside-mtus',
    literal: 'outside',
    // "The " + a capital + 40 letters + " based their determination on recommendations(s) ".
    reach: 94,
    re: /(?:The\s)?[A-Z][A-Za-z ]{0,40}?\sbased (?:their|its|his|her) (?:decision|determination) on recommendations?(?:\(s\))? outside (?:of )?the MTUS(?: Guidelines)?\.?/g,
  },
];

/**
 * One scan finds both the "Decision based on MTUS / Non-MTUS Citation" heads and the statements' literals, whose
 * case is checked apart (the heads' is free). A literal is stepped over by one character only: the "de" of
 * "outside" may start a head. No literal can start inside a head.
 */
const PHRASES = new RegExp(`${STATEMENTS.map((s) => s.literal).join('|')}|${DECISION_BASED}`, 'gi');

/** The index in STATEMENTS of the statement whose literal is `text` (in its case), or -1. */
function statementOfLiteral(text: string): number {
  for (let k = 0; k < STATEMENTS.length; k++) if (STATEMENTS[k].literal === text) return k;
  return -1;
}

// What joins two sources in one Non-MTUS citation; the second form only where the text holds it (it is rare, and
// the first is a plain literal that the search finds fastest).
const OTHER_SOURCE = /\s?and Other Medical Treatment Guidelines\s?/gi;
const OTHER_SOURCE_OR_ODG = /\s?and (?:Other Medical Treatment Guidelines\s?|the (?=Official Disability Guidelines\b))/gi;

class ParagraphReader {
  private readonly citations: GuidelineCitation[] = [];
  private readonly statements: CitationStatement[] = [];

  constructor(private readonly p: CollapsedText) {}

  read(): ParsedCitations {
    const t = this.p.text;
    const heads: { index: number; bodyStart: number; mtus: boolean }[] = [];
    let literals: number[][] | undefined;
    PHRASES.lastIndex = 0;
    for (let m = PHRASES.exec(t); m; m = PHRASES.exec(t)) {
      if (m[1] !== undefined || m[2] !== undefined) {
        heads.push({ index: m.index, bodyStart: m.index + m[0].length, mtus: m[1] !== undefined });
        continue;
      }
      const k = statementOfLiteral(m[0]);
      if (k !== -1) (literals ??= [[], [], []])[k].push(m.index);
      PHRASES.lastIndex = m.index + 1;
    }
    const statementStarts = literals ? this.readStatements(t, literals) : [];
    for (let k = 0; k < heads.length; k++) {
      const h = heads[k];
      let segEnd = k + 1 < heads.length ? heads[k + 1].index : t.length;
      // A statement after a citation ("... Decompression-Traction. The Expert Reviewer did not ...") ends it.
      for (const s of statementStarts) if (s > h.bodyStart && s < segEnd) segEnd = s;
      if (h.mtus) this.readMtus(h.index, h.bodyStart, segEnd);
      else this.readNonMtus(h.index, h.bodyStart, segEnd);
    }
    return { citations: this.citations, statements: this.statements };
  }

  /**
   * Reads the basis statements, in reading order, from where their literals are (`literals[k]` for STATEMENTS[k]);
   * returns where each starts (in the order read).
   */
  private readStatements(t: string, literals: number[][]): number[] {
    const starts: number[] = [];
    for (let k = 0; k < STATEMENTS.length; k++) {
      const { kind, reach, re } = STATEMENTS[k];
      let from = 0;
      for (const at of literals[k]) {
        if (at < from) continue;
        re.lastIndex = Math.max(from, at - reach);
        const m = re.exec(t);
        if (!m) break;
        from = m.index + m[0].length;
        starts.push(m.index);
        this.statements.push({ kind, text: m[0], range: this.range(m.index, from) });
      }
    }
    if (this.statements.length > 1) {
      // Collapsed order is document order; the sort is stable, as the one on ranges was.
      const byStart = this.statements.map((statement, k) => ({ statement, at: starts[k] }));
      byStart.sort((a, b) => a.at - b.at);
      for (let k = 0; k < byStart.length; k++) this.statements[k] = byStart[k].statement;
    }
    return starts;
  }

  private range(i: number, j: number) {
    return this.p.range(i, j);
  }

  private push(prefixStart: number, i: number, j: number, fields: CitationFields): void {
    const t = this.p.text;
    const a = trimStartIndex(t, prefixStart < i ? prefixStart : i, j);
    const b = trimPunctuationEnd(t, a, j);
    if (b <= a) return;
    // Every caller passes a fresh object: completing it in place is cheaper than copying it.
    const citation = fields as GuidelineCitation;
    citation.text = t.slice(a, b);
    citation.range = this.range(a, b);
    this.citations.push(citation);
  }

  // ---- MTUS -------------------------------------------------------------------------------------

  private readMtus(prefixStart: number, bodyStart: number, end: number): void {
    const body = this.p.text.slice(bodyStart, end);
    const heads = findMtusHeads(body);
    if (heads.length === 0) {
      this.readMtusPages(prefixStart, bodyStart, end);
      return;
    }
    for (let k = 0; k < heads.length; k++) {
      const h = heads[k];
      const cEnd = k + 1 < heads.length ? heads[k + 1].at : body.length;
      const sections = readSectionList(body.slice(h.after, cEnd));
      const name = h.name;
      const fields: CitationFields = { kind: 'mtus', source: 'MTUS', guideline: name, edition: h.year };
      const chapterNo = acoemChapterNumber(name);
      if (chapterNo !== undefined) fields.chapter = { number: chapterNo, title: name };
      if (sections && sections.length > 0) fields.sections = sections;
      this.push(k === 0 ? prefixStart : bodyStart + h.nameStart, bodyStart + h.nameStart, bodyStart + cEnd, fields);
    }
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
    // The lead words start with "N" or "A"; without them the expression only matches the empty string.
    const c = t.charCodeAt(s) | 32;
    if (c === 110 /* n */ || c === 97 /* a */) {
      const lead = /^(?:Non\s?-\s?MTUS\s?:\s?)?(?:Alternate guidelines referenced\s?:\s?)?/i.exec(t.slice(s, end));
      if (lead) s += lead[0].length;
    }
    // "<ODG ...> and Other Medical Treatment Guidelines <source>" and "ACOEM guidelines and the Official Disability
    // Guidelines" cite two sources.
    const parts: number[] = [];
    const other = t.includes('and the Official Disability Guidelines', s) ? OTHER_SOURCE_OR_ODG : OTHER_SOURCE;
    other.lastIndex = s;
    let partStart = s;
    for (let m = other.exec(t); m && m.index < end; m = other.exec(t)) {
      parts.push(partStart, m.index);
      partStart = m.index + m[0].length;
    }
    parts.push(partStart, end);
    let first = true;
    for (let k = 0; k < parts.length; k += 2) {
      const i = trimStartIndex(t, parts[k], parts[k + 1]);
      const j = trimPunctuationEnd(t, i, parts[k + 1]);
      if (j <= i) continue;
      const before = this.citations.length;
      this.readNonMtusSource(first ? prefixStart : i, i, j);
      if (this.citations.length > before) first = false;
    }
  }

  private readNonMtusSource(prefixStart: number, i: number, j: number): void {
    const t = this.p.text;
    const body = t.slice(i, j);
    const urls = mayHoldUrl(t, i, j) ? this.findUrls(i, j) : [];
    if (urls.length > 0 && urls.reduceRight((s, u) => s.slice(0, u.start - i) + s.slice(u.end - i), body).replace(/[\s.,;]|and/g, '') === '') {
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
    // "ODG Shoulder Chapter, Hand Chapter", "Low back, Manipulation; Neck and Upper back, Manipulation": one
    // citation per chapter, each with its own topics. A later chapter first shows up as a topic that is a
    // chapter's name, which almost no citation has: only then is the body looked at again.
    if (fields.sections !== undefined && urls.length === 0 && mayNameSeveralOdgChapters(fields)) this.pushOdgChapters(prefixStart, i, j, fields);
    else this.push(prefixStart, i, j, fields);
  }

  /** Pushes an ODG citation whose body (t[i, j)) may name several chapters, one citation per chapter. */
  private pushOdgChapters(prefixStart: number, i: number, j: number, fields: CitationFields): void {
    const t = this.p.text;
    const body = t.slice(i, j);
    let chapters = laterOdgChapters(body, fields.chapter?.title ?? '');
    // The first piece must hold a chapter of its own ("ODG (Official Disability Guidelines), Shoulder Chapter, ...").
    while (chapters.length > 0 && !odgChapterOf(body.slice(0, chapters[0]))) chapters = chapters.slice(1);
    if (chapters.length === 0) {
      this.push(prefixStart, i, j, fields);
      return;
    }
    const starts = [0, ...chapters];
    for (let k = 0; k < starts.length; k++) {
      const from = i + starts[k];
      const to = k + 1 < starts.length ? i + chapters[k] : j;
      const segment: CitationFields = { kind: 'non-mtus', source: 'article' };
      describeNonMtus(t.slice(from, to), segment);
      this.push(k === 0 ? prefixStart : from, from, to, segment);
    }
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

/** An MTUS guideline head of a citation: where it (with its separator) and its name start, and where it ends. */
interface MtusHead {
  at: number;
  nameStart: number;
  name: string;
  year: string;
  after: number;
}

function findMtusHeads(body: string): MtusHead[] {
  const heads: MtusHead[] = [];
  HEAD.lastIndex = 0;
  // Every head holds a year: where none follows, the expression's scan of the section list can only fail.
  while (holdsYear(body, HEAD.lastIndex)) {
    const m = HEAD.exec(body);
    if (!m) break;
    // The match is the separator, the name, a space, the year and maybe " Guidelines".
    const nameStart = m.index + m[0].length - (m[3]?.length ?? 0) - m[2].length - 1 - m[1].length;
    // Only a head at the start, or after a separator, begins a citation: "..., and Knee Complaints 2004".
    if (heads.length === 0 && trimStartIndex(body, 0, nameStart) < nameStart) break;
    const year = m[2].length === 4 ? m[2] : m[2].replace(/\s/g, '');
    heads.push({ at: m.index, nameStart, name: m[1], year, after: m.index + m[0].length });
  }
  return heads;
}

/** The sections after "Section(s):" in the rest of an MTUS citation, if it has that label. */
function readSectionList(rest: string): string[] | undefined {
  if (!rest.includes(':')) return undefined;
  const sm = /Section\(?s?\)?\s?:\s?/i.exec(rest);
  if (!sm) return undefined;
  return splitSections(trimEndOf(rest.slice(sm.index + sm[0].length), ' .,;'));
}

/** Whether `s` holds, at or after `from`, what YEAR matches: "2016", "2 016", "20 1 6"... */
function holdsYear(s: string, from: number): boolean {
  for (let i = s.indexOf('2', from); i !== -1; i = s.indexOf('2', i + 1)) {
    let k = i + 1;
    let digits = 0;
    for (; digits < 3; digits++) {
      if (isJsSpace(s.charCodeAt(k))) k++;
      const c = s.charCodeAt(k);
      if (digits === 0 ? c !== 48 /* 0 */ : !isDigit(c)) break;
      k++;
    }
    if (digits === 3) return true;
  }
  return false;
}

/**
 * Whether a URL (what findUrls's expression matches) may start in [i, j) of `t`: "://" close enough after, or
 * "www." in any case. Most citations have none, and the expression would scan the paragraph to its end.
 */
function mayHoldUrl(t: string, i: number, j: number): boolean {
  const scheme = t.indexOf('://', i);
  if (scheme !== -1 && scheme < j + 5) return true;
  for (let d = t.indexOf('.', i + 3); d !== -1 && d < j + 3; d = t.indexOf('.', d + 1)) {
    if (isW(t.charCodeAt(d - 1)) && isW(t.charCodeAt(d - 2)) && isW(t.charCodeAt(d - 3))) return true;
  }
  return false;
}

function isW(c: number): boolean {
  return (c | 32) === 119;
}

/** [i, j) of `t` without its trailing spaces and punctuation (" .,;:"): the new end. */
function trimPunctuationEnd(t: string, i: number, j: number): number {
  for (; j > i; j--) {
    const c = t.charCodeAt(j - 1);
    if (c !== 32 && c !== 46 && c !== 44 && c !== 59 && c !== 58) break;
  }
  return j;
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
  // Most lists are one section.
  if (!list.includes(',')) {
    const section = list.trim();
    return section === '' ? [] : [trimEndOf(section, ' .')];
  }
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
  const numbered = startsNumbered(trimmed[0]);
  const out: string[] = [];
  for (const piece of trimmed) {
    if (piece === '') continue;
    const prev = out.length - 1;
    const joins =
      prev >= 0 &&
      (numbered
        ? !startsNumbered(piece)
        : startsLowerOrAmpersand(piece) || startsWithWord(piece, 'GI symptoms') || (endsWithWord(out[prev], 'Forearm') && startsWithWord(piece, 'Wrist')));
    if (joins) out[prev] += `, ${piece}`;
    else out.push(piece);
  }
  for (let k = 0; k < out.length; k++) out[k] = trimEndOf(out[k], ' .');
  return out;
}

const NUMBERED = /^\d+(?:\.\d+)*\.?\s/;

/** Whether a section starts with its number: "1.2 Opioids ...", "3. Tapering". */
function startsNumbered(s: string): boolean {
  return isDigit(s.charCodeAt(0)) && NUMBERED.test(s);
}

function startsLowerOrAmpersand(s: string): boolean {
  const c = s.charCodeAt(0);
  return isLowerAscii(c) || c === 38;
}

/** `/^word\b/.test(s)`. */
function startsWithWord(s: string, word: string): boolean {
  return s.startsWith(word) && (s.length === word.length || !isWordChar(s.charCodeAt(word.length)));
}

/** `/\bword$/.test(s)`. */
function endsWithWord(s: string, word: string): boolean {
  const before = s.length - word.length - 1;
  return s.endsWith(word) && (before < 0 || !isWordChar(s.charCodeAt(before)));
}

/** ODG chapter names as letters write them, most specific first. */
const ODG_CHAPTER =
  /^(?:Low\s?Back|Lower Back|Lumbar)(?:\s?(?:-|,|&|and)?\s?(?:Lumbar|Thoracic)(?:\s?(?:&|and)\s?(?:Thoracic|Lumbar))?)?|^Neck\s?(?:and|&)\s?Upper\s?Back|^Neck\b|^Pain\b|^Knee\s?(?:and|&)\s?Leg|^Knee\b|^Shoulder\b|^Elbow\b|^Forearm,?\s?Wrist,?\s?(?:and|&)\s?Hand|^Hand\b|^Hips?\s?(?:and|&)\s?Pelvis|^Head\b|^Carpal Tunnel Syndrome|^Ankle\s?(?:and|&)\s?Foot|^Hernia\b|^Fitness for Duty|^Mental Illness\s?(?:and|&)\s?Stress|^Preface\b|^Chronic Pain\b|^Burns\b|^Eye\b|^Pulmonary\b|^Traumatic Brain Injury/i;

const ODG_CHAPTER_WHOLE = new RegExp(`(?:${ODG_CHAPTER.source})(?:\\s?(?:Chapter|section))?$`, 'i');

/** Whether an ODG citation may name several chapters: one of its topics is a chapter's name. */
function mayNameSeveralOdgChapters(fields: CitationFields): boolean {
  return fields.source === 'ODG' && fields.chapter !== undefined && fields.sections !== undefined && fields.sections.some((topic) => ODG_CHAPTER_WHOLE.test(topic));
}

/** What may follow an ODG chapter name and belongs to it: "(Acute & Chronic)", "(Chronic)", "Chapter", "section"... */
const ODG_CHAPTER_TAIL = /\s?(?:\((?:Acute|Chronic|Thoracic|trauma)[^)]*\)|(?:Chapter|chapters?|section|Procedures?(?: Summary)?)\b)/iy;

const ODG_NAME = /^(?:Official Disability Guidelines|ODG)\b(?:\s?\(ODG\))?(?:\s?guidelines)?\s?/i;

/** Adds the fields of a Non-MTUS citation: which body, and for ODG and ACOEM the chapter and topics. */
function describeNonMtus(body: string, fields: CitationFields): void {
  const initial = body.length > 0 ? body.charCodeAt(0) | 32 : 0;
  const odg = initial === 111 /* o */ ? ODG_NAME.exec(body) : null;
  if (odg || ODG_CHAPTER.test(body)) {
    fields.source = 'ODG';
    fields.guideline = 'Official Disability Guidelines';
    describeOdg(odg ? body.slice(odg[0].length) : body, fields);
  } else if (initial === 97 /* a */ && /^(?:ACOEM|American College of Occupational and Environmental Medicine)\b/i.test(body)) {
    fields.source = 'ACOEM';
    fields.guideline = 'ACOEM';
    describeAcoem(body, fields);
  } else fields.source = 'article';
}

// A phrase every edition take() below needs: most citations have none, and the six expressions are spared.
const EDITION_HINT = /work loss data institute|\d\/\d|^\s*20\d\d|online |web /i;

function describeOdg(rest: string, fields: CitationFields): void {
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

/** The chapter an ODG citation's text names first, if any. */
function odgChapterOf(text: string): { title?: string } | undefined {
  const fields: CitationFields = { kind: 'non-mtus', source: 'article' };
  describeNonMtus(text, fields);
  return fields.source === 'ODG' ? fields.chapter : undefined;
}

/**
 * Where a later ODG chapter starts in a citation's body that opens with one (whose title is `first`): after a
 * ",", ";" or "/" (outside brackets), a chapter name that fills the piece up to the next such separator, with its
 * tail ("Chapter", "(Acute & Chronic)", "(updated 11/23/16)"). A one-word name ("Hand", "Pain") counts only with
 * a tail: alone it may be a topic.
 */
function laterOdgChapters(body: string, first: string): number[] {
  const found: number[] = [];
  // Nothing inside the first chapter's name starts another ("Low Back, Lumbar & Thoracic" is one chapter).
  const firstAt = body.indexOf(first);
  let depth = 0;
  for (let k = firstAt >= 0 ? firstAt + first.length : 0; k < body.length; k++) {
    const ch = body.charCodeAt(k);
    if (ch === 40 /* ( */) depth++;
    else if (ch === 41 /* ) */ && depth > 0) depth--;
    if (depth > 0 || !(ch === 44 /* , */ || ch === 59 /* ; */ || ch === 47 /* / */)) continue;
    const start = skipOdgLead(body, k + 1);
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
  s = take(s, /^\s*20\d\d\s?,/, editions);
  s = take(s, /\b(?:Online|Web) (?:Edition|Version)\s?,?/gi, editions);
  return take(s, /\((?:online version|Online Version)\)/gi, editions);
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

function splitOdgTopics(s: string, splitAnd = true): string[] {
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
  const r = (q.length > 0 && (q.charCodeAt(0) | 32) === 111 /* o */ ? q.replace(/^(?:ODG|Official Disability Guidelines)\s/i, '') : q).trim();
  if (r !== '') out.push(r);
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

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

