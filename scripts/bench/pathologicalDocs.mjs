// Malformed, oversized documents for the pathological benchmarks: one part of a letter repeated until the document
// is the size asked for. Each generator repeats the kind of text that once made a part of the parser, a rule or a
// feature search to the end of the text again and again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { letterFiles, root } from './common.mjs';

const sample = readFileSync(path.join(root, 'samples', 'malformed-conflict.txt'), 'utf8');
const front = sample.slice(0, sample.indexOf('IMR ISSUES'));
const issues = sample.slice(sample.indexOf('IMR ISSUES'));
const oneItem = issues.slice(issues.indexOf('\n') + 1);
export const heading = 'IMR ISSUES, DECISIONS AND RATIONALES\n';
const guideline = (text) => `${front}${heading}X:  Upheld\nMAXIMUS guideline: ${text}\nDecision rationale: not medically necessary.\n`;

/** name → (a piece, and how a document is made of the piece repeated `n` times). */
export const generators = {
  'items': [oneItem, (r) => front + heading + r],
  'Non-MTUS citations': ['Decision based on Non-MTUS Citation ODG Low Back, Manipulation; ', guideline],
  'MTUS citations': ['Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Opioids; ', guideline],
  'MTUS Page(s) citations': ['Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 298, ', guideline],
  'links in a citation': ['https://www.example.com/a/b.html, ', (r) => guideline(`Decision based on Non-MTUS Citation ${r}`)],
  'sections of a citation': ['Opioids, ', (r) => guideline(`Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): ${r}`)],
  'ODG chapters': ['Low back, Manipulation; Neck and Upper back, Traction; ', (r) => guideline(`Decision based on Non-MTUS Citation ODG ${r}`)],
  'citations and statements': ['Decision based on MTUS ACOEM Page(s): 1. The reviewer did not cite any medical evidence for its decision. ', guideline],
  'glued references': ['Harris J. Occupational medicine practice guidelines, 2nd edition (2004) p 301 ', (r) => guideline(`Decision based on Non-MTUS Citation ODG Low Back 2016 - Manipulation ${r}`)],
  'title lines': ['Word word word\n', (r) => `${front}${heading}${r}:  Upheld\nDecision rationale: ok\n`],
  'blank lines': ['\n \n', (r) => front + r],
  // Every item after the first goes with its surgery: each rationale is read again for the surgery's fate, and the
  // summaries gather each surgery's items.
  'services of one surgery': [
    'Associated surgical service: Sling:  Upheld\nMAXIMUS guideline: Decision based on MTUS\nDecision rationale: As the requested surgical intervention is not medically necessary, the service is not medically necessary.\n',
    (r) => `${front}${heading}Right shoulder arthroscopy:  Overturned\nMAXIMUS guideline: Decision based on MTUS\nDecision rationale: medically necessary.\n${r}`,
  ],
  // Each item cites a section the knowledge base does not know: unresolved-citation places each report on the
  // section's words (it once built a line index of the whole letter per report).
  'unknown sections, item after item': [
    'MRI of the lumbar spine:  Upheld\nMAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, Section(s): Hyperbaric\noxygen chambers.\nDecision rationale: not medically necessary.\n',
    (r) => front + heading + r,
  ],
  'rationale conclusions': ['is not medically necessary and cannot be considered medically necessary, ', (r) => guideline(`Decision based on MTUS\nDecision rationale: ${r}`)],
};

export function documentOf([piece, make], megabytes) {
  const base = make('').length;
  return make(piece.repeat(Math.max(1, Math.round((megabytes * 1e6 - base) / piece.length))));
}

/**
 * `count` fragments of the corpus letters chosen at random (a seeded generator: the same fragments every run), 1 to
 * 12 lines each, half of them alone and the rest after a letter's front and issues heading: a search for growth the
 * generators miss (each fragment is to be repeated to the sizes compared). Fragments of under 3 characters are skipped.
 */
export function randomFragments(count, seed) {
  const { dir, files } = letterFiles();
  const letters = files.map((f) => readFileSync(f, 'utf8'));
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pieces = [];
  for (let i = 0; i < count; i++) {
    const letter = letters[Math.floor(random() * letters.length)];
    const lines = letter.split('\n');
    const at = Math.floor(random() * lines.length);
    const fragment = lines.slice(at, at + 1 + Math.floor(random() * 12)).join('\n') + (random() < 0.5 ? '\n' : ' ');
    const issuesAt = letter.indexOf('IMR ISSUES');
    const lead = random() < 0.6 && issuesAt > 0 ? `${letter.slice(0, issuesAt)}${heading}` : '';
    if (fragment.trim().length >= 3) pieces.push({ fragment, lead });
  }
  return { dir, pieces };
}
