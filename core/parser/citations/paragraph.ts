// Reads the guideline citations and the basis statements out of a guideline paragraph's text.
// The kinds of citation are read in mtus.ts and nonMtus.ts (odg.ts, acoem.ts); this module finds where each
// citation and statement is, and gives each its exact range.
import type { CitationStatement, CitationStatementKind, GuidelineCitation } from '../../model';
import { CollapsedText, trimEndOf } from '../../text/collapse';
import { trimStartIndex } from '../../text/chars';
import type { LineIndex } from '../../text/lines';
import type { CitationFields } from './fields';
import { acoemChapterNumber, addPages, describePagesHead, findMtusHeads, readSectionList } from './mtus';
import { describeNonMtus, namesGuideline, odgChapterOf } from './nonMtus';
import { laterOdgChapters, mayNameSeveralOdgChapters } from './odg';
import { gluedReferenceStarts } from './references';

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

const DECISION_BASED = String.raw`Decision\s?based\s?on\s?(?:(MTUS)\b|(Non\s?-\s?MTUS)(?:\s?Citation)?)\s?`;

/** The words that may open a Non-MTUS citation's body before its source: "Non-MTUS:", "Alternate guidelines referenced:". */
const NON_MTUS_LEAD = String.raw`(?:Non\s?-\s?MTUS\s?:\s?)?(?:Alternate guidelines referenced\s?:\s?)?`;
const NON_MTUS_LEAD_RE = new RegExp(`^${NON_MTUS_LEAD}`, 'i');
const CITATION_LEAD_RE = new RegExp(`^(?:${DECISION_BASED})?${NON_MTUS_LEAD}`, 'i');

/** A citation's text without the words that introduce its source ("Decision based on Non-MTUS Citation", "Non-MTUS:"). */
export function citationSourceText(text: string): string {
  return text.replace(CITATION_LEAD_RE, '');
}

