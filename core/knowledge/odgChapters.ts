// The ODG chapters as the resolver keys them, told from how letters write their names.
import type { KnowledgeEntry } from './types';

/** ODG chapter keys and how letters write each chapter's name. */
const ODG_CHAPTERS: [string, RegExp][] = [
  ['low-back', /\b(low(er)?\s?back|lumbar)\b/i],
  ['neck', /\bneck\b|\bcervical\b/i],
  ['knee', /\bknee\b/i],
  ['shoulder', /\bshoulder\b/i],
  ['elbow', /\belbow\b/i],
  ['forearm', /\b(forearm|wrist|hand)\b/i],
  ['hip', /\bhips?\b|\bpelvis\b/i],
  ['head', /\bhead\b/i],
  ['carpal-tunnel', /\bcarpal tunnel\b/i],
  ['ankle', /\b(ankle|foot)\b/i],
  ['hernia', /\bhernia\b/i],
  ['fitness', /\bfitness for duty\b/i],
  ['mental', /\bmental\b|\bstress\b/i],
  ['preface', /\bpreface\b/i],
  ['pain', /\bpain\b/i],
];

export function odgChapterKey(text: string | undefined): string | undefined {
  if (!text) return undefined;
  // "Carpal Tunnel Syndrome" before "hand"; "Pain" last, since other titles hold the word.
  if (/\bcarpal tunnel\b/i.test(text)) return 'carpal-tunnel';
  return ODG_CHAPTERS.find(([, re]) => re.test(text))?.[0];
}

/** Whether a whole topic is only a chapter's name ("Low Back - Lumbar & Thoracic", "Hand chapters"). */
export function isOdgChapterName(text: string): boolean {
  const rest = text
    .replace(/\((?:acute|chronic)[^)]*\)/gi, ' ')
    // ("&" is no word: \b cannot bound it.)
    .replace(/&/g, ' ')
    .replace(/\b(chapters?|section|and|low|lower|back|lumbar|thoracic|neck|upper|knee|leg|shoulder|elbow|forearm|wrist|hand|hips?|pelvis|head|ankle|foot|hernia|pain|chronic|preface|carpal|tunnel|syndrome)\b/gi, ' ')
    .replace(/[\s,./-]+/g, '');
  return rest === '' && odgChapterKey(text) !== undefined;
}

/** The ODG chapters that are not of one body part. */
const NOT_A_BODY_PART = new Set(['pain', 'preface', 'fitness', 'mental']);

/**
 * Whether an ODG entry holds for any body part: the topics of the chapters that are not of one body part (the Pain
 * chapter's drugs and treatments, the Preface's therapy guidelines, a functional capacity evaluation, psychotherapy),
 * not a chapter's overview, and not imaging, which is always of one body part.
 */
export function isAnyBodyPart(e: KnowledgeEntry): boolean {
  const k = e.chapter?.key;
  return k !== undefined && NOT_A_BODY_PART.has(k) && e.recommendation !== 'mixed' && !/\b(?:MRI|CT|x-rays?|imaging|radiograph\w*|bone scan)\b/i.test(e.topic);
}
