// Reads a disputed item's title: the decision after its last colon, a partial authorization's
// original request / authorized part / remaining IMR-eligible portion, the retrospective flag and
// date of service, and a short service name.
import type { Decision, PartialAuthorization } from '../model';
import { trimEndOf } from '../text/collapse';
import { toIsoDate } from '../text/dates';

/** Splits "<title>: <decision>" in collapsed text; the decision is one to three words after the last colon. */
export function splitDecision(text: string): { titleEnd: number; decisionStart: number; decision: string } | undefined {
  const m = /:\s*([A-Za-z][A-Za-z'-]*(?: [A-Za-z][A-Za-z'-]*){0,2})\s*[.]?\s*$/.exec(text);
  if (!m) return undefined;
  return { titleEnd: m.index, decisionStart: m.index + m[0].indexOf(m[1]), decision: m[1] };
}

/** The normalised decision for a word as written; case does not matter, spelling does. */
export function normaliseDecision(word: string): Decision | undefined {
  const w = word.trim().toLowerCase();
  if (w === 'upheld') return 'Upheld';
  if (w === 'overturned') return 'Overturned';
  return undefined;
}

export function parsePartial(title: string): PartialAuthorization | undefined {
  // Most titles are not partial authorizations: a look for the phrase every one holds spares the expressions.
  // (Their case-insensitive matches are ASCII letters, which lower-casing keeps in place.)
  if (!title.toLowerCase().includes('original request')) return undefined;
  const original = /^(.+?),? was the original request\.?/i.exec(title);
  const remaining =
    /^.*\bremaining IMR[- ]eligible portion of the original request,? (?:is )?(.+?)(?: is)?\.?$/i.exec(title) ??
    /^.*\bThe original request, (.+?)(?: is)?\.?$/i.exec(title);
  if (!original || !remaining) return undefined;
  const authorized =
    /The Claims Administrator authorized (.+?)(?:, leaving\b|\.(?: |$))/i.exec(title)?.[1] ??
    /\. (.+?) was authorized by the Claims Administrator/i.exec(title)?.[1];
  return { originalRequest: original[1].trim(), authorized: authorized?.trim(), remaining: remaining[1].trim() };
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
  s = s.replace(/^(?:retrospective|retro|prospective)\b[:,]?\s*(?:request\s+for\s+|review\s+(?:of|for)\s+)?/i, '');
  if (mayHoldDateOfService(s.toLowerCase())) s = s.replace(/\s*\(?\b(?:DOS|dates? of service)\b:?\s*(?:of |on )?[\d/]+(?:\s*[-–]\s*[\d/]+)?\)?/gi, '');
  s = trimEndOf(s, ' ,:;').trim();
  return s.length > 0 ? s : title;
}

/** Whether lower-cased text names a date of service ("DOS", "date(s) of service"): the expressions need one. */
function mayHoldDateOfService(lower: string): boolean {
  return lower.includes('dos') || lower.includes(' of service');
}
