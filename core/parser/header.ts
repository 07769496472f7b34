// Reads the header table of newer letters. The PDF's two columns come out interleaved
// ("Date Assigned: 11/09/2016 Date of Injury: 10/13/2016") and a label or value may wrap to the next line.
import type { CaseHeader, Field } from '../model';
import { isWordChar, trimEndIndex, trimStartIndex } from '../text/chars';
import { CollapsedText } from '../text/collapse';
import { isPlainSlashDate, toIsoDate } from '../text/dates';
import type { LineIndex } from '../text/lines';

type HeaderKey = Exclude<keyof CaseHeader, 'range'>;

// A header date as written ("11/09/2016", "1/9/16") and a case number ("CM16-0229336"): every expression below is
// built from these two.
const SLASH_DATE = String.raw`\d{1,2}\/\d{1,2}\/\d{2,4}`;
const CASE_NUMBER = String.raw`[A-Z]{2}\d{2}-\d{5,8}`;
const DATE_IN_VALUE = new RegExp(SLASH_DATE);
const CASE_NUMBER_START = new RegExp(`^${CASE_NUMBER}`, 'i');
const VALUE_LIMIT = new RegExp(`^\\s*(${SLASH_DATE}|${CASE_NUMBER}|\\S+)`, 'i');
// pdftotext -layout puts the date between the two lines of the wrapped label: "Application 11/28/2016 Received:".
const APPLICATION_AROUND_DATE = new RegExp(`\\bApplication ?(${SLASH_DATE}) ?Received ?:`, 'i');
const WHOLE_DATE = new RegExp(`^${SLASH_DATE}$`);
const WHOLE_CASE_NUMBER = new RegExp(`^${CASE_NUMBER}$`, 'i');
// As OCR may read them after their labels: a digit as O, o, I, l or |, spaces inside a case number's digits
// ("CM16-0231 706", "CM17-00081 77"), "OM" for "CM". Every IMR case number is "CM", two digits and seven.
const OCR_DIGIT = '[\\dOoIl|]';
const OCR_CASE_NUMBER_START = new RegExp(`^[CcOo0][Mm] ?(${OCR_DIGIT}{2}) ?[-\u2013\u2014] ?((?:${OCR_DIGIT} ?){6}${OCR_DIGIT})(?![\\w|])`);
const OCR_DATE = new RegExp(`(?<![\\w|])${OCR_DIGIT}{1,2}\\/${OCR_DIGIT}{1,2}\\/${OCR_DIGIT}{2,4}(?![\\w|])`);

const LABELS: { key: HeaderKey; label: string; date: boolean }[] = [
  { key: 'caseNumber', label: 'Case Number', date: false },
  { key: 'dateAssigned', label: 'Date Assigned', date: true },
  { key: 'dateOfInjury', label: 'Date of Injury', date: true },
  { key: 'decisionDate', label: 'Decision Date', date: true },
  { key: 'urDenialDate', label: 'UR Denial Date', date: true },
  { key: 'priority', label: 'Priority', date: false },
  { key: 'applicationReceived', label: 'Application Received', date: true },
];

/** Each label's words, lower case: a label is found by walking back from a colon, so that only the
 *  few colons of the region are looked at rather than every position (what a regular expression does). */
const LABEL_WORDS = LABELS.map((l) => l.label.toLowerCase().split(' '));

/** The labels by the last letter of their last word, lower case: a colon is tried only against those. */
const LABELS_ENDING_IN = new Map<number, number[]>();
LABELS.forEach((l, k) => {
  const last = l.label.toLowerCase().charCodeAt(l.label.length - 1);
  LABELS_ENDING_IN.set(last, [...(LABELS_ENDING_IN.get(last) ?? []), k]);
});

