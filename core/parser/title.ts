// Reads a disputed item's title: the decision after its last colon, a partial authorization's
// original request / authorized part / remaining IMR-eligible portion, the retrospective flag and
// date of service, and a short service name.
import type { Decision, PartialAuthorization, Range } from '../model';
import { trimEndOf } from '../text/collapse';
import { isJsSpace, trimEndIndex } from '../text/chars';
import { toIsoDate } from '../text/dates';
import { ocrDecision } from '../text/ocrFold';

/**
 * Splits "<title>: <decision>" in collapsed text. A title that ends with a decision word, or a word OCR misread for one
 * ("Uphe1d"), splits there, after a colon, a semicolon (OCR's misreading of one) or none (a colon lost); otherwise the
 * decision is one to three words after the last colon (a word that is no decision: "Denied", "Pending review").
 */
export function splitDecision(text: string): { titleEnd: number; decisionStart: number; decision: string } | undefined {
  return splitAtDecisionWord(text) ?? splitAfterColon(text);
}

const QUALIFIER_RE = /(?:^|[\s:;])(?:not|[A-Za-z]+ly)$/i;

export function splitAtDecisionWord(text: string): { titleEnd: number; decisionStart: number; decision: string } | undefined {
  // The last word, read back from the end (an expression anchored at the end would try every place in the text):
  // white space and a full stop, then 6 to 10 letters, digits, "|" or "!", after white space, a colon or a semicolon.
  let end = trimEndIndex(text, 0, text.length);
  if (end > 0 && text.charCodeAt(end - 1) === 46 /* . */) end = trimEndIndex(text, 0, end - 1);
  let start = end;
  while (start > 0 && end - start <= 10 && isDecisionWordChar(text.charCodeAt(start - 1))) start--;
  const separator = start - 1;
  if (end - start < 6 || end - start > 10 || separator < 0) return undefined;
  const c = text.charCodeAt(separator);
  if (c !== 58 /* : */ && c !== 59 /* ; */ && !isJsSpace(c)) return undefined;
  const decision = text.slice(start, end);
  if (ocrDecision(decision) === undefined) return undefined;
  // After a space (not one after a colon), a word that qualifies the decision makes a phrase that is none
  // ("Partially Overturned", "not upheld").
  if (c === 32) {
    const before = trimEndIndex(text, 0, separator);
    const b = before > 0 ? text.charCodeAt(before - 1) : 0;
    if (b !== 58 /* : */ && b !== 59 /* ; */ && QUALIFIER_RE.test(text.slice(Math.max(0, separator - 20), separator))) return undefined;
  }
  // The title ends before the separator; the caller trims it and the spaces before it.
  return { titleEnd: separator, decisionStart: start, decision };
}

/** [A-Za-z0-9|!]: the characters of a decision word as OCR may write it. */
function isDecisionWordChar(c: number): boolean {
  const l = c | 32;
  return (l >= 97 && l <= 122) || (c >= 48 && c <= 57) || c === 124 /* | */ || c === 33 /* ! */;
}

function splitAfterColon(text: string): { titleEnd: number; decisionStart: number; decision: string } | undefined {
  const m = /:\s*([A-Za-z][A-Za-z'-]*(?: [A-Za-z][A-Za-z'-]*){0,2})\s*[.]?\s*$/.exec(text);
  if (!m) return undefined;
  return { titleEnd: m.index, decisionStart: m.index + m[0].indexOf(m[1]), decision: m[1] };
}

/** Whether a word is a decision, or one misread by OCR ("Uphe1d"): what ends a title. */
export function isDecisionWord(word: string): boolean {
  return ocrDecision(word) !== undefined;
}

/** The normalised decision for a word as written; case does not matter, spelling does (a word OCR misread is no decision). */
export function normaliseDecision(word: string): Decision | undefined {
  const w = word.trim().toLowerCase();
  if (w === 'upheld') return 'Upheld';
  if (w === 'overturned') return 'Overturned';
  return undefined;
}