/** A citation's text with its link as the link reads, not as the page broke it ("...skilled- nursing-care"). */
export function citationTextWithLink(c: GuidelineCitation): string {
  return c.url && c.url.text !== c.url.value ? c.text.replace(c.url.text, c.url.value) : c.text;
}

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
  {
    kind: 'not-based-on-mtus',
    literal: 'did not base',
    reach: 46,
    re: /(?:The\s)?[A-Z][A-Za-z ]{0,40}?\sdid not base (?:their|its|his\/her|his or her|his|her) (?:decision|determination) on the MTUS(?: Guidelines)?\.?/g,
  },
  {
    kind: 'outside-mtus',
    literal: 'outside',
    // "The " + a capital + 40 letters + " based his or her determination on recommendations(s) ".
    reach: 99,
    re: /(?:The\s)?[A-Z][A-Za-z ]{0,40}?\sbased (?:their|its|his\/her|his or her|his|her) (?:decision|determination) on recommendations?(?:\(s\))? outside (?:of )?the MTUS(?: Guidelines)?\.?/g,
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
    // In document order, walked once alongside the heads (which are in document order too).
    const statementStarts = literals ? this.readStatements(t, literals).sort((a, b) => a - b) : [];
    let nextStatement = 0;
    for (let k = 0; k < heads.length; k++) {
      const h = heads[k];
      let segEnd = k + 1 < heads.length ? heads[k + 1].index : t.length;
      // A statement after a citation ("... Decompression-Traction. The Expert Reviewer did not ...") ends it.
      while (nextStatement < statementStarts.length && statementStarts[nextStatement] <= h.bodyStart) nextStatement++;
      if (nextStatement < statementStarts.length && statementStarts[nextStatement] < segEnd) segEnd = statementStarts[nextStatement];
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
      const lead = NON_MTUS_LEAD_RE.exec(t.slice(s, end));
      if (lead) s += lead[0].length;
    }
    // "<ODG ...> and Other Medical Treatment Guidelines <source>" and "ACOEM guidelines and the Official Disability
    // Guidelines" cite two sources.
    // Searched within this citation only (a slice costs no copy): searching on to the paragraph's end for every
    // citation made a paragraph of many citations quadratic.
    const body = t.slice(s, end);
    const parts: number[] = [];
    const other = body.includes('and the Official Disability Guidelines') ? OTHER_SOURCE_OR_ODG : OTHER_SOURCE;
    other.lastIndex = 0;
    let partStart = s;
    for (let m = other.exec(body); m; m = other.exec(body)) {
      parts.push(partStart, s + m.index);
      partStart = s + m.index + m[0].length;
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

  private readNonMtusSource(prefixStart: number, i: number, j: number, whole = true): void {
    const t = this.p.text;
    const body = t.slice(i, j);
    // A reference glued on with no separator ("... - Manipulation Harris J. Occupational medicine ...",
    // "..., accessed 02/18/2017, Benditt D, et al. ...") is a citation of its own.
    const glued = whole ? gluedReferenceStarts(body, namesGuideline) : [];
    if (glued.length > 0) {
      let from = i;
      for (const start of [...glued.map((g) => i + g), j]) {
        const a = trimStartIndex(t, from, start);
        const b = trimPunctuationEnd(t, a, start);
        if (b > a) this.readNonMtusSource(from === i ? prefixStart : a, a, b, false);
        from = start;
      }
      return;
    }
    const urls = mayHoldUrl(t, i, j) ? this.findUrls(i, j) : [];
    if (urls.length > 0 && textAround(t, i, j, urls).replace(/[\s.,;]|and/g, '') === '') {
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
      // A chapter joined to the next by "and" or "&" ends before it.
      const to = k + 1 < starts.length ? from + t.slice(from, i + chapters[k]).replace(/\s(?:and|&)\s*$/i, '').length : j;
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
    // Within [i, j) only, as above: a match is cut at j anyway.
    const span = t.slice(i, j);
    for (let m = re.exec(span); m; m = re.exec(span)) {
      const at = i + m.index;
      let e = at + m[0].length;
      let value = t.slice(at, e);
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
      found.push({ start: at, end: e, value: trimmed });
      re.lastIndex = e - i;
    }
    return found;
  }
}

/**
 * Whether a URL (what findUrls's expression matches) may start in [i, j) of `t`: "://" close enough after, or
 * "www." in any case. Most citations have none, and the expression would scan the paragraph to its end.
 */
function mayHoldUrl(t: string, i: number, j: number): boolean {
  // "://" starting before j + 5, looked for no further (a search to the text's end for every citation is quadratic).
  if (t.slice(i, j + 7).includes('://')) return true;
  // A "." with three w's before it, from i + 3 to before j + 3; the searches stop there.
  const near = t.slice(0, j + 3);
  for (let d = near.indexOf('.', i + 3); d !== -1; d = near.indexOf('.', d + 1)) {
    if (isW(t.charCodeAt(d - 1)) && isW(t.charCodeAt(d - 2)) && isW(t.charCodeAt(d - 3))) return true;
  }
  return false;
}

function isW(c: number): boolean {
  return (c | 32) === 119;
}

/** The text of t[i, j) around the spans (in order, not overlapping), joined: built once, not span by span. */
function textAround(t: string, i: number, j: number, spans: readonly { start: number; end: number }[]): string {
  const pieces: string[] = [];
  let from = i;
  for (const span of spans) {
    pieces.push(t.slice(from, span.start));
    from = span.end;
  }
  pieces.push(t.slice(from, j));
  return pieces.join('');
}

/** [i, j) of `t` without its trailing spaces and punctuation (" .,;:"): the new end. */
function trimPunctuationEnd(t: string, i: number, j: number): number {
  for (; j > i; j--) {
    const c = t.charCodeAt(j - 1);
    if (c !== 32 && c !== 46 && c !== 44 && c !== 59 && c !== 58) break;
  }
  return j;
}