/** Parses the header in document offsets [start, end); undefined when no header label is there. */
export function parseHeader(doc: LineIndex, start: number, end: number): CaseHeader | undefined {
  const c = new CollapsedText(doc, start, end);
  const hits: Hit[] = [];
  let found = 0; // a bit per label already found: a repeated label keeps its first value
  const t = c.text;
  for (let colon = t.indexOf(':'); colon >= 0; colon = t.indexOf(':', colon + 1)) {
    const labelEnd = colon > 0 && t.charCodeAt(colon - 1) === 32 ? colon - 1 : colon;
    const candidates = labelEnd > 0 ? LABELS_ENDING_IN.get(t.charCodeAt(labelEnd - 1) | 32) : undefined;
    if (!candidates) continue;
    for (const k of candidates) {
      const labelStart = labelStartBefore(t, labelEnd, LABEL_WORDS[k]);
      if (labelStart < 0) continue;
      const def = LABELS[k];
      if (!(found & (1 << k))) {
        found |= 1 << k;
        hits.push({ key: def.key, date: def.date, labelStart, valueStart: colon + 1 });
      }
      break;
    }
  }
  if (hits.length === 0) return undefined;
  const columns = columnValues(c, hits);

  const header: CaseHeader = { range: c.range(hits[0].labelStart, hits[0].labelStart) };
  let last = 0;
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i];
    const column = columns?.get(i);
    const valueEnd = column ? column[1] : i + 1 < hits.length ? hits[i + 1].labelStart : valueLimit(c.text, hit.valueStart);
    let from = trimStartIndex(c.text, column ? column[0] : hit.valueStart, valueEnd);
    let to = trimEndIndex(c.text, from, valueEnd);
    if (to <= from) continue;
    let text = c.text.slice(from, to);
    if (hit.date && isPlainSlashDate(text)) {
      // The common case, a value that is just "11/09/2016": nothing to cut.
    } else if (hit.date) {
      // A value may be followed by stray words from the other column: keep the date itself, read with OCR's
      // confusions of digits ("l2/30/2016") before any date inside a longer word ("2/30/2016" in it).
      const ocr = OCR_DATE.exec(text);
      const m = ocr && /\d[^]*\d[^]*\d[^]*\d/.test(ocr[0]) ? ocr : DATE_IN_VALUE.exec(text);
      if (!m) continue;
      from += m.index;
      to = from + m[0].length;
      text = m[0];
    } else if (hit.key === 'caseNumber') {
      const ocr = OCR_CASE_NUMBER_START.exec(text);
      const m = ocr ?? CASE_NUMBER_START.exec(text);
      if (m) {
        to = from + m[0].length;
        text = m[0];
      }
      if (ocr) {
        const field: Field = { value: `CM${ocrDigits(ocr[1])}-${ocrDigits(ocr[2])}`, text, range: c.range(from, to) };
        header.caseNumber = field;
        last = Math.max(last, to);
        continue;
      }
    } else if (hit.key === 'priority') {
      // "Standard Application" in the interleaved table: "Application" belongs to the next label.
      text = text.replace(/\s+Application$/i, '');
      to = from + text.length;
    }
    const value = hit.date ? toIsoDate(ocrDigits(text)) : text;
    if (value === undefined) continue;
    const field: Field = { value, text, range: c.range(from, to) };
    header[hit.key] = field;
    last = Math.max(last, to);
  }
  if (!header.applicationReceived) {
    const split = APPLICATION_AROUND_DATE.exec(c.text);
    const value = split ? toIsoDate(split[1]) : undefined;
    if (split && value) {
      const from = split.index + split[0].indexOf(split[1]);
      header.applicationReceived = { value, text: split[1], range: c.range(from, from + split[1].length) };
      last = Math.max(last, split.index + split[0].length);
    }
  }
  header.range = c.range(hits[0].labelStart, Math.max(last, hits[hits.length - 1].valueStart));
  return header;
}

type Hit = { key: HeaderKey; date: boolean; labelStart: number; valueStart: number };

