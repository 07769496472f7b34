// Resolves a parsed guideline citation to knowledge-base entries: by section or topic, by section number, by page, by chapter.
import type { GuidelineCitation, PageRange } from '../model';
import { entries as allEntries, entriesOf, entryById, guidelineInfo, guidelines } from './data';
import { similarity } from './match';
import { citationTextWithLink } from '../parser/citations/paragraph';
import { bestMatch, cachedPool } from './bestMatch';
import { isAnyBodyPart, isOdgChapterName, odgChapterKey } from './odgChapters';
import type { GuidelineEdition, GuidelineId, GuidelineInfo, KnowledgeEntry } from './types';

export interface CitationContext {
  /** The letter's decision date (ISO), to choose the MTUS regime in force. */
  letterDate?: string;
  /** Computed by the server over the letters of the folder: how many items cite this, and how many of those were upheld. */
  folderStats?: { citedBy: number; upheld: number; overturned: number };
  /** Letters of the folder not read yet (PDFs read in the background), which the figures leave out. */
  unreadLetters?: number;
  /** The service the citation's item decides: for a citation naming no section, the hover offers its entry. */
  service?: string;
  /** The item's citations in its two guideline paragraphs: the entry offered for the service may be cited there. */
  itemCitations?: readonly { citation: GuidelineCitation; paragraph: string }[];
}

export type ResolutionStatus = 'resolved' | 'external' | 'unresolved';

export interface EntryMatch {
  /** What the letter cites: a section, a page list, a chapter or the guideline itself. */
  cited: string;
  entry: KnowledgeEntry;
  via: 'section' | 'section-number' | 'page' | 'chapter' | 'guideline';
}

export interface PageMismatch {
  /** 'chapter': the pages lie outside the cited chapter; 'topic': outside the cited topic's pages; 'guideline': past the guideline's last page. */
  kind: 'chapter' | 'topic' | 'guideline';
  pages: PageRange[];
  message: string;
  /** Where the pages really are, when known. */
  foundIn?: { number?: number; title: string; pages?: PageRange };
}

export interface Resolution {
  status: ResolutionStatus;
  guideline?: GuidelineInfo;
  /** The edition the citation names, or the one in force at the letter's date. */
  edition?: GuidelineEdition;
  /** The distinct entries found, in citation order. */
  entries: KnowledgeEntry[];
  matches: EntryMatch[];
  /** Sections (or the whole citation) that no entry matches. */
  unresolved: string[];
  pageMismatch?: PageMismatch;
  /** For articles and links: what was cited. */
  external?: { text: string; url?: string };
}

const MIN_SCORE = 0.55;
/** Across ODG chapters a topic must match better, since the same topic differs by body part. */
const MIN_SCORE_ANY_CHAPTER = 0.7;

// Lint runs on every keystroke and resolves every citation of the letter, most of them unchanged since the
// last keystroke, and a folder's letters cite the same sections over and over: resolutions are memoised by
// what the citation says (not where it is) and by which editions were in force at the letter's date.
// Keyed first by the editions in force, the citation's kind, source and link, then by its text: the long
// text is looked up as it is rather than copied into one long key on every call.
const resolutionCache = new Map<string, Map<string, Resolution>>();
let cachedResolutions = 0;

// The dates at which an edition comes into force or leaves it. A date matters to the resolver only through
// the editions in force (editionOf), so two dates on the same side of every boundary resolve alike.
const editionStarts = guidelines.flatMap((g) => g.editions.map((e) => e.from).filter((d): d is string => Boolean(d)));
const editionEnds = guidelines.flatMap((g) => g.editions.map((e) => e.to).filter((d): d is string => Boolean(d)));

// A letter's citations all ask with the same date: the last answer is kept.
let lastLetterDate: string | undefined;
let lastPeriod = '';

function editionPeriodOf(letterDate: string | undefined): string {
  if (!letterDate) return '';
  if (letterDate === lastLetterDate) return lastPeriod;
  let started = 0;
  let ended = 0;
  for (const d of editionStarts) if (d <= letterDate) started++;
  for (const d of editionEnds) if (d < letterDate) ended++;
  lastLetterDate = letterDate;
  lastPeriod = `${started}/${ended}`;
  return lastPeriod;
}