/**
 * A partial authorization's parts, read from the collapsed title; `rangeOf` maps a span of the title to the letter
 * (the parts' ranges).
 */
export function parsePartial(title: string, rangeOf: (start: number, end: number) => Range): PartialAuthorization | undefined {
  // Most titles are not partial authorizations: a look for the phrase every one holds spares the expressions.
  // (Their case-insensitive matches are ASCII letters, which lower-casing keeps in place.)
  if (!title.toLowerCase().includes('original request')) return undefined;
  // The 'd' flag gives each group's place in the title, for the parts' ranges.
  const original = /^(.+?),? was the original request\.?/di.exec(title);
  const remaining =
    /^.*\bremaining IMR[- ]eligible portion of the original request,? (?:is )?(.+?)(?: is)?\.?$/di.exec(title) ??
    /^.*\bThe original request, (.+?)(?: is)?\.?$/di.exec(title);
  if (!original || !remaining) return undefined;
  const authorized =
    /The Claims Administrator authorized (.+?)(?:, leaving\b|\.(?: |$))/di.exec(title) ?? /\. (.+?) was authorized by the Claims Administrator/di.exec(title);
  const part = (m: RegExpExecArray) => {
    const [start] = m.indices![1];
    const text = m[1].trim();
    const from = start + m[1].indexOf(text);
    return { text, range: rangeOf(from, from + text.length) };
  };
  const o = part(original);
  const r = part(remaining);
  const a = authorized ? part(authorized) : undefined;
  return {
    originalRequest: o.text,
    authorized: a?.text,
    remaining: r.text,
    ranges: { originalRequest: o.range, authorized: a?.range, remaining: r.range },
  };
}

const DOS_RE = /\(?\b(?:DOS|date of service|dates of service)\b:? ?(?:of |on )?(\d{1,2}\/\d{1,2}\/\d{2,4})\)?/i;

export function parseRetrospective(title: string): { retrospective: boolean; dos?: { text: string; index: number; iso: string } } {
  const lower = title.toLowerCase();
  const retrospective = lower.includes('retro') && /\bretro(?:spective|active)?\b/i.test(title);
  const m = mayHoldDateOfService(lower) ? DOS_RE.exec(title) : null;
  if (m) {
    const iso = toIsoDate(m[1]);
    if (iso) return { retrospective, dos: { text: m[1], index: m.index + m[0].indexOf(m[1]), iso } };
  }
  return { retrospective };
}

/**
 * A short name of the service: the title without the retrospective prefix and the date of service. The title is
 * collapsed text (single spaces), and removing those parts leaves no run of white space, so none is collapsed here.
 */
export function serviceName(title: string, partial: PartialAuthorization | undefined): string {
  let s = partial ? partial.remaining : title;
  // "..., with open carpal tunnel release is: Overturned": the remaining portion as the original request's tail.
  if (partial) s = s.replace(/^(?:with|and|plus)\s+(?=\S)/i, '');
  s = s.replace(/^(?:retrospective|retro|prospective)\b[:,]?\s*(?:request\s+for\s+|review\s+(?:of|for)\s+)?/i, '');
  // "Associated surgical service: Shoulder sling" decides a shoulder sling; the tie to the surgery is item.surgery.
  s = s.replace(/^associated\s+surgical\s+services?\s*:\s*/i, '');
  if (mayHoldDateOfService(s.toLowerCase())) s = s.replace(/\s*\(?\b(?:DOS|dates? of service)\b:?\s*(?:of |on )?[\d/]+(?:\s*[-–]\s*[\d/]+)?\)?/gi, '');
  s = trimEndOf(s, ' ,:;').trim();
  return s.length > 0 ? s : title;
}

/** Whether lower-cased text names a date of service ("DOS", "date(s) of service"): the expressions need one. */
function mayHoldDateOfService(lower: string): boolean {
  return lower.includes('dos') || lower.includes(' of service');
}