/** Digits as OCR may read them ("O", "l"), made digits, and the spaces between them dropped. */
function ocrDigits(written: string): string {
  if (!/[ OoIl|]/.test(written)) return written;
  return written.replace(/ /g, '').replace(/[Oo]/g, '0').replace(/[Il|]/g, '1');
}

/**
 * pdftotext without -layout writes the table column by column: a block of labels with nothing after their colons,
 * then their values, one per line, in the same order ("Case Number: Date Assigned: Priority: CM16-0229336
 * 12/05/2016 Standard"). The values of such a block, by the index of their label: [from, to) in the collapsed
 * text. Only a block whose every value fits its label (a date for a date, a case number) counts.
 */
function columnValues(c: CollapsedText, hits: readonly Hit[]): Map<number, [number, number]> | undefined {
  let found: Map<number, [number, number]> | undefined;
  const t = c.text;
  for (let i = 0; i < hits.length; ) {
    let j = i;
    while (j + 1 < hits.length && trimStartIndex(t, hits[j].valueStart, hits[j + 1].labelStart) === hits[j + 1].labelStart) j++;
    // Each label of the block ends its line. (Other extractors put a value on its label's line, and some value
    // before its label: "10/20/2016 Date of Injury: UR Denial Date: 10/28/2016". Giving out values by order
    // there would give a label another's date; a value left out is better than a wrong one.)
    let ownLines = true;
    for (let n = i; n <= j && ownLines; n++) ownLines = hits[n].valueStart >= t.length || c.breakAt(hits[n].valueStart);
    if (j > i && ownLines) {
      const end = j + 1 < hits.length ? hits[j + 1].labelStart : t.length;
      const count = j - i + 1;
      // One value per line.
      const pieces = lineSplit(c, hits[j].valueStart, end);
      if (pieces.length >= count && pieces.slice(0, count).every(([a, b], n) => fitsLabel(hits[i + n], t.slice(a, b)))) {
        found ??= new Map();
        for (let n = 0; n < count; n++) found.set(i + n, pieces[n]);
      }
    }
    i = j + 1;
  }
  return found;
}

/** [from, to) of the collapsed text cut at the spaces that stand for line breaks, as [start, end) pieces. */
function lineSplit(c: CollapsedText, from: number, to: number): [number, number][] {
  const t = c.text;
  const pieces: [number, number][] = [];
  let start = trimStartIndex(t, from, to);
  for (let k = t.indexOf(' ', start); k >= 0 && k < to; k = t.indexOf(' ', k + 1)) {
    if (k > start && c.breakAt(k)) {
      pieces.push([start, k]);
      start = k + 1;
    }
  }
  const end = trimEndIndex(t, start, to);
  if (end > start) pieces.push([start, end]);
  return pieces;
}

function fitsLabel(hit: Hit, value: string): boolean {
  if (hit.date) return WHOLE_DATE.test(value);
  if (hit.key === 'caseNumber') return WHOLE_CASE_NUMBER.test(value);
  return /^[A-Za-z]+$/.test(value);
}

/** Where the value of the last label ends: a date or a short phrase, not the rest of the region. */
function valueLimit(text: string, from: number): number {
  const rest = text.slice(from);
  const m = VALUE_LIMIT.exec(rest);
  return m ? from + m[0].length : from;
}

/**
 * Where a label ends at `end` in `text`: its words, any case, with one optional space between them (as
 * the PDF extract sometimes drops it), and no word character just before. -1 when it does not end there.
 */
function labelStartBefore(text: string, end: number, words: readonly string[]): number {
  let at = end;
  for (let w = words.length - 1; w >= 0; w--) {
    const word = words[w];
    if (w < words.length - 1 && text.charCodeAt(at - 1) === 32) at--;
    if (at < word.length) return -1;
    for (let i = word.length - 1; i >= 0; i--) if ((text.charCodeAt(at - word.length + i) | 32) !== word.charCodeAt(i)) return -1;
    at -= word.length;
  }
  return at > 0 && isWordChar(text.charCodeAt(at - 1)) ? -1 : at;
}