export function resolveCitation(citation: GuidelineCitation, context: CitationContext = {}): Resolution {
  // The parsed fields follow from the citation's text and kind, so these few strings identify it.
  const groupKey = `${editionPeriodOf(context.letterDate)}\u0000${citation.kind}\u0000${citation.source}\u0000${citation.url?.value ?? ''}`;
  let group = resolutionCache.get(groupKey);
  const cached = group?.get(citation.text);
  if (cached) return cached;
  let result: Resolution;
  try {
    result = resolve(citation, context);
  } catch {
    result = { status: 'unresolved', entries: [], matches: [], unresolved: [citation.text] };
  }
  if (cachedResolutions >= 5000) {
    resolutionCache.clear();
    cachedResolutions = 0;
    group = undefined;
  }
  if (!group) {
    group = new Map();
    resolutionCache.set(groupKey, group);
  }
  group.set(citation.text, result);
  cachedResolutions++;
  return result;
}

function resolve(c: GuidelineCitation, context: CitationContext): Resolution {
  if (c.kind === 'non-mtus' && (c.source === 'article' || c.source === 'url' || c.source === 'other')) {
    return { status: 'external', entries: [], matches: [], unresolved: [], external: { text: citationTextWithLink(c), ...(c.url ? { url: c.url.value } : {}) } };
  }
  const gid = guidelineIdOf(c);
  if (!gid) return { status: 'unresolved', entries: [], matches: [], unresolved: [c.text] };
  const guideline = guidelineInfo(gid);
  const edition = editionOf(c, guideline, context.letterDate);
  const r = new Resolver(c, gid);
  switch (gid) {
    case 'mtus-cpmtg':
      r.cpmtg(edition?.edition === '2016');
      break;
    case 'mtus-acoem-2004':
      r.acoem2004();
      break;
    case 'mtus-opioids-2016':
      r.opioids();
      break;
    case 'odg':
      r.odg();
      break;
    case 'acoem-3rd':
      r.acoem3();
      break;
    default:
      r.simple();
  }
  const found = [...new Map(r.matches.map((m) => [m.entry.id, m.entry])).values()];
  return {
    status: found.length > 0 ? 'resolved' : 'unresolved',
    ...(guideline ? { guideline } : {}),
    ...(edition ? { edition } : {}),
    entries: found,
    matches: r.matches,
    unresolved: found.length > 0 || r.unresolved.length > 0 ? r.unresolved : [c.text],
    ...(r.pageMismatch ? { pageMismatch: r.pageMismatch } : {}),
  };
}

/** Which guideline document a citation names. */
export function guidelineIdOf(c: GuidelineCitation): GuidelineId | undefined {
  const g = c.guideline ?? '';
  if (c.kind === 'mtus') {
    if (/chronic pain/i.test(g)) return 'mtus-cpmtg';
    if (/opioid/i.test(g)) return 'mtus-opioids-2016';
    if (/acupuncture/i.test(g)) return 'mtus-acupuncture';
    if (/postsurgical/i.test(g)) return 'mtus-postsurgical';
    if (/formulary|drug list/i.test(g)) return 'mtus-formulary';
    // The ACOEM-based MTUS (December 2017) names ACOEM's current guidelines: "Low Back Disorders", "Cervical and Thoracic Spine Disorders".
    if (!/elbow/i.test(g) && /disorders|cervical and thoracic spine/i.test(g)) return 'mtus-acoem-2017';
    if (/ACOEM|complaints|general approaches|stress[\s-]?related|^eye$|elbow/i.test(g)) return 'mtus-acoem-2004';
    return undefined;
  }
  if (c.source === 'ODG') return 'odg';
  if (c.source === 'ACOEM') {
    if (c.edition === '3rd ed.') return 'acoem-3rd';
    if (c.edition === '2nd ed.' || c.chapter?.number !== undefined) return 'mtus-acoem-2004';
    const title = c.chapter?.title;
    const chapters = guidelineInfo('mtus-acoem-2004')?.chapters ?? [];
    if (title && chapters.some((ch) => similarity(title, ch.title) >= 0.8)) return 'mtus-acoem-2004';
    return 'acoem-3rd';
  }
  return undefined;
}

