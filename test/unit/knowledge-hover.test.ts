// Tests of the citation hover text: title line, recommendation, hierarchy, confidence, regime, folder figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCitations } from '../../core/parser/citations/paragraph';
import { odgChapterKey } from '../../core/knowledge/odgChapters';
import { parseLetter } from '../../core/parser/parseLetter';
import { LineIndex } from '../../core/text/lines';
import { escapeMarkdown } from '../../core/text/markdown';
import { citationHoverMarkdown, resolveCitation } from '../../core/knowledge/index';
import type { GuidelineCitation } from '../../core/model';
import { corpusLetters, corpusSkip, lettersDir, seedsDir } from '../support/env';

function cite(text: string): GuidelineCitation {
  const [c] = parseCitations(new LineIndex(text), 0, text.length).citations;
  assert.ok(c, text);
  return c;
}

test('title line names guideline, edition, chapter, topic and pages; then recommendation, limits, summary, hierarchy, sources', () => {
  const md = citationHoverMarkdown(cite('Decision based on MTUS Chronic Pain Treatment Guidelines Massage Therapy Page(s): 60.'));
  const first = md.split('\n')[0];
  assert.match(first, /^\*\*Chronic Pain Medical Treatment Guidelines · 2009 \(effective July 18, 2009\) · Massage therapy · p\. 60\*\*$/);
  assert.match(md, /\*\*Recommendation:\*\* option/);
  assert.match(md, /\*\*Limits:\*\* 4-6 visits/);
  assert.match(md, /Evidence hierarchy:\* MTUS: presumed correct/);
  assert.match(md, /Confidence: verified/);
  assert.match(md, /\(https:\/\/www\.dir\.ca\.gov\//);
});

test('an ACOEM chapter section shows the chapter, and unverified facts say "unverified"', () => {
  const md = citationHoverMarkdown(cite('Decision based on MTUS Shoulder Complaints 2004, Section(s): Surgical Considerations.'));
  assert.match(md.split('\n')[0], /Chapter 9: Shoulder Complaints · Shoulder: Surgical Considerations/);
  assert.match(md, /unverified/);
});

test('ODG hovers say where ODG stands; externals show the link', () => {
  const odg = citationHoverMarkdown(cite('Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee & Leg, Durable medical equipment (DME).'));
  assert.match(odg, /^\*\*Official Disability Guidelines · .* · Durable medical equipment \(DME\)\*\*/);
  assert.match(odg, /ODG: not part of the MTUS; used where the MTUS does not address/);
  const ext = citationHoverMarkdown(cite('Decision based on Non-MTUS Citation http://www.drugs.com/famotidine.html.'));
  assert.match(ext, /^\*\*External source\*\*/);
  assert.match(ext, /<http:\/\/www\.drugs\.com\/famotidine\.html>/);
  assert.match(ext, /Other source: peer-reviewed studies/);
});

test('page mismatch, regime by date, and folder figures', () => {
  const ch5 = cite('Decision based on MTUS ACOEM Chapter 5 Cornerstones of Disability Prevention and Management Page(s): 173-174.');
  assert.match(citationHoverMarkdown(ch5), /Page mismatch:\*\* Page\(s\) 173-174 lie in Chapter 8/);
  const old = cite('Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Drug testing.');
  assert.match(citationHoverMarkdown(old, { letterDate: '2016-12-20' }), /the 2016 edition of the Chronic Pain guideline was in force, not the 2009 one cited/);
  assert.doesNotMatch(citationHoverMarkdown(old, { letterDate: '2014-01-20' }), /was in force, not/);
  const md = citationHoverMarkdown(old, { folderStats: { citedBy: 7, upheld: 5, overturned: 1 } });
  assert.match(md, /Cited by 7 items here: 5 upheld, 1 overturned\./);
  assert.doesNotMatch(citationHoverMarkdown(old), /Cited by/);
});

test('seeds: every citation hover names its guideline and each cited topic', () => {
  let hovers = 0;
  for (const name of ['000_2e67a60e31d1e457.txt', '001_7412a174a059eca0.txt', '003_600b92038191239e.txt', '004_a9481a5a1cd48426.txt']) {
    const model = parseLetter(readFileSync(path.join(seedsDir, name), 'utf8'));
    for (const item of model.items) {
      for (const p of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
        for (const c of p?.citations ?? []) {
          const md = citationHoverMarkdown(c, { letterDate: model.header?.decisionDate?.value });
          const r = resolveCitation(c);
          if (r.status !== 'resolved') continue;
          hovers++;
          assert.ok(r.guideline && md.includes(r.guideline.name), `${name}: ${c.text}`);
          for (const e of r.entries) assert.ok(md.includes(escapeMarkdown(e.topic)), `${name}: ${e.topic}`);
        }
      }
    }
  }
  assert.ok(hovers >= 10, `only ${hovers} resolved citations in the seeds (is the parser reading them?)`);
});

test('corpus: hovers of different sections (or chapters cited) differ, hovers of the same section agree', { skip: corpusSkip }, () => {
  const bySection = new Map<string, Set<string>>();
  for (const name of corpusLetters().slice(0, 60)) {
    const model = parseLetter(readFileSync(path.join(lettersDir, name), 'utf8'));
    for (const item of model.items) {
      for (const c of item.maximusGuideline?.citations ?? []) {
        const r = resolveCitation(c);
        if (r.status !== 'resolved' || r.entries.length !== 1) continue;
        const md = citationHoverMarkdown(c);
        // An ODG topic cited under another chapter than its entry's is titled by the chapter cited.
        const key = `${r.entries[0].id} ${r.entries[0].guideline === 'odg' ? (odgChapterKey(c.chapter?.title) ?? '') : ''}`;
        const set = bySection.get(key) ?? new Set<string>();
        set.add(md.split('\n')[0]);
        bySection.set(key, set);
      }
    }
  }
  assert.ok(bySection.size >= 15, `only ${bySection.size} distinct sections`);
  const titles = [...bySection.values()].map((s) => [...s]);
  for (const t of titles) assert.equal(t.length, 1, `one section, several title lines: ${t.join(' / ')}`);
  assert.equal(new Set(titles.map((t) => t[0])).size, titles.length, 'two sections share a title line');
});

test('a 2016 citation shows the topic\'s pages as those of the 2009 edition', () => {
  const md = citationHoverMarkdown(cite('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.'));
  assert.match(md.split('\n')[0], /2016 \(effective July 28, 2016\) · Physical medicine \(physical therapy, occupational therapy\) · pp\. 98–99 in the 2009 edition\*\*$/);
});
