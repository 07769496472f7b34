// MTUS citations: "<guideline> <year>, Section(s): <topics>" and the older "ACOEM Chapter 12 ... Page(s): 298".
import type { GuidelineCitation, PageRange } from '../../model';
import { trimEndOf } from '../../text/collapse';
import { endsWithWord, isDigit, isJsSpace, isLowerAscii, startsWithWord, trimStartIndex } from '../../text/chars';
import type { CitationFields } from './fields';

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
  'Stress-Related Conditions',
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
  ['stress-related conditions', 15],
  ['eye', 16],
]);

/** The ACOEM chapter number of an MTUS guideline name, in any case. */
export function acoemChapterNumber(name: string): number | undefined {
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

/** An MTUS guideline head of a citation: where it (with its separator) and its name start, and where it ends. */
export interface MtusHead {
  at: number;
  nameStart: number;
  name: string;
  year: string;
  after: number;
}

export function findMtusHeads(body: string): MtusHead[] {
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
export function readSectionList(rest: string): string[] | undefined {
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

/** Adds the fields of an old-form MTUS citation from the words before its "Page(s):". */
export function describePagesHead(head: string, fields: CitationFields): void {
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

export function addPages(pagesText: string, fields: CitationFields): void {
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
