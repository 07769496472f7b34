// Reads the header table of newer letters. The PDF's two columns come out interleaved
// ("Date Assigned: 11/09/2016 Date of Injury: 10/13/2016") and a label or value may wrap to the next line.
import type { CaseHeader, Field } from '../model';
import { CollapsedText } from '../text/collapse';
import { toIsoDate } from '../text/dates';
import type { LineIndex } from '../text/lines';

type HeaderKey = Exclude<keyof CaseHeader, 'range'>;

const LABELS: { key: HeaderKey; label: string; date: boolean }[] = [
  { key: 'caseNumber', label: 'Case Number', date: false },
  { key: 'dateAssigned', label: 'Date Assigned', date: true },
  { key: 'dateOfInjury', label: 'Date of Injury', date: true },
  { key: 'decisionDate', label: 'Decision Date', date: true },
  { key: 'urDenialDate', label: 'UR Denial Date', date: true },
  { key: 'priority', label: 'Priority', date: false },
  { key: 'applicationReceived', label: 'Application Received', date: true },
];

/** Each label without spaces, lower case: how a match is looked up whatever its spacing. */
const BY_KEY = new Map(LABELS.map((l) => [l.label.replace(/ /g, '').toLowerCase(), l]));

const LABEL_RE = new RegExp(`\\b(${LABELS.map((l) => l.label.replace(/ /g, ' ?')).join('|')}) ?:`, 'gi');

/** Parses the header in document offsets [start, end); undefined when no header label is there. */
export function parseHeader(doc: LineIndex, start: number, end: number): CaseHeader | undefined {
  const c = new CollapsedText(doc, start, end);
  const hits: { key: HeaderKey; date: boolean; labelStart: number; valueStart: number }[] = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(c.text); m; m = LABEL_RE.exec(c.text)) {
    const written = m[1].replace(/\s+/g, '').toLowerCase();
    const def = BY_KEY.get(written);
    if (def && !hits.some((h) => h.key === def.key))
      hits.push({ key: def.key, date: def.date, labelStart: m.index, valueStart: m.index + m[0].length });
  }
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => a.labelStart - b.labelStart);

  const header: CaseHeader = { range: c.range(hits[0].labelStart, hits[0].labelStart) };
  let last = 0;
  hits.forEach((hit, i) => {
    const valueEnd = i + 1 < hits.length ? hits[i + 1].labelStart : valueLimit(c.text, hit.valueStart);
    let from = hit.valueStart;
    let to = valueEnd;
    while (from < to && c.text[from] === ' ') from++;
    while (to > from && c.text[to - 1] === ' ') to--;
    if (to <= from) return;
    let text = c.text.slice(from, to);
    if (hit.date) {
      // A value may be followed by stray words from the other column: keep the date itself.
      const m = /\d{1,2}\/\d{1,2}\/\d{2,4}/.exec(text);
      if (!m) return;
      from += m.index;
      to = from + m[0].length;
      text = m[0];
    } else if (hit.key === 'caseNumber') {
      const m = /^[A-Z]{2}\d{2}-\d{5,8}/i.exec(text);
      if (m) {
        to = from + m[0].length;
        text = m[0];
      }
    } else if (hit.key === 'priority') {
      // "Standard Application" in the interleaved table: "Application" belongs to the next label.
      text = text.replace(/\s+Application$/i, '');
      to = from + text.length;
    }
    const value = hit.date ? toIsoDate(text) : text;
    if (value === undefined) return;
    const field: Field = { value, text, range: c.range(from, to) };
    header[hit.key] = field;
    last = Math.max(last, to);
  });
  header.range = c.range(hits[0].labelStart, Math.max(last, hits[hits.length - 1].valueStart));
  return header;
}

/** Where the value of the last label ends: a date or a short phrase, not the rest of the region. */
function valueLimit(text: string, from: number): number {
  const rest = text.slice(from);
  const m = /^\s*(\d{1,2}\/\d{1,2}\/\d{2,4}|[A-Za-z]{2}\d{2}-\d{5,8}|\S+)/.exec(rest);
  return m ? from + m[0].length : from;
}
