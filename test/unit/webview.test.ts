// The decision-summary page in a real browser (Debian's Chromium through playwright-core): letter strings show
// as text, the Content-Security-Policy runs only the nonce'd script and loads nothing remote, the script
// posts the expected messages and applies updates.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { LetterSummary } from '../../core/summary/letterSummary';
import type { FolderRow } from '../../core/summary/folderRows';
import { noFilter } from '../../core/summary/folderStats';
import type { FolderView } from '../../client/summaryHtml';
import { contentSecurityPolicy, escapeHtml, folderPageSize, renderFolderBody, renderLetterBody, renderPage } from '../../client/summaryHtml';
import { accessibilityTree, byRole, findAll, type AxNode } from '../support/accessibility';
import { chromiumEnv, chromiumExecutable } from '../support/codeServer';
import { repoRoot, skipUnless } from '../support/env';

const origin = 'https://webview.imr.test';

/** What the tests read and call in the page (this project compiles without the DOM library). */
interface PageGlobals {
  posted: unknown[];
  state: unknown;
  inlineRan?: boolean;
  acquireVsCodeApi: () => unknown;
  postMessage(message: unknown, targetOrigin: string): void;
  getComputedStyle(element: unknown): { borderCollapse: string };
}
const hostile = '<img src=x onerror=alert(1)>';
const skip = skipUnless(existsSync(chromiumExecutable), 'no Chromium here: apt-get install chromium (or run scripts/setup-e2e.sh)');

function summary(): LetterSummary {
  return {
    name: `${hostile}.txt`,
    uri: 'file:///letters/a.txt',
    isLetter: true,
    caseNumber: hostile,
    priority: hostile,
    applicationReceived: '2016-12-30',
    decisionDate: '2017-02-01',
    timeline: { applicationToDecision: 33 },
    age: 45,
    sex: 'male',
    specialties: ['<script>alert(2)</script>'],
    licensure: ['"California" & \'Texas\''],
    upheld: 1,
    overturned: 1,
    items: [
      {
        index: 0,
        service: hostile,
        title: hostile,
        decision: 'Upheld',
        guideline: '<a href="javascript:alert(3)">MTUS</a>',
        guidelineBasis: 'MTUS',
        claimsBasis: '<b onmouseover=alert(6)>ODG</b>',
        sections: ['MTUS Chronic Pain: <img src=x onerror=alert(5)>'],
        conclusion: 'not-medically-necessary',
        grounds: [],
        checks: [],
        rationaleStart: '</td></tr></table><svg onload=alert(4)>',
        titleRange: { start: { line: 10, character: 0 }, end: { line: 10, character: 5 } },
      },
      {
        index: 1,
        service: 'Massage therapy',
        title: 'Massage therapy',
        decision: 'Overturned',
        guideline: 'MTUS Chronic Pain',
        guidelineBasis: 'MTUS + ODG',
        claimsBasis: 'MTUS',
        sections: [],
        conclusion: 'medically-necessary',
        grounds: [],
        checks: [],
        rationaleStart: 'It is medically necessary.',
        titleRange: { start: { line: 20, character: 0 }, end: { line: 20, character: 5 } },
      },
    ],
  };
}

