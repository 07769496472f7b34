// Reads the grounds a rationale gives for its decision from its wording: "there is no documentation of objective
// functional improvement", "there is no evidence of any red flag conditions", "the requested 12 sessions exceeds the
// guideline recommendation". Only sentences about this case count: a rationale first restates its guideline ("A total
// of up to 18 visits may be appropriate with documentation of functional improvement"), and that is no ground.
// Not part of parseLetter: the summaries, the table and the hovers read it on demand, so lint does not pay for it.
import type { DisputedItem, GroundKind } from '../model';

export interface GroundMatch {
  kind: GroundKind;
  /** [from, to) in the searched text: the sentence the ground was read from. */
  from: number;
  to: number;
}

// Words that tie a sentence to this case: the patient, the records, the request, a date (not a guideline's own,
// "(July 28, 2016)"), what was or was not done or documented ("No functional improvement ... was documented", "the
// CURES database was not checked", "Guidelines have been met": a guideline speaks in the present, and a study it cites
// is "noted" or "reported", not documented), the case's sessions.
const CASE_RE =
  /\b(?:was|were|has been|have been|had been) (?:not |never )?(?:\w+ly )?(?:documented|checked|tried|trialed|attempted|met|satisfied)\b|\b(?:is|are) not (?:\w+ly )?documented\b|\b(?:the|these) (?:current|proposed|additional|further) \d+ (?:\w+ )?(?:sessions|visits|treatments)\b|\b(?:the|this|our|that) (?:patient|claimant|applicant|injured (?:worker|employee)|employee|individual|worker|member)\b|\b(?:he|she|his|her)\b|\brecords?\b|\bdocuments\b|\bsubmitted\b|\bprovided for (?:this )?review\b|\bin this (?:case|instance)\b|\bhere\b|\bthere (?:is|was|are|were|has been|have been) (?:no|not|a lack|lack|insufficient|limited|little|minimal)\b|\b(?:no|lack of|the|any) (?:clinical |medical )?documentation\b|\b(?:attending|treating|requesting|primary) (?:provider|physician|doctor|practitioner)\b|\bthe (?:provider|physician)\b|\brequest(?:s|ed)?\b|\b(?:clinical|progress|office) (?:notes?|reports?|visits?)\b|\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|(?<!\()\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d/i;

// A sentence that says what the guideline states, unless it goes on to this case ("..., however, the patient ...").
const GUIDELINE_SAYS_RE =
  /^(?:Per|According to|As per|The (?:CA |California )?(?:MTUS|ODG|ACOEM|guidelines?|Official))\b|\b(?:guidelines?|MTUS|ODG|ACOEM)\b[^.;]{0,60}\b(?:states?|stated|recommends?|notes?|indicates?|allows?|suggests?|requires?|specif(?:y|ies)|supports?|endorses?|refers?)\b/i;
const TURNS_TO_CASE_RE = /\b(?:in this case|here|however|this (?:patient|claimant|applicant|injured worker))\b/i;

// A quotation of some length: the guideline's words, not the reviewer's finding.
const QUOTATION_RE = /^\s*["“]|["“][^"”]{40,}["”]/;

// A negation before a ground's words, in the same sentence and not across "but", "however", "although", nor into what
// comes "prior to" or "before" ("a lack of rationale for this request at this time, prior to completion of
// conservative care" is no ground on conservative care: a plainer sentence gives it).
const NEGATED_BEFORE_RE =
  /(?:\b(?:no|not|cannot|can not|lack(?:s|ing)?(?: of)?|without|absence of|absent|fail(?:s|ed)? to|none|nor|unclear|uncertain|insufficient|inadequate|minimal|limited|little|never|argued? against|argues against)\b|n't)(?:(?!\b(?:but|however|although|though|while|whereas|despite|prior to|before)\b)[^.;:]){0,190}$/i;
// ... or after them: "functional improvement ... was not indicated"; not "neurologic dysfunction that has not
// improved", which says the finding persists, nor past "but" ("evidence of nerve compromise ... but there is not").
const NEGATED_AFTER_RE =
  /^(?:(?!\b(?:but|however|although|though|whereas)\b)[^.;:]){0,50}\b(?:(?:is|are|was|were|has|have|had) (?:not|no)\b(?! (?:\w+ly )?(?:improv|resolv|respond|chang|subsid|decreas|lessen)\w*)|not (?:been )?(?:documented|noted|established|demonstrated|evident|provided|reported|described|indicated|specified)|(?:is|was|were|are) (?:absent|lacking|unclear|uncertain|unknown|missing))\b/i;

// ... or at the sentence's end, after a long subject: "Details regarding failure of a complete course of conservative
// therapy including ... is not specified in the records."
const NEGATED_AT_END_RE =
  /\b(?:is|are|was|were|has|have) not (?:been )?(?:specified|documented|provided|noted|described|clear|established|included|indicated)\b[^.;]{0,60}[.;]?\s*$/i;

/**
 * Each ground's words and how they are read: `negated` only under a negation ("no red flags"), `affirmed` only without
 * one ("the requested 12 sessions exceeds", not "is not in excess of"), `plain` as they stand ("did not specify").
 */
export interface GroundWords {
  kind: GroundKind;
  words: RegExp;
  /** Lower-case words, each starting a word, one of which starts every match of `words`: a cheap test that passes
   *  over most sentences. */
  stems: string[];
  reading: 'negated' | 'plain' | 'affirmed';
  /** The ground the same words give when not negated (functional improvement documented)... */
  affirmed?: GroundKind;
  /** ... if the sentence also says the records show it ("has been documented", "from previous treatment"). */
  shown?: RegExp;
  /** Words between the negation and the ground's words that turn the negation away from the ground. */
  notUnder?: RegExp;
  /** Words right after the ground's words that take it back ("exceed the guideline by only 2 sessions"). */
  unless?: RegExp;
}

// A number of sessions said to be (in keeping with the guideline): within its limits, not its criteria met. (Looked
// behind from the words' end, so that it is tried only where they are.)
const QUANTITY_IS = String.raw`\b(?:sessions|visits|treatments|number|amount|duration|frequency)\b[^.;]{0,30} (?:is|are) `;

export const groundWords: readonly GroundWords[] = [
  {
    kind: 'no-functional-improvement',
    stems: [
      'functional improvement',
      'functional benefit',
      'functional gain',
      'functional response',
      'improvement in',
      'objective improvement',
      'objective benefit',
      'objective gain',
      'reduction in work',
      'reduction in restriction',
      'reduced work',
      'reduced restriction',
      ...['increase', 'increased', 'increases'].flatMap((verb) => ['function', 'in function', 'activity', 'in activity'].map((what) => `${verb} ${what}`)),
    ],
    words:
      /\b(?<!program of )functional (?:improvement|benefit|gains?|response)|\bimprovement in (?:function|pain and function|activities of daily living|ADLs?)|\bobjective (?:improvement|benefit|gains?)|\bincrease(?:d|s)? (?:in )?(?:function|activity)|\breduc(?:tion in|ed) (?:work )?restrictions?\b/i,
    reading: 'negated',
    affirmed: 'functional-improvement',
    shown: /\b(?:documented|demonstrated|reported|noted|achieved|gained|reveals?|revealed|shows?|showed)\b|\b(?:from|with|after) (?:the )?(?:previous|prior)\b/i,
  },
  {
    kind: 'no-red-flags',
    stems: [
      'red flag',
      'red-flag',
      'progressive neurologic',
      'neurologic deficit',
      'neurologic dysfunction',
      'neurologic compromise',
      'neurological deficit',
      'neurological dysfunction',
      'neurological compromise',
      'nerve compromise',
      'nerve impingement',
      'nerve root compromise',
      'nerve root impingement',
      'radicular pain',
      'radicular symptoms',
      'radicular findings',
      'radicular signs',
      'radicular complaints',
      'radiculopathic',
      'surgical consideration',
      'surgical candidate',
      'surgical lesion',
      'consider surg',
      'considers surg',
      'considered surg',
      'considering surg',
      'consider any kind of surg',
      'considering any kind of surg',
      'contemplat',
    ],
    words:
      /\bred[- ]flags?\b|\bprogressive neurologic|\bneurologic(?:al)? (?:deficits?|dysfunction|compromise)|\bnerve (?:root )?(?:compromise|impingement)|\bradicul(?:ar|opathic) (?:pain|symptoms|findings|signs|complaints)|\bsurgical (?:consideration|candidate|lesion)|\b(?:consider|contemplat)\w* (?:any kind of )?surg/i,
    reading: 'negated',
    // "The records indicate a neurologic deficit": present, a ground for the request.
    affirmed: 'red-flags-present',
    shown: /\b(?:indicates?|indicated|indicative of|indications? of|documented|documents|reveals?|revealed|noted|present|demonstrat\w*|shows?|showed|evidence of|consistent with|findings? of)\b/i,
  },
  {
    kind: 'conservative-care-not-tried',
    stems: ['first line', 'first-line', 'conservative', 'trial of', 'fail'],
    // A treatment failed or not, named as it is ("no documentation of failed muscle relaxant treatment", "failure of
    // antidepressants or anticonvulsants", "has not trialed and failed non-opioid analgesics", "medications fail to
    // provide relief"); not what "failed to" be done.
    words:
      /\bfirst[- ]line\b|\bconservative (?:care|treatments?|management|measures|therapy|therapies|course)\b|\b(?:a )?trial of\b|\bfail(?:ed|ure|ing)\b(?! to\b)(?: (?:of|with|on))?(?: [\w/()-]+){0,3}? (?:trials?|course|care|treatments?|therap(?:y|ies)|medications?|drugs?|anti-?depressants?|anti-?convulsants?|NSAIDs?|analgesics?|relaxants?|injections?|exercises?|modalities)\b|\bfail(?:s|ed)? to (?:provide (?:\w+ )?relief|relieve)\b/i,
    reading: 'negated',
    // Tried and failed: a ground for the request ("persistent pain despite conservative care", "has failed conservative
    // treatment", "has not responded to conservative treatment").
    affirmed: 'conservative-care-failed',
    shown: /\bfail(?:ed|ure|ing)\b|\bdespite\b|\brefractory\b|\bpersist\w*|\b(?:not|n't|never) (?:responded|respond|improved|improve|benefited|benefit)\b/i,
    // A negation that says the care did not work, not that it was not tried: "not likely to do well with conservative
    // care", "has not responded to conservative treatment" (but "has not failed to improve with" is not tried).
    notUnder: /^(?!.*\bfail)(?:.*\b(?:going|likely|expected) to (?:do well|respond|improve|benefit)\b|.*\b(?:responded|respond|improved|improve|benefited|benefit)(?: (?:to|with|from))? (?:(?:the|any|prior|previous|recent|a|an) )*$)/i,
  },
  {
    kind: 'medication-monitoring',
    stems: ['urine', 'uds', '4 a', 'four a', 'aberrant', 'cures', 'contract', 'agreement', 'drug screen', 'drug test'],
    words: /\burine (?:drug |toxicology )?(?:screens?|tests?|testing)|\bUDS\b|\b(?:4|four) A'?s\b|\baberrant\b|\bCURES\b|\b(?:pain|opioid|narcotic) (?:contract|agreement)|\bdrug (?:screen|test)/i,
    reading: 'negated',
  },
  {
    kind: 'beyond-guideline-limits',
    stems: [
      'exceed',
      'in excess of',
      'beyond the recommended',
      'beyond recommended',
      'beyond the guideline',
      'beyond guideline',
      'more than',
      'long-term use',
      'long term use',
      'long-term treatment',
      'long term treatment',
    ],
    words:
      /\bexceed(?:s|ed|ing)?\b|\bin excess of\b|\bbeyond (?:the )?(?:recommended|guidelines?'?)|\bmore than (?:the )?(?:recommended|guidelines?'?)|\blong[- ]term (?:use|usage|treatment (?:with|of))\b/i,
    reading: 'affirmed',
    // An excess the reviewer makes light of is no ground against the request.
    unless: /^[^.;]{0,60}?\bby only\b|^[^.;]{0,20}?\bonly (?:slightly|marginally)\b/i,
  },
  {
    kind: 'request-unspecified',
    stems: ['not specif', 'unspecified', 'not indicate', 'not state', 'not include', 'not identif', 'not provide', 'fail', 'vague', 'open-ended', 'open ended'],
    // "The request as submitted also failed to specify if it will be a rental or purchase, frequency, duration, ...".
    words:
      /\b(?:(?:does|did|do) not|fail(?:s|ed)? to) (?:specify\b[^.;]{0,50}?|(?:indicate|state|include|identify|provide) (?:the |a |any )?)\b(?:quantity|number|frequency|duration|dosage|dose|strength|body part|site|level|amount|type)|\b(?:quantity|frequency|duration|dosage|dose|strength|amount|number of (?:sessions|visits))\b[^.;]{0,40}\bnot (?:specified|provided|indicated|stated|included)|\b(?:is|are|was|were) vague\b|\bunspecified (?:type|period|number|quantity|frequency|duration|amount)\b|\bopen[- ]ended\b/i,
    reading: 'plain',
  },
  {
    kind: 'not-recommended',
    stems: ['not recommend', 'not currently recommend', 'not support', 'endorse', 'experimental', 'investigational'],
    words:
      /\bnot (?:currently )?recommended\b|\bnot supported by (?:the )?(?:guidelines?|MTUS|ODG|ACOEM|evidence)|\b(?:guidelines?|MTUS|ODG|ACOEM|evidence)\b[^.;]{0,30}\bdo(?:es)? not (?:recommend|support|endorse)\b|\bexperimental\b|\binvestigational\b/i,
    reading: 'plain',
  },
  {
    kind: 'no-rationale-given',
    stems: ['rationale', 'rational'],
    // "There was no clear rationale provided by the physician as to the medical necessity for the request."
    words: /\brationale?\b/i,
    reading: 'negated',
  },
  {
    kind: 'no-exceptional-factors',
    stems: ['exceptional', 'extenuating', 'extraordinary', 'special circumstance', 'compelling'],
    // "There were no exceptional factors noted that would warrant exceeding the guidelines recommendation."
    words: /\b(?:exceptional|extenuating|extraordinary|special|compelling) (?:clinical )?(?:factors?|circumstances?|reasons?|facts|indications?|needs?)\b/i,
    reading: 'negated',
  },
  {
    kind: 'within-guideline-limits',
    stems: [
      'within the guideline',
      'within guideline',
      'within the recommend',
      'within recommend',
      'within the mtus',
      'within mtus',
      'within the odg',
      'within odg',
      'within the acoem',
      'within acoem',
      'not in excess',
      'not exceed',
      'not beyond',
    ],
    // "The recommended number of visits is within the guidelines recommendation."
    words: /\bwithin (?:the )?(?:guidelines?'?|recommended|recommendations?|mtus|odg|acoem)\b|\bnot (?:in excess of|exceed(?:ing)?|beyond) (?:the )?(?:recommended|recommendations?|guidelines?|mtus|odg|acoem|california)\b/i,
    reading: 'plain',
  },
  {
    kind: 'within-guideline-limits',
    stems: ['consistent with', 'accordance', 'keeping with', 'line with'],
    // A number of sessions in keeping with the guideline: "the current 6 therapy sessions is consistent with guideline
    // recommendations" (the guideline's criteria met is a request's, below).
    words: new RegExp(String.raw`\b(?:consistent|in keeping|in accordance|in line) with(?<=${QUANTITY_IS}\w+(?: \w+)? with) (?:the )?(?:guidelines?|recommendations?|mtus|odg|acoem)\b`, 'i'),
    reading: 'affirmed',
  },
  {
    kind: 'criteria-met',
    stems: ['meet', 'criteria have', 'criteria has', 'criteria are', 'criteria were', 'criteria was', 'consistent with', 'accordance', 'keeping with', 'line with', 'guidelines have', 'supported by', 'do support', 'does support'],
    words: new RegExp(
      String.raw`\bmeets? (?:the )?(?:[A-Za-z'/]+ ){0,3}(?:criteria|recommendations?)\b|\bcriteria (?:have|has|are|were|was) (?:been )?(?:met|satisfied)\b|\bconsistent with(?<!${QUANTITY_IS}consistent with) (?:the )?(?:guidelines?|recommendations?)\b|\bin (?:accordance|keeping|line) with(?<!${QUANTITY_IS}in \w+ with) (?:the )?guidelines?\b|\bguidelines (?:have|has) been met\b|\b(?:is|are) supported by (?:the )?(?:guidelines?|mtus|odg|acoem)\b|\bdo(?:es)? support (?:the |this )?(?:request|imaging|treatment|testing|study)\b`,
      'i',
    ),
    reading: 'affirmed',
  },
];

// Every ground's stems in one expression over the lower-cased text, and the grounds each stem may start (a bit each).
// Literal words at a word's start, without case folding, as a trie ("n(?:ot (?:recommend|...)|erve (?:...))"): much
// cheaper than the grounds' own expressions, which then run only on the sentences it finds.
const stemGrounds = new Map<string, number>();
groundWords.forEach((g, i) => g.stems.forEach((stem) => stemGrounds.set(stem, (stemGrounds.get(stem) ?? 0) | (1 << i))));
// The expression matches the longest stem at a place: it stands for the shorter ones it begins with too.
for (const [stem, mask] of stemGrounds) for (const [other, its] of stemGrounds) if (other !== stem && stem.startsWith(other)) stemGrounds.set(stem, mask | its);
const STEMS_RE = new RegExp(`\\b${trieSource([...stemGrounds.keys()])}`, 'g');

/** An expression matching any of the words, their common prefixes shared. */
function trieSource(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  let withEmpty = false;
  for (const w of words) {
    if (w === '') withEmpty = true;
    else byFirst.set(w[0], [...(byFirst.get(w[0]) ?? []), w.slice(1)]);
  }
  const alternatives = [...byFirst].map(([c, rest]) => c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&') + trieSource(rest));
  if (alternatives.length === 0) return '';
  const group = `(?:${alternatives.join('|')})`;
  // A word that is a prefix of another ("surg", "surgery") ends here too.
  return withEmpty ? `${group}?` : alternatives.length === 1 ? alternatives[0] : group;
}

// "may", "should", "if": what may or should be, unless the sentence names this case in particular. ("Would" is left
// out: "the additional sessions would exceed the guideline" is a finding.)
const MODAL_RE = /\b(?:should|may|might|must|can|could|if|when|unless|is recommended|are recommended)\b/i;
// Up to the comma that ends the clause: not one inside a citation ("in ACOEM Chapter 11, page 261") or a number. A
// short lead-in may come first ("In the case of this worker, although there was ..., the record failed to show ...").
const CONCESSION_RE = /^(?:[^,.;]{1,40},\s*)?(?:Although|Though|Even though|While|Whilst)\b(?:[^,]|,(?=\s*(?:pages?|pp?\.)\s|\d))*,/i;
// After what may be, the turn to this case: "Up to 10 sessions may be appropriate but this original request was for 12".
const TURN_RE = /\b(?:but|however)\b/gi;
const NAMES_CASE_RE =
  /\b(?:the|this) (?:patient|claimant|applicant|injured worker)\b|\b(?:he|she)\b|\bhere\b|\bin this case\b|\bsubmitted\b|\brecords?\b|\brequest(?:s|ed)?\b/i;

const ABBREVIATION_RE = /\b(?:Dr|Mr|Mrs|Ms|vs|No|e\.g|i\.e|al|approx|St|Fig)$/;

/** The sentences of a collapsed text, as [from, to) spans: a stop, then a space, then a capital or an opening quote. */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const end = /[.;?!]["”)]?\s+(?=["“(]?[A-Z])/g;
  let start = 0;
  for (let m = end.exec(text); m; m = end.exec(text)) {
    if (ABBREVIATION_RE.test(text.slice(Math.max(start, m.index - 6), m.index))) continue;
    spans.push([start, m.index + 1]);
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

function negated(sentence: string, at: number, length: number, notUnder?: RegExp): boolean {
  const before = NEGATED_BEFORE_RE.exec(sentence.slice(Math.max(0, at - 200), at));
  if (before && !notUnder?.test(before[0])) return true;
  const after = sentence.slice(at + length);
  return NEGATED_AFTER_RE.test(after) || NEGATED_AT_END_RE.test(after);
}

function groundAt(g: GroundWords, sentence: string, m: RegExpExecArray): GroundKind | undefined {
  if (g.reading === 'plain') return g.kind;
  const isNegated = negated(sentence, m.index, m[0].length, g.notUnder);
  if (g.reading === 'affirmed') return isNegated || g.unless?.test(sentence.slice(m.index + m[0].length)) ? undefined : g.kind;
  if (isNegated) return g.kind;
  return g.affirmed && g.shown?.test(sentence) ? g.affirmed : undefined;
}

/**
 * The grounds read in a rationale (its text collapsed to single spaces), in the order of its sentences; a sentence may
 * give several. The item's own service is left out of the reading: a request "for a urine drug screen" is no ground.
 */
export function readGrounds(text: string, service = ''): GroundMatch[] {
  const found: GroundMatch[] = [];
  const [searched, lower] = maskService(text, lowerCase(text), service);
  let spans: [number, number][] | undefined;
  // The grounds each sentence may give, by its stems (a bit per ground).
  let candidates: Map<number, number> | undefined;
  STEMS_RE.lastIndex = 0;
  let sentence = 0;
  for (let m = STEMS_RE.exec(lower); m; m = STEMS_RE.exec(lower)) {
    spans ??= sentenceSpans(searched);
    while (sentence < spans.length - 1 && spans[sentence][1] <= m.index) sentence++;
    candidates ??= new Map();
    candidates.set(sentence, (candidates.get(sentence) ?? 0) | stemGrounds.get(m[0])!);
    // A stem may start inside another ("urine drug screen"): look again from the next character.
    STEMS_RE.lastIndex = m.index + 1;
  }
  if (!spans || !candidates) return found;
  // A service that is itself a ground's subject ("Urine drug screen") does not give that ground.
  const inService = groundWords.map((g) => g.words.test(service));
  for (const [index, grounds] of candidates) {
    const [from, to] = spans[index];
    const words = searched.slice(from, to);
    // The grounds' own words first: cheaper than telling a finding from the guideline, and rarer.
    let part: number | null | undefined;
    let read = words;
    for (let i = 0; i < groundWords.length; i++) {
      if (!(grounds & (1 << i)) || inService[i]) continue;
      const g = groundWords[i];
      let m = g.words.exec(words);
      if (!m) continue;
      if (part === undefined) {
        part = groundPart(words);
        if (part) read = words.slice(part);
      }
      if (part === null || (part > 0 && !(m = g.words.exec(read)))) continue;
      const kind = groundAt(g, read, m);
      // The ground's words are the part read: a concession set aside, or the guideline before a turn to the case, is
      // not one of them.
      if (kind) found.push({ kind, from: from + part + leadingSpaces(read), to });
    }
  }
  return found.sort((a, b) => a.from - b.from);
}

/**
 * Where a sentence about this case, in the reviewer's words, starts to be about it (0: from its start); undefined for
 * the guideline restated, generalised or quoted.
 */
export function findingFrom(sentence: string): number | undefined {
  if (!CASE_RE.test(sentence) || QUOTATION_RE.test(sentence)) return undefined;
  if (GUIDELINE_SAYS_RE.test(sentence) && !TURNS_TO_CASE_RE.test(sentence)) return undefined;
  // What may or should be, naming nothing of this case in particular: the guideline restated, up to a turn to the
  // case. A concession ("Although additional therapy may be appropriate, the requested 6 sessions exceed...") is no
  // such statement: its main clause is the finding.
  const modal = MODAL_RE.exec(sentence);
  if (!modal || CONCESSION_RE.test(sentence) || NAMES_CASE_RE.test(sentence.slice(0, modal.index))) return 0;
  TURN_RE.lastIndex = modal.index;
  const turn = TURN_RE.exec(sentence);
  if (!turn) return undefined;
  const rest = sentence.slice(turn.index);
  const again = MODAL_RE.exec(rest);
  return NAMES_CASE_RE.test(again ? rest.slice(0, again.index) : rest) ? turn.index : undefined;
}

/**
 * Where the words of a sentence that give grounds start: its finding, less a concession the reviewer sets aside
 * ("While the patient had not undergone conservative care ..., conservative care would not be appropriate"); null
 * for none.
 */
function groundPart(sentence: string): number | null {
  const from = findingFrom(sentence);
  if (from === undefined) return null;
  const concession = CONCESSION_RE.exec(sentence);
  return Math.max(from, concession ? concession[0].length : 0);
}

function leadingSpaces(s: string): number {
  let n = 0;
  while (n < s.length && s.charCodeAt(n) === 32) n++;
  return n;
}

/** The text in lower case at the same offsets: "İ" lower-cases to two characters, so such a text keeps its others. */
function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** The text, and its lower case, with each mention of the service blanked out (same length, so offsets hold). */
function maskService(text: string, lower: string, service: string): [string, string] {
  const words = service.replace(/\s+/g, ' ').trim();
  if (words.length < 4) return [text, lower];
  const needle = words.toLowerCase();
  let at = lower.indexOf(needle);
  if (at < 0) return [text, lower];
  let out = '';
  let last = 0;
  for (; at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    out += text.slice(last, at) + ' '.repeat(needle.length);
    last = at + needle.length;
  }
  out += text.slice(last);
  return [out, lowerCase(out)];
}

/** The kinds of the grounds, each once, in the order first read. */
export function groundKindsOf(matches: readonly GroundMatch[]): GroundKind[] {
  return [...new Set(matches.map((m) => m.kind))];
}

/**
 * The grounds of an item: those read in its rationale, then the surgery's fate when the rationale rests on it ("As the
 * requested surgical intervention is not medically necessary, ..."), as core/parser/surgery.ts read it.
 */
export function itemGroundKinds(item: DisputedItem): GroundKind[] {
  const kinds = item.rationale ? groundKindsOf(readGrounds(item.rationale.text, item.service)) : [];
  const surgery = surgeryGround(item);
  if (surgery) kinds.push(surgery);
  return kinds;
}

/** The ground an item's rationale gives by resting on its surgery's fate, if it does. */
export function surgeryGround(item: DisputedItem): GroundKind | undefined {
  if (!item.surgeryDependence) return undefined;
  return item.surgeryDependence.necessary ? 'surgery-necessary' : 'surgery-not-necessary';
}