function editionOf(c: GuidelineCitation, g: GuidelineInfo | undefined, letterDate: string | undefined): GuidelineEdition | undefined {
  if (!g) return undefined;
  const year = /\b(19|20)\d\d\b/.exec(c.edition ?? '')?.[0];
  const named = year ? g.editions.find((e) => e.edition === year) : undefined;
  if (named) return named;
  if (letterDate) {
    const inForce = g.editions.find((e) => (!e.from || e.from <= letterDate) && (!e.to || letterDate <= e.to));
    if (inForce) return inForce;
  }
  // Page citations without a year follow the 2009 PDF, the one with the pages letters cite.
  return g.editions[0];
}

function overlaps(a: PageRange, b: PageRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

function within(a: PageRange, b: PageRange): boolean {
  return b.from <= a.from && a.to <= b.to;
}

function formatPages(pages: PageRange[]): string {
  return pages.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`)).join(', ');
}

class Resolver {
  readonly matches: EntryMatch[] = [];
  readonly unresolved: string[] = [];
  pageMismatch?: PageMismatch;
  private readonly pool: readonly KnowledgeEntry[];

  constructor(
    private readonly c: GuidelineCitation,
    private readonly gid: GuidelineId,
  ) {
    this.pool = cachedPool(gid, () => entriesOf(gid));
  }

  private add(cited: string, entry: KnowledgeEntry | undefined, via: EntryMatch['via']): boolean {
    if (!entry) return false;
    this.matches.push({ cited, entry, via });
    return true;
  }

  private sections(): string[] {
    return this.c.sections ?? [];
  }

  /**
   * The entries the pages hold: for each page range cited ("298, 303, 308" is three), the narrowest entries that
   * overlap it (at most two), so that each page names its own topic; from `preferred` (the cited chapter) when any
   * page is there, else from `pool`.
   */
  private byPages(pages: PageRange[], preferred: readonly KnowledgeEntry[], pool: readonly KnowledgeEntry[]): KnowledgeEntry[] {
    const pickFor = (from: readonly KnowledgeEntry[], q: PageRange) => {
      const hits = from
        .filter((e) => e.pages?.some((p) => overlaps(p, q)))
        .map((e) => ({ e, span: Math.min(...(e.pages ?? []).map((p) => p.to - p.from)) }))
        .filter((h) => h.e.recommendation !== 'mixed' || h.span < 10);
      const least = Math.min(...hits.map((h) => h.span));
      return hits.filter((h) => h.span === least).map((h) => h.e).slice(0, 2);
    };
    const pick = (from: readonly KnowledgeEntry[]) => [...new Set(pages.flatMap((q) => pickFor(from, q)))];
    const first = pick(preferred);
    return first.length > 0 ? first : pick(pool);
  }

  cpmtg(edition2016: boolean): void {
    const c = this.c;
    const pages = c.pages ?? [];
    const past = edition2016 ? undefined : pages.find((p) => p.to > 127);
    for (const s of this.sections()) {
      const e = bestMatch(s, this.pool, MIN_SCORE);
      if (!this.add(s, e, 'section')) this.unresolved.push(s);
      // Only verified page numbers can convict a letter: most topic pages are unverified.
      else if (!past && e && e.pagesConfidence === 'verified' && !edition2016 && pages.length > 0 && e.pages && !e.pages.some((p) => pages.some((q) => overlaps(p, q)))) {
        this.pageMismatch = {
          kind: 'topic',
          pages,
          message: `Page(s) ${formatPages(pages)} do not hold "${s}", which is on page(s) ${formatPages(e.pages)} of the 2009 Chronic Pain Medical Treatment Guidelines.`,
          foundIn: { title: e.topic, pages: e.pages[0] },
        };
      }
    }
    // Past the end of the 2009 PDF is wrong whatever topic the citation names (a topic whose pages are unverified
    // cannot convict a page, but page 200 of 127 needs no topic), and says more than a topic on other pages.
    if (past) {
      this.pageMismatch = { kind: 'guideline', pages, message: `The 2009 Chronic Pain Medical Treatment Guidelines have 127 pages; page ${past.to} is past the end.` };
    }
    if (this.sections().length === 0 && pages.length > 0 && !edition2016) {
      const hits = this.byPages(pages, this.pool, this.pool);
      for (const e of hits) this.add(formatPages(pages), e, 'page');
      if (hits.length === 0) this.unresolved.push(`Page(s) ${formatPages(pages)}`);
    }
    if (this.sections().length === 0 && pages.length === 0) this.add(c.guideline ?? c.text, entryById('cpmtg-overview'), 'guideline');
  }

  acoem2004(): void {
    const c = this.c;
    const general = /general approaches/i.test(c.guideline ?? '');
    const chapterNo = c.chapter?.number ?? (/elbow/i.test(c.guideline ?? '') ? 10 : undefined);
    const inChapter = cachedPool(`${this.gid}/${chapterNo ?? (general ? 'general' : 'all')}`, () =>
      this.pool.filter((e) => (chapterNo !== undefined ? e.chapter?.number === chapterNo : general ? (e.chapter?.number ?? 0) <= 7 : true)),
    );
    const pages = [...(c.pages ?? [])];
    for (const s of this.sections()) {
      // "Elbow Complaints 2007, Section(s): 326": a number where a topic should be is a page.
      if (/^\d+(?:\s?-\s?\d+)?$/.test(s)) {
        const [from, to] = s.split('-').map((x) => Number(x.trim()));
        pages.push({ from, to: to ?? from });
        continue;
      }
      if (!this.add(s, bestMatch(s, inChapter, MIN_SCORE), 'section')) this.unresolved.push(s);
    }
    // A topic the chapter has no entry for still names the chapter: its overview stands in, and the topic stays
    // listed as unresolved ("Elbow Complaints 2007, Section(s): Radial Head Fracture").
    if (this.matches.length === 0 && this.unresolved.length > 0 && pages.length === 0 && chapterNo !== undefined) {
      this.add(c.chapter?.title ?? c.guideline ?? c.text, entryById(`acoem2004-ch${chapterNo}`), 'chapter');
    }
    if (pages.length > 0) {
      const hits = this.byPages(pages, inChapter, this.pool);
      for (const e of hits) this.add(formatPages(pages), e, 'page');
      // Only "Page(s):" is checked: a number in "Section(s):" (Elbow Disorders 2007) has its own pagination.
      if (c.pages && c.pages.length > 0 && chapterNo !== 10) this.chapterPageCheck(c.pages, chapterNo);
      const topics = this.sections().filter((s) => !/^\d+(?:\s?-\s?\d+)?$/.test(s));
      if (hits.length === 0 && topics.length === 0 && chapterNo !== undefined) {
        this.add(c.chapter?.title ?? c.text, entryById(`acoem2004-ch${chapterNo}`), 'chapter');
      } else if (hits.length === 0 && this.matches.length === 0) this.unresolved.push(`Page(s) ${formatPages(pages)}`);
    } else if (this.sections().length === 0) {
      const id = general ? 'acoem2004-general-approaches' : chapterNo !== undefined ? `acoem2004-ch${chapterNo}` : undefined;
      if (!id || !this.add(c.chapter?.title ?? c.guideline ?? c.text, entryById(id), 'chapter')) this.unresolved.push(c.text);
    }
  }

  /** Pages outside the cited chapter, or inside another chapter: seed 004 cites "Chapter 5 ... Page(s): 173-174", pages of the neck chapter. */
  private chapterPageCheck(pages: PageRange[], chapterNo: number | undefined): void {
    if (chapterNo === undefined) return;
    const chapters = guidelineInfo('mtus-acoem-2004')?.chapters ?? [];
    const cited = chapters.find((ch) => ch.number === chapterNo);
    for (const p of pages) {
      const inCited = cited?.pages ? within(p, cited.pages) : undefined;
      if (inCited) continue;
      const other = chapters.find((ch) => ch.number !== chapterNo && ch.pages && within(p, ch.pages));
      const citedName = `Chapter ${chapterNo}${cited ? ` (${cited.title})` : ''}`;
      if (other?.pages) {
        this.pageMismatch = {
          kind: 'chapter',
          pages,
          message: `Page(s) ${formatPages([p])} lie in Chapter ${other.number} (${other.title}, pp. ${formatPages([other.pages])}), not in ${citedName}.`,
          foundIn: { number: other.number, title: other.title, pages: other.pages },
        };
        return;
      }
      if (inCited === false && cited?.pages) {
        this.pageMismatch = {
          kind: 'chapter',
          pages,
          message: `Page(s) ${formatPages([p])} lie outside ${citedName}, which runs over pp. ${formatPages([cited.pages])}.`,
        };
        return;
      }
    }
  }

  opioids(): void {
    for (const s of this.sections()) {
      const num = /^(\d+(?:\.\d+)*)\.?\s/.exec(s)?.[1];
      const byNumber = num ? this.pool.find((e) => e.section === num) : undefined;
      if (this.add(s, byNumber, 'section-number')) continue;
      if (!this.add(s, bestMatch(s, this.pool, MIN_SCORE), 'section')) this.unresolved.push(s);
    }
    if (this.sections().length === 0) this.add(this.c.guideline ?? this.c.text, entryById('opioids2016-overview'), 'guideline');
  }

  odg(): void {
    const c = this.c;
    const key = odgChapterKey(c.chapter?.title);
    const sections = this.sections();
    for (const s of sections) {
      // "Indications for imaging, CT (computed tomography)": the heading of each imaging section, which the study
      // beside it names; alone it stays a topic (the MRI's, by its aliases).
      if (sections.length > 1 && /^indications for imaging$/i.test(s.trim())) continue;
      if (isOdgChapterName(s)) {
        const k = odgChapterKey(s);
        if (this.add(s, entryById(`odg-ch-${k}`), 'chapter')) continue;
      }
      const k = key ?? odgChapterKey(s);
      // A chapter's overview is no section: a topic it does not hold stays unresolved, under the overview.
      const inChapter = k ? cachedPool(`odg/${k}`, () => this.pool.filter((e) => (e.chapter?.key === k || e.alsoIn?.includes(k)) && e.recommendation !== 'mixed')) : [];
      // Outside the cited chapter only a topic that is the same whatever the body part may be found: a drug, a
      // therapy's visit guidelines. "Head, MRI" is not the neck's MRI, nor "Ankle and Foot, Bone scan" a hernia's imaging.
      const elsewhere = k ? cachedPool(`odg/any-part`, () => this.pool.filter(isAnyBodyPart)) : this.pool;
      const e = bestMatch(s, inChapter, MIN_SCORE) ?? bestMatch(s, elsewhere, MIN_SCORE_ANY_CHAPTER, 0.5);
      if (!this.add(s, e, 'section')) this.unresolved.push(s);
    }
    // A topic the knowledge base does not hold still names its chapter: the chapter's overview stands in, and the
    // topic stays listed as unresolved.
    if (this.matches.length === 0 && this.unresolved.length > 0 && key) this.add(c.chapter?.title ?? key, entryById(`odg-ch-${key}`), 'chapter');
    if (this.sections().length === 0) {
      const e = key ? entryById(`odg-ch-${key}`) : entryById('odg-overview');
      this.add(c.chapter?.title ?? 'Official Disability Guidelines', e, key ? 'chapter' : 'guideline');
    }
  }

  acoem3(): void {
    const c = this.c;
    const title = c.chapter?.title;
    const bare = (t: string) => t.replace(/\b(?:disorders?|chapter)\b/gi, ' ');
    const chapterEntries = title ? this.pool.filter((e) => e.chapter && similarity(bare(e.chapter.title), bare(title)) >= 0.7) : [];
    const pool = chapterEntries.length > 0 ? chapterEntries : this.pool;
    for (const s of this.sections()) {
      if (!this.add(s, bestMatch(s, pool, MIN_SCORE), 'section')) this.unresolved.push(s);
    }
    if (this.sections().length > 0) return;
    const pages = c.pages ?? [];
    const byPage = pages.length > 0 ? this.byPages(pages, pool, []) : [];
    if (byPage.length > 0) {
      for (const e of byPage) this.add(formatPages(pages), e, 'page');
      return;
    }
    const overview = chapterEntries.find((e) => e.recommendation === 'mixed') ?? chapterEntries[0] ?? entryById('acoem3-general');
    this.add(title ?? 'ACOEM', overview, chapterEntries.length > 0 ? 'chapter' : 'guideline');
  }

  /** Guidelines without sub-topics in the letters (Acupuncture, Postsurgical, the 2017 MTUS, the formulary). */
  simple(): void {
    for (const s of this.sections()) {
      if (!this.add(s, bestMatch(s, this.pool, MIN_SCORE), 'section')) this.unresolved.push(s);
    }
    if (this.sections().length === 0) this.add(this.c.guideline ?? this.c.text, this.pool[0], 'guideline');
  }
}

/** Every entry, for completion and tests. */
export function knowledgeEntries(): readonly KnowledgeEntry[] {
  return allEntries;
}