describe('the decision-summary webview page in Chromium', { skip }, () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const remoteRequests: string[] = [];
  const violations: string[] = [];

  async function load(body: string): Promise<void> {
    const html = renderPage({
      nonce: 'dGVzdC1ub25jZS0xMjM0NTY3',
      cspSource: origin,
      scriptUri: `${origin}/media/summary.js`,
      styleUri: `${origin}/media/summary.css`,
      title: hostile,
      uri: 'file:///letters/a.txt',
      body,
    });
    await page.unroute('**/*');
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${origin}/index.html`) return route.fulfill({ contentType: 'text/html', body: html });
      if (url.startsWith(`${origin}/media/`)) {
        const file = path.join(repoRoot, 'media', path.basename(new URL(url).pathname));
        return route.fulfill({ contentType: url.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file, 'utf8') });
      }
      if (!url.startsWith(origin)) remoteRequests.push(url);
      return route.abort();
    });
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).posted.length > 0);
  }

  before(async () => {
    browser = await chromium.launch({ executablePath: chromiumExecutable, args: ['--no-sandbox', '--disable-gpu'], env: chromiumEnv(path.join(os.tmpdir(), 'imr-webview-test')) });
    page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // The stand-in for VS Code's webview API: records what the page posts and stores.
    await page.addInitScript(() => {
      const w = globalThis as unknown as PageGlobals;
      w.posted = [];
      w.acquireVsCodeApi = () => ({
        postMessage: (m: unknown) => w.posted.push(m),
        setState: (s: unknown) => (w.state = s),
        getState: () => w.state,
      });
    });
  });

  after(async () => {
    await browser?.close();
  });

  test('strings from the letter show as text: no element, no script, no dialog', async () => {
    await load(renderLetterBody(summary()));
    assert.equal(await page.locator('h1').innerText(), hostile);
    const fact = (term: string) => page.locator(`dt:text-is("${term}") + dd`).innerText();
    assert.equal(await fact('Priority'), hostile);
    assert.equal(await fact('Days to decision'), '33 days from the application');
    assert.equal(await page.locator('tbody th.service').first().innerText(), hostile);
    assert.equal(await page.locator('td.rationale').first().innerText(), '</td></tr></table><svg onload=alert(4)>');
    // What the workspace says of the items, escaped too.
    // And the problems the checks find: an item's under its service, the letter's in the header.
    const checks = {
      items: new Map([[0, [{ code: 'body-part-mismatch', severity: 'warning' as const, message: hostile }]]]),
      letter: [{ code: hostile, severity: 'error' as const, message: `A section is missing: ${hostile}` }],
    };
    await load(renderLetterBody(summary(), { items: [{ index: 0, sections: [hostile], grounds: [], sameService: { others: 2, upheld: 1, overturned: 1 } }, { index: 1, sections: [], mtusNotCited: hostile, grounds: [{ kind: 'no-red-flags', line: 30 }, { kind: 'beyond-guideline-limits', line: 31 }], sameService: { others: 0, upheld: 0, overturned: 0 } }], unreadPdfs: 3 }, checks));
    assert.deepEqual(await page.locator('header [data-context="check"]').allInnerTexts(), [`Error: A section is missing: ${hostile} (${hostile})`]);
    assert.deepEqual(await page.locator('tr[data-index="0"] th.service [data-context="check"]').allInnerTexts(), [`Warning: ${hostile} (body-part-mismatch)`]);
    assert.equal(await page.locator('tr[data-index="1"] [data-context="check"]').count(), 0, 'no line for an item without problems');
    assert.equal(await page.locator('[data-context="sections"]').first().innerText(), `Section: ${hostile}`);
    assert.deepEqual(await page.locator('[data-context="precedents"]').allInnerTexts(), [
      '2 other items for this service here: 1 upheld, 1 overturned (3 PDFs not read yet)',
      'No other item for this service here (3 PDFs not read yet)',
    ]);
    assert.equal(await page.locator('[data-context="sections"]').count(), 1, 'no line for an item without a section');
    assert.deepEqual(await page.locator('[data-context="mtus-not-cited"]').allInnerTexts(), [`MTUS not cited; the MTUS has a section on this service: ${hostile}`]);
    assert.equal(await page.locator('tr[data-index="1"] [data-context="mtus-not-cited"]').count(), 1, 'under the second item only');
    assert.deepEqual(await page.locator('[data-context="grounds"]').allInnerTexts(), [
      "Grounds: No red flags, neurological deficit or surgery in view; Beyond the guideline's number or duration",
    ]);
    assert.equal(await page.locator('tr[data-index="1"] td.conclusion [data-context="grounds"]').count(), 1, 'under the second item\'s conclusion only');
    assert.equal(await page.locator('main img, main script, main svg').count(), 0);
    assert.equal(await page.title(), hostile);
    assert.equal(await page.locator('main img, main svg, main script, main a').count(), 0);
    assert.equal(await page.locator('table.items tbody tr').count(), 2);
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(remoteRequests, []);
  });

  test('the stylesheet from the extension applies; the nonce script runs and posts "ready"', async () => {
    assert.equal(await page.locator('table.items').evaluate((t) => (globalThis as unknown as PageGlobals).getComputedStyle(t).borderCollapse), 'collapse');
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as PageGlobals).posted[0]), { type: 'ready' });
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as PageGlobals).state), { uri: 'file:///letters/a.txt' });
  });

  test("in a light theme the decision badges' and warnings' text has a contrast of 4.5:1 at least (Light+'s colours)", async () => {
    // What VS Code sets on a webview's body in Light+: its class and the theme's colours as variables.
    const colours = await page.evaluate(() => {
      const g = globalThis as unknown as { document: { body: { classList: { add(c: string): void; remove(c: string): void }; style: { setProperty(k: string, v: string): void } }; querySelector(s: string): unknown; createElement(t: string): { className: string; innerHTML: string } & Record<string, unknown> } } & PageGlobals;
      const body = g.document.body;
      body.classList.add('vscode-light');
      for (const [k, v] of Object.entries({ '--vscode-charts-green': '#388A34', '--vscode-charts-red': '#E51400', '--vscode-charts-yellow': '#BF8803', '--vscode-editor-background': '#FFFFFF', '--vscode-editorWarning-foreground': '#BF8803' })) body.style.setProperty(k, v);
      const probe = g.document.createElement('div');
      probe.innerHTML = '<span class="badge overturned">O</span><span class="badge upheld">U</span><span class="badge unknown">?</span><div class="check warning"><span class="severity">Warning</span></div>';
      (body as unknown as { appendChild(n: unknown): void }).appendChild(probe);
      const style = (sel: string) => (g.getComputedStyle((probe as unknown as { querySelector(s: string): unknown }).querySelector(sel)) as unknown as { color: string; backgroundColor: string });
      const out = ['.badge.overturned', '.badge.upheld', '.badge.unknown'].map((sel) => [style(sel).color, style(sel).backgroundColor]);
      out.push([style('.check.warning .severity').color, 'rgb(255, 255, 255)']);
      (probe as unknown as { remove(): void }).remove();
      body.classList.remove('vscode-light');
      return out;
    });
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const [fg, bg] of colours) {
      const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
      assert.ok((a + 0.05) / (b + 0.05) >= 4.5, `${fg} on ${bg}: ${((a + 0.05) / (b + 0.05)).toFixed(2)}:1`);
    }
  });

  test("a click on a row or an export button, or Enter or Space on a row's button, posts a message", async () => {
    await page.locator('tr[data-index="1"] td.rationale').click();
    await page.locator('button[data-export="csv"]').click();
    await page.locator('tr[data-index="0"] button.row-action').focus();
    await page.keyboard.press('Enter');
    await page.locator('tr[data-index="1"] button.row-action').focus();
    await page.keyboard.press(' ');
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as PageGlobals).posted.slice(1)), [
      { type: 'reveal', index: 1 },
      { type: 'export', format: 'csv' },
      { type: 'reveal', index: 0 },
      { type: 'reveal', index: 1 },
    ]);
  });

  test("each item is reached by a button named by its service, in the row's header; the rows themselves are not focusable", async () => {
    await load(renderLetterBody(summary()));
    const tree = await accessibilityTree(page);
    const [table] = byRole(tree, 'table');
    const headers = byRole(table, 'rowheader');
    assert.deepEqual(
      headers.map((h) => h.children.filter((c) => c.role === 'button').map((b) => [b.name, b.description, b.properties.focusable])),
      [[[hostile, 'Show this item in the letter', true]], [['Massage therapy', 'Show this item in the letter', true]]],
    );
    assert.deepEqual(findAll(table, (n) => n.role === 'row' && n.properties.focusable === true), [], 'no focusable row');
    // The keyboard goes from the export buttons to the items' buttons, one stop per item.
    await page.locator('button[data-export="markdown"]').focus();
    await page.keyboard.press('Tab');
    assert.equal(byRole(await accessibilityTree(page), 'button').find((b) => b.properties.focused)?.name, hostile);
    await page.keyboard.press('Tab');
    assert.equal(byRole(await accessibilityTree(page), 'button').find((b) => b.properties.focused)?.name, 'Massage therapy');
  });

  test('the export buttons, in a region, are named by what they export, the folder\'s by what its filter keeps', async () => {
    await load(renderLetterBody(summary()));
    let tree = await accessibilityTree(page);
    assert.equal(byRole(tree, 'navigation').length, 0, 'not a navigation landmark');
    const exports = (t: AxNode) => byRole(byRole(t, 'region', 'Export')[0], 'button').map((b) => b.name);
    assert.deepEqual(exports(tree), ["Export this letter's 2 items as CSV", "Export this letter's 2 items as JSON", "Export this letter's 2 items as Markdown"]);
    await load(renderFolderBody(folderView({ filter: { ...noFilter, decision: 'Upheld' }, kept: [0] })));
    assert.equal(exports(await accessibilityTree(page))[0], 'Export the filtered item as CSV');
    // An update changes the names with the filter (the toolbar is outside the content it replaces).
    await page.evaluate((h) => (globalThis as unknown as PageGlobals).postMessage({ type: 'update', html: h, uri: 'file:///f' }, '*'), renderFolderBody(folderView()));
    await page.locator('button[data-clear-filter]').waitFor({ state: 'detached' });
    tree = await accessibilityTree(page);
    assert.equal(exports(tree)[2], 'Export all 2 items as Markdown');
  });

  test('an update message replaces the content and the remembered letter', async () => {
    const next = { ...summary(), caseNumber: 'CM17-0000002', uri: 'file:///letters/b.txt' };
    await page.evaluate(
      ([html, uri]) => (globalThis as unknown as PageGlobals).postMessage({ type: 'update', html, uri, title: 'B' }, '*'),
      [renderLetterBody(next), next.uri],
    );
    await page.locator('h1', { hasText: 'CM17-0000002' }).waitFor();
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as PageGlobals).state), { uri: 'file:///letters/b.txt' });
    await page.evaluate(() => (globalThis as unknown as PageGlobals).postMessage({ type: 'update', html: 42, uri: 'x' }, '*'));
    await page.waitForTimeout(100);
    assert.equal(await page.locator('h1').innerText(), 'CM17-0000002', 'a malformed update is ignored');
  });

  test('the policy blocks inline scripts, inline handlers and remote content even if escaping failed', async () => {
    violations.length = 0;
    // Raw, unescaped markup, as if a bug skipped escapeHtml: the CSP is the second line of defence.
    await load(
      `<script>window.inlineRan = true</script><img src="x" onerror="alert('handler')">` +
        `<img src="https://example.com/track.png"><link rel="stylesheet" href="https://example.com/x.css">` +
        `<iframe src="https://example.com/"></iframe>`,
    );
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (globalThis as unknown as PageGlobals).inlineRan), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(remoteRequests, [], 'nothing remote is even requested');
    assert.ok(violations.length > 0, 'Chromium reports the blocked content');
  });

  test('the policy itself', () => {
    const csp = contentSecurityPolicy('https://x.vscode-cdn.net', 'abc');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abc'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.equal(escapeHtml(`<>&"'`), '&#60;&#62;&#38;&#34;&#39;');
  });

  function folderView(over: Partial<FolderView> = {}): FolderView {
    const rows: FolderRow[] = summary().items.map((r, i) => ({
      ...r,
      uri: 'file:///f/a.txt',
      file: hostile,
      caseNumber: hostile,
      specialty: hostile,
      year: '2017',
      turnaround: 'Within 30 days',
      grounds: i === 0 ? ['no-red-flags', 'beyond-guideline-limits'] : [],
      checks: i === 1 ? [hostile, 'body-part-mismatch'] : [],
    }));
    return { folderName: hostile, rows, letters: 1, filter: noFilter, kept: rows.map((_, i) => i), limit: folderPageSize, ...over };
  }
  const lastPosted = () => page.evaluate(() => (globalThis as unknown as PageGlobals).posted.at(-1));

  test('the folder page escapes file names, specialties and services, in cells and in its breakdowns', async () => {
    await load(renderFolderBody(folderView()));
    assert.equal(await page.locator('table.items td.file').first().innerText(), hostile);
    assert.equal(await page.locator('[data-breakdown="specialty"] tbody th.group').first().innerText(), hostile);
    assert.equal(await page.locator('main img, main script, main svg').count(), 0);
    // The rules that find a problem in an item: named under its service, and counted in their breakdown.
    assert.deepEqual(await page.locator('table.items [data-context="checks"]').allInnerTexts(), [`Checks: ${hostile}; body-part-mismatch`]);
    assert.equal(await page.locator('tr[data-row="1"] [data-context="checks"]').count(), 1);
    assert.deepEqual((await page.locator('[data-breakdown="checks"] tbody th.group').allInnerTexts()).sort(), ['No problem found', 'body-part-mismatch', hostile].sort());
    await page.locator('tr[data-row="1"] th.service button').click();
    assert.deepEqual(await lastPosted(), { type: 'reveal', row: 1 });
    // A group's key goes back to the extension exactly as it came, markup and all.
    await page.locator('[data-breakdown="specialty"] tr[data-group-key]').first().click();
    assert.deepEqual(await lastPosted(), { type: 'filter', group: { by: 'specialty', key: hostile } });
    assert.deepEqual(dialogs, []);
  });

  test("the folder page's button to the items, below the breakdowns, scrolls to them in the page and posts nothing", async () => {
    await page.setViewportSize({ width: 900, height: 300 });
    try {
      await load(renderFolderBody(folderView()));
      const jump = page.locator('button[data-jump="items"]');
      assert.equal(await jump.innerText(), 'Go to the 2 items ↓');
      const top = () => page.locator('#items').evaluate((t) => (t as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top);
      assert.ok((await top()) > 300, 'the items start below the window');
      const posted = await page.evaluate(() => (globalThis as unknown as PageGlobals).posted.length);
      await jump.click();
      await page.waitForFunction(() => {
        const t = (globalThis as unknown as { document: { getElementById(id: string): { getBoundingClientRect(): { top: number } } } }).document.getElementById('items');
        return Math.abs(t.getBoundingClientRect().top) < 2;
      });
      assert.equal(await page.evaluate(() => (globalThis as unknown as PageGlobals).posted.length), posted);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  test('in a panel 400 pixels wide every breakdown fits, the share overturned in sight', async () => {
    await page.setViewportSize({ width: 400, height: 700 });
    try {
      await load(renderFolderBody(folderView()));
      // VS Code's font, as a webview gets it (the page alone would have the browser's 16 px).
      await page.evaluate(() => {
        const body = (globalThis as unknown as { document: { body: { style: { setProperty(k: string, v: string): void } } } }).document.body;
        body.style.setProperty('--vscode-font-size', '13px');
        body.style.setProperty('--vscode-font-family', 'system-ui, sans-serif');
      });
      const overflowing = await page.locator('.breakdown').evaluateAll((els) =>
        els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => `${el.getAttribute('data-breakdown')}: ${el.scrollWidth} > ${el.clientWidth}`),
      );
      assert.deepEqual(overflowing, []);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  test('in a narrow panel the items are cards whose column headers, hidden from the eye, still name the cells for screen readers', async () => {
    await page.setViewportSize({ width: 500, height: 700 });
    try {
      await load(renderLetterBody(summary()));
      const size = (selector: string) => page.locator(selector).evaluate((e) => (e as unknown as { offsetHeight: number }).offsetHeight);
      assert.equal(await size('table.items thead'), 1, 'the header row is hidden from the eye');
      const [items] = byRole(await accessibilityTree(page), 'table', 'Items');
      assert.deepEqual(byRole(items, 'columnheader').map((h) => h.name), ['#', 'Service', 'Decision', "Reviewer's guideline", 'Conclusion', 'Rationale']);
      assert.deepEqual(byRole(items, 'rowheader').map((h) => byRole(h, 'button')[0].name), [hostile, 'Massage therapy']);
      // The folder's sort buttons are in the header: it shows while the keyboard is on one of them.
      await load(renderFolderBody(folderView()));
      assert.equal(await size('table.items thead'), 1);
      await page.locator('th.service button[data-sort]').focus();
      assert.ok((await size('table.items thead')) > 10, 'shown with the focus in it');
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  test('the folder page names the files it counted once as copies, escaped', async () => {
    await load(renderFolderBody(folderView({ copies: [{ name: hostile, of: 'a.pdf' }] })));
    assert.equal(await page.locator('p.copies').innerText(), `One file is a copy of another letter, counted once: ${hostile} (a copy of a.pdf).`);
    const many = Array.from({ length: 5 }, (_, i) => ({ name: `c${i}.txt`, of: `c${i}.pdf` }));
    await load(renderFolderBody(folderView({ copies: many })));
    assert.equal(
      await page.locator('p.copies').innerText(),
      '5 files are copies of other letters, counted once: c0.txt (a copy of c0.pdf), c1.txt (a copy of c1.pdf), c2.txt (a copy of c2.pdf) and 2 more.',
    );
    await load(renderFolderBody(folderView()));
    assert.equal(await page.locator('p.copies').count(), 0);
    assert.equal(await page.locator('main img, main script, main svg').count(), 0);
  });

  test('the folder page counts each breakdown: items, upheld, overturned, the share overturned', async () => {
    await load(renderFolderBody(folderView()));
    const cells = async (by: string) =>
      page.locator(`[data-breakdown="${by}"] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((td) => td.textContent)));
    assert.deepEqual(await cells('guideline'), [
      ['MTUS', '1', '1', '0', '0%'],
      ['MTUS + ODG', '1', '0', '1', '100%'],
    ]);
    assert.deepEqual(await cells('year'), [['2017', '2', '1', '1', '50%']]);
    assert.deepEqual(await cells('turnaround'), [['Within 30 days', '2', '1', '1', '50%']]);
    // The claims administrator's guideline, its label escaped.
    assert.deepEqual(await cells('claims'), [
      ['<b onmouseover=alert(6)>ODG</b>', '1', '1', '0', '0%'],
      ['MTUS', '1', '0', '1', '100%'],
    ]);
    assert.equal(await page.locator('[data-breakdown="claims"] caption').textContent(), "Claims administrator's guideline");
    // The sections an item was decided on, escaped; an item with none known in its own group, and the note.
    assert.deepEqual(await cells('section'), [
      ['MTUS Chronic Pain: <img src=x onerror=alert(5)>', '1', '1', '0', '0%'],
      ['Not in the knowledge base', '1', '0', '1', '100%'],
    ]);
    assert.match(await page.locator('[data-breakdown="section"] p.muted').innerText(), /counts in both/);
    // The grounds read in the rationales: an item in each of its grounds, one with none in its own group; each row
    // names its grounds under its conclusion.
    assert.deepEqual(await cells('grounds'), [
      ["Beyond the guideline's number or duration", '1', '1', '0', '0%'],
      ['No red flags, neurological deficit or surgery in view', '1', '1', '0', '0%'],
      ['None of these read', '1', '0', '1', '100%'],
    ]);
    assert.equal(await page.locator('[data-breakdown="grounds"] caption').textContent(), 'Grounds read in the rationale');
    assert.deepEqual(await page.locator('table.items [data-context="grounds"]').allInnerTexts(), [
      "Grounds: No red flags, neurological deficit or surgery in view; Beyond the guideline's number or duration",
    ]);
  });

  test("a breakdown's group is a toggle button in its row's header, pressed while it filters the items; an item by its service", async () => {
    await load(renderFolderBody(folderView({ filter: { ...noFilter, groups: { guideline: 'MTUS' } }, kept: [0] })));
    const tree = await accessibilityTree(page);
    // Captions are in capitals (CSS text-transform), which Chromium passes on.
    const groups = (caption: RegExp) =>
      byRole(byRole(tree, 'table', caption)[0], 'rowheader').flatMap((h) => byRole(h, 'button').map((b) => [b.name, b.properties.pressed, b.description]));
    assert.deepEqual(groups(/^Reviewer's guideline$/i), [['MTUS', 'true', 'Show all items again']]);
    assert.deepEqual(groups(/^Decision year$/i), [['2017', 'false', 'Show only these items']]);
    const items = byRole(tree, 'table').at(-1)!;
    assert.deepEqual(byRole(items, 'rowheader').map((h) => byRole(h, 'button').map((b) => b.name)), [[hostile]]);
    assert.deepEqual(findAll(tree, (n) => n.role === 'row' && (n.properties.focusable === true || /Show/.test(n.name))), [], 'no row named by a tooltip');
    await page.locator('[data-breakdown="year"] tr[data-group-key="2017"] button').press('Enter');
    assert.deepEqual(await lastPosted(), { type: 'filter', group: { by: 'year', key: '2017' } });
  });

  test('the pages have headings to jump to, item tables named by a caption, breakdown tables described by their notes', async () => {
    const headings = (tree: AxNode) => byRole(tree, 'heading').map((h) => [h.properties.level, h.name.toLowerCase()]);
    await load(renderLetterBody(summary()));
    let tree = await accessibilityTree(page);
    assert.deepEqual(headings(tree), [[1, hostile.toLowerCase()], [2, 'case'], [2, 'expert reviewer'], [2, 'items']]);
    assert.deepEqual(byRole(tree, 'table').map((t) => t.name), ['Items']);
    await load(renderFolderBody(folderView()));
    tree = await accessibilityTree(page);
    assert.deepEqual(headings(tree), [[1, hostile.toLowerCase()], [2, 'filter'], [2, 'breakdowns'], [2, 'items']]);
    assert.equal(byRole(tree, 'table').at(-1)!.name, 'Items (2)');
    const [section] = byRole(tree, 'table', /^Reviewer's guideline section$/i);
    assert.equal(section.description, 'An item decided on two sections counts in both.');
    await load(renderFolderBody(folderView({ filter: { ...noFilter, decision: 'Upheld' }, kept: [0] })));
    assert.equal(byRole(await accessibilityTree(page), 'table').at(-1)!.name, 'Items (1 of 2)');
    // Hidden from the eye: the page looks as before.
    assert.deepEqual(await page.locator('h2, table.items caption').evaluateAll((els) => els.map((e) => (e as unknown as { offsetWidth: number }).offsetWidth)), [1, 1, 1, 1]);
  });

  test('the filter box, the decision list, the chips and "Show more" post what the user asked for', async () => {
    const view = folderView({ filter: { text: 'mass', decision: 'Overturned', groups: { year: '2017' } }, kept: [1], limit: 0 });
    await load(renderFolderBody(view));
    assert.equal(await page.locator('#filter').inputValue(), 'mass');
    assert.equal(await page.locator('#decision').inputValue(), 'Overturned');
    assert.match(await page.locator('#shown').innerText(), /^1 of 2 items$/);
    await page.locator('#filter').fill('massage');
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).posted.some((m) => (m as { text?: string }).text === 'massage'));
    assert.deepEqual(await lastPosted(), { type: 'filter', text: 'massage' });
    await page.locator('#decision').selectOption('Upheld');
    assert.deepEqual(await lastPosted(), { type: 'filter', decision: 'Upheld' });
    // The chip's × and the jump's ↓ are not read out as "times" and "down arrow".
    const tree = await accessibilityTree(page);
    assert.deepEqual(
      byRole(tree, 'button', /^Remove the filter/).map((b) => [b.name, b.description]),
      [['Remove the filter Decision year: 2017', '']],
    );
    assert.equal(byRole(tree, 'button', /^Go to the/)[0].name, 'Go to the item');
    await page.locator('button[data-clear-group="year"]').click();
    assert.deepEqual(await lastPosted(), { type: 'filter', group: { by: 'year', key: null } });
    await page.locator('button[data-clear-filter]').click();
    assert.deepEqual(await lastPosted(), { type: 'clearFilter' });
    await page.locator('button[data-more]').click();
    assert.deepEqual(await lastPosted(), { type: 'more' });
    await page.locator('button[data-refresh]').click();
    assert.deepEqual(await lastPosted(), { type: 'refresh' });
    await page.locator('th.service button[data-sort]').click();
    assert.deepEqual(await lastPosted(), { type: 'sort', column: 'service' });
    await page.locator('#sort').selectOption('case:desc');
    assert.deepEqual(await lastPosted(), { type: 'sort', column: 'case', descending: true });
    await page.locator('#sort').selectOption('');
    assert.deepEqual(await lastPosted(), { type: 'sort', column: null });
  });

  test('the sorted column is marked for eyes and screen readers', async () => {
    await load(renderFolderBody(folderView({ sort: { column: 'decision', descending: true }, kept: [1, 0] })));
    assert.equal(await page.locator('th[aria-sort]').count(), 1);
    assert.equal(await page.locator('th.decision').getAttribute('aria-sort'), 'descending');
    assert.equal(await page.locator('th.decision button').innerText(), 'Decision ▼');
    assert.equal(await page.locator('#sort').inputValue(), 'decision:desc');
    // The rows come in the order given.
    assert.deepEqual(await page.locator('table.items tr[data-row]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row'))), ['1', '0']);
    // A screen reader hears words, not the arrows: the button's name is the column's, its description what a press
    // does next; the sort list's directions in words.
    const tree = await accessibilityTree(page);
    const sortButtons = byRole(byRole(tree, 'table').at(-1)!, 'columnheader').flatMap((h) => byRole(h, 'button').map((b) => [b.name, b.description]));
    assert.deepEqual(sortButtons.slice(2, 4), [
      ['Service', 'Sort by service, A to Z'],
      ['Decision', 'Back to file order'],
    ]);
    assert.deepEqual(byRole(tree, 'option').map((o) => o.name).filter((n) => n.startsWith('By decision') || n.startsWith('In file')), [
      'In file order',
      'By decision (A to Z)',
      'By decision (Z to A)',
    ]);
    await load(renderFolderBody(folderView({ sort: { column: 'decision', descending: false } })));
    assert.equal(byRole(await accessibilityTree(page), 'button', 'Decision')[0].description, 'Sort by decision, Z to A');
  });

  test('while the folder is read again, the page says so and Refresh is unavailable, the keyboard still on it', async () => {
    await load(renderFolderBody(folderView()));
    await page.locator('button[data-refresh]').press('Enter');
    assert.deepEqual(await lastPosted(), { type: 'refresh' });
    const update = (view: FolderView) =>
      page.evaluate((h) => (globalThis as unknown as PageGlobals).postMessage({ type: 'update', html: h, uri: 'file:///f' }, '*'), renderFolderBody(view));
    await update(folderView({ loading: true }));
    await page.locator('#reading').waitFor();
    assert.equal(await page.locator('#reading').innerText(), 'Reading the letters…');
    const refresh = async () => byRole(await accessibilityTree(page), 'button', 'Refresh')[0];
    const reading = await refresh();
    assert.deepEqual([reading.properties.disabled, reading.properties.focused], [true, true]);
    const posted = await page.evaluate(() => (globalThis as unknown as PageGlobals).posted.length);
    await page.locator('button[data-refresh]').click({ force: true });
    assert.equal(await page.evaluate(() => (globalThis as unknown as PageGlobals).posted.length), posted, 'nothing posted while unavailable');
    assert.equal(await page.locator('table.items tr[data-row]').count(), 2, 'the rows read before stay');
    // The extension posts the server's progress straight into the page, as text.
    await page.evaluate((text) => (globalThis as unknown as PageGlobals).postMessage({ type: 'progress', text }, '*'), `300 of 1,000 files ${hostile}`);
    await page.locator('#reading', { hasText: '300 of 1,000' }).waitFor();
    assert.equal(await page.locator('#reading').innerText(), `Reading the letters… 300 of 1,000 files ${hostile}`);
    assert.equal(await page.locator('main img').count(), 0);
    // Read: Refresh again, still focused.
    await update(folderView());
    await page.locator('#reading').waitFor({ state: 'detached' });
    assert.deepEqual(Object.entries((await refresh()).properties).filter(([k]) => k === 'disabled' || k === 'focused'), [['focused', true]]);
  });

  test('the folder page\'s status line, outside the content updates replace, says what a change shows once it has settled', async () => {
    await load(renderFolderBody(folderView()));
    const [status] = byRole(await accessibilityTree(page), 'status');
    assert.deepEqual([status.properties.live, status.properties.atomic], ['polite', true]);
    assert.equal(await page.locator('main #announce').count(), 0, 'not in <main>');
    // What is written there, in order (each write is one announcement).
    await page.evaluate(() => {
      const g = globalThis as unknown as { writes: string[]; document: { getElementById(id: string): { textContent: string } }; MutationObserver: new (f: () => void) => { observe(n: unknown, o: unknown): void } };
      g.writes = [];
      const region = g.document.getElementById('announce');
      new g.MutationObserver(() => g.writes.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
    });
    const writes = () => page.evaluate(() => (globalThis as unknown as { writes: string[] }).writes);
    const update = (view: FolderView, announce?: string) =>
      page.evaluate(([h, a]) => (globalThis as unknown as PageGlobals).postMessage({ type: 'update', html: h, uri: 'file:///f', announce: a }, '*'), [renderFolderBody(view), announce] as const);
    // Typing: an update per pause of the box, the status written once, for the last.
    await update(folderView({ filter: { ...noFilter, text: 'm' }, kept: [0, 1] }), 'All 2 items shown: 1 upheld, 1 overturned');
    await update(folderView({ filter: { ...noFilter, text: 'ma' }, kept: [1] }), '1 of 2 items shown: 0 upheld, 1 overturned');
    await page.waitForFunction(() => (globalThis as unknown as { writes: string[] }).writes.length > 0);
    assert.deepEqual(await writes(), ['1 of 2 items shown: 0 upheld, 1 overturned']);
    assert.equal(await page.locator('#announce').textContent(), '1 of 2 items shown: 0 upheld, 1 overturned');
    // The same words again ("Show more"), an update without any (the letter panel's), progress: nothing written.
    await update(folderView({ filter: { ...noFilter, text: 'ma' }, kept: [1], limit: 1 }), '1 of 2 items shown: 0 upheld, 1 overturned');
    await update(folderView({ filter: { ...noFilter, text: 'ma' }, kept: [1] }));
    await page.evaluate(() => (globalThis as unknown as PageGlobals).postMessage({ type: 'progress', text: '1 of 2 files' }, '*'));
    await page.waitForTimeout(700);
    assert.equal((await writes()).length, 1);
    await update(folderView({ sort: { column: 'service', descending: false }, kept: [1, 0] }), 'Sorted by service, A to Z');
    await page.waitForFunction(() => (globalThis as unknown as { writes: string[] }).writes.length > 1);
    assert.deepEqual((await writes()).slice(1), ['Sorted by service, A to Z']);
  });

  test('after an update the keyboard stays on the row, button or list used; "Show more" and "Go to the items" lead to rows', async () => {
    const focusedIs = (selector: string) =>
      page.evaluate((sel) => {
        const d = (globalThis as unknown as { document: { activeElement: unknown; querySelector(s: string): unknown } }).document;
        return d.activeElement !== null && d.activeElement === d.querySelector(sel);
      }, selector);
    const update = (view: FolderView) =>
      page.evaluate((h) => (globalThis as unknown as PageGlobals).postMessage({ type: 'update', html: h, uri: 'file:///f' }, '*'), renderFolderBody(view));
    const settled = () => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    await load(renderFolderBody(folderView()));
    // A breakdown's row, chosen with Enter: the page comes back filtered, the row still focused.
    const group = '[data-breakdown="year"] tr[data-group-key="2017"] button';
    await page.locator(group).focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await lastPosted(), { type: 'filter', group: { by: 'year', key: '2017' } });
    await update(folderView({ filter: { ...noFilter, groups: { year: '2017' } } }));
    await settled();
    assert.ok(await focusedIs(group), 'the breakdown row');
    // A column's sort button.
    await page.locator('th.service button[data-sort]').focus();
    await page.keyboard.press('Enter');
    await update(folderView({ sort: { column: 'service', descending: false }, kept: [1, 0] }));
    await settled();
    assert.ok(await focusedIs('button[data-sort="service"]'), 'the sort button');
    // The decision list, changed from the keyboard.
    await page.locator('#decision').focus();
    await page.keyboard.press('ArrowDown');
    await update(folderView({ filter: { ...noFilter, decision: 'Upheld' }, kept: [0] }));
    await settled();
    assert.ok(await focusedIs('#decision'), 'the decision list');
    // "Show more": on the first row it showed.
    await update(folderView({ limit: 1 }));
    await page.locator('button[data-more]').focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await lastPosted(), { type: 'more' });
    await update(folderView({ kept: [1, 0] }));
    await settled();
    assert.ok(await focusedIs('table.items tr[data-row="0"] button'), 'the second row shown, the first new one');
    // "Go to the items": on the first of them.
    await page.locator('button[data-jump="items"]').focus();
    await page.keyboard.press('Enter');
    assert.ok(await focusedIs('table.items tr[data-row="1"] button'), 'the first item row');
  });

  test('an update while the user types keeps what is typed and the caret', async () => {
    await load(renderFolderBody(folderView()));
    await page.locator('#filter').click();
    await page.keyboard.type('mas');
    // The extension answers for an earlier state of the box ("ma"): the box keeps "mas".
    const html = renderFolderBody(folderView({ filter: { ...noFilter, text: 'ma' }, kept: [1] }));
    await page.evaluate((h) => (globalThis as unknown as PageGlobals).postMessage({ type: 'update', html: h, uri: 'file:///f' }, '*'), html);
    await page.locator('table.items tr[data-row]').nth(1).waitFor({ state: 'detached' });
    assert.equal(await page.locator('#filter').inputValue(), 'mas');
    await page.keyboard.type('s');
    assert.equal(await page.locator('#filter').inputValue(), 'mass', 'still focused, the caret at the end');
  });
});
