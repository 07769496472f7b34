// The extension in a real VS Code: language detection, diagnostics, symbols, hovers, commands, views, webviews.
// Runs with mocha in the extension host (test/integration/index.ts) on a copy of samples/.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ImrApi } from '../../client/extension';
import { letterPages, writePdf } from '../support/minimalPdf';

const extensionId = 'imr-letters.imr-letters';
const seed1 = '001_7412a174a059eca0.txt';
const seed3 = '003_600b92038191239e.txt';
const seed4 = '004_a9481a5a1cd48426.txt';
let api: ImrApi;

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

/** Opens a workspace file in an editor and waits until it is an imr document the server has parsed. */
async function openLetter(name: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(name);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await until(`${name} to switch to imr`, () => vscode.window.activeTextEditor?.document.languageId === 'imr');
  await until(`the server's model of ${name}`, async () => ((await api.letter(uri))?.items.length ?? 0) > 0);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor);
  return editor;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

function serverPids(): number[] {
  // The server is a child of this extension host (IPC transport), running dist/server.js.
  const pids: number[] = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (ppid === process.pid && cmd.includes('server.js')) pids.push(Number(name));
    } catch {
      // Gone while we looked.
    }
  }
  return pids;
}

suite('IMR Letters extension', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<ImrApi>(extensionId);
    assert.ok(extension, `${extensionId} is loaded`);
    api = await extension.activate();
  });

  test('a plain-text letter is switched to the IMR Letter language on open', async () => {
    const editor = await openLetter(seed1);
    assert.equal(editor.document.languageId, 'imr');
    assert.equal(editor.document.uri.path.endsWith('.txt'), true);
    // Letters are prose: wrapped by default, as Markdown is, so that a rationale reads beside the summary panel.
    assert.equal(vscode.workspace.getConfiguration('editor', editor.document).get('wordWrap'), 'on');
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordWrap'), 'off');
  });

  test('the setting imr.detectInTextFiles off leaves plain-text letters alone', async () => {
    const config = vscode.workspace.getConfiguration('imr');
    await config.update('detectInTextFiles', false, vscode.ConfigurationTarget.Workspace);
    try {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('002_152cfa9104ed247b.txt'));
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(doc.languageId, 'plaintext');
    } finally {
      await config.update('detectInTextFiles', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a malformed letter gets the expected diagnostic on the item title', async () => {
    const editor = await openLetter('malformed-missing-rationale.txt');
    const uri = editor.document.uri;
    const diagnostics = await until('the missing-rationale diagnostic', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'missing-rationale');
      return found.length > 0 && found;
    });
    const model = await api.letter(uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics[0].range.start.line, model?.items[0].title.range.start.line);
    assert.equal(vscode.languages.getDiagnostics(workspaceFile(seed1)).length, 0, 'a well-formed seed has no diagnostics');
  });

  test('a decision that contradicts its rationale points at the conclusion (related information)', async () => {
    const editor = await openLetter('malformed-conflict.txt');
    const uri = editor.document.uri;
    const [diagnostic] = await until('the conflict diagnostic', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'decision-rationale-conflict');
      return found.length > 0 && found;
    });
    const conclusion = (await api.letter(uri))!.items[0].conclusionRange!;
    assert.equal(diagnostic.relatedInformation?.length, 1);
    const [related] = diagnostic.relatedInformation!;
    assert.equal(related.location.uri.toString(), uri.toString());
    assert.deepEqual(
      [related.location.range.start.line, related.location.range.start.character, related.location.range.end.line, related.location.range.end.character],
      [conclusion.start.line, conclusion.start.character, conclusion.end.line, conclusion.end.character],
    );
    assert.match(editor.document.getText(related.location.range), /not medically necessary\.$/);
    assert.equal(related.message, 'The rationale concludes the request is not medically necessary.');
  });

  test('imr.rules turns a rule off', async () => {
    const uri = workspaceFile('malformed-missing-rationale.txt');
    const config = vscode.workspace.getConfiguration('imr', uri);
    await config.update('rules', { 'missing-rationale': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await until('the diagnostic to go', () => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'missing-rationale'));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until('the diagnostic to come back', () => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'missing-rationale'));
  });

  test('document symbols (Outline, breadcrumbs) list the disputed items', async () => {
    const editor = await openLetter(seed3);
    const symbols = await until('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return s && s.length > 0 && s;
    });
    const names: string[] = [];
    const walk = (list: vscode.DocumentSymbol[]) => list.forEach((s) => (names.push(s.name), walk(s.children)));
    walk(symbols);
    for (const service of ['Mechanical Traction 2 x 4 weeks for the Lumbar Spine', 'Manipulation Electro-Muscle Stimulation', 'Myofascial Release']) {
      assert.ok(names.includes(service), `the outline lists "${service}" (has: ${names.join(', ')})`);
    }
  });

  test('Format Document tidies a double-spaced letter, and the server reads the same items in it', async () => {
    const editor = await openLetter(seed1);
    const document = editor.document;
    const before = (await api.letter(document.uri))?.items.map((i) => [i.title.value, i.decision, i.rationale?.text]);
    const lines = document.lineCount;
    const version = document.version;
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await until('the formatted text', () => document.version > version);
    const text = document.getText();
    assert.ok(document.lineCount < lines * 0.6, `${document.lineCount} lines of ${lines}: the empty line after each line is gone`);
    assert.doesNotMatch(text, /[ \t]\n|\n\n\n/, 'no white space at a line end, one empty line between paragraphs');
    const after = await until('the model of the formatted text', async () => {
      const model = await api.letter(document.uri);
      return model?.lineCount === document.lineCount && model.items.map((i) => [i.title.value, i.decision, i.rationale?.text]);
    });
    assert.deepEqual(after, before);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(document.lineCount, lines, 'reverted for the tests after');
  });

  test('imr.format.joinLines: Format Document puts each paragraph on one line, and the server reads the same items', async () => {
    const editor = await openLetter(seed1);
    const document = editor.document;
    const before = (await api.letter(document.uri))?.items.map((i) => [i.title.value, i.decision, i.rationale?.text]);
    const lines = document.lineCount;
    const config = vscode.workspace.getConfiguration('imr', document.uri);
    await config.update('format.joinLines', true, vscode.ConfigurationTarget.Workspace);
    try {
      // The text the edits would make (VS Code may have made them more minimal: they are applied, not read).
      const result = (edits: readonly vscode.TextEdit[]) => {
        let text = document.getText();
        for (const e of [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))) {
          text = text.slice(0, document.offsetAt(e.range.start)) + e.newText + text.slice(document.offsetAt(e.range.end));
        }
        return text;
      };
      const edits = await until('the joining edits', async () => {
        const found = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 4, insertSpaces: true });
        // The setting reaches the server with a later request: wait until the edits join lines.
        return found && result(found).split('\n').length < lines * 0.3 && found;
      });
      const applied = new vscode.WorkspaceEdit();
      applied.set(document.uri, edits);
      await vscode.workspace.applyEdit(applied);
      assert.ok(document.lineCount < lines * 0.3, `${document.lineCount} lines of ${lines}`);
      assert.ok(document.getText().split('\n').some((l) => l.startsWith('Decision rationale: ') && l.length > 300), 'the rationale on one line');
      const after = await until('the model of the joined text', async () => {
        const model = await api.letter(document.uri);
        return model?.lineCount === document.lineCount && model.items.map((i) => [i.title.value, i.decision, i.rationale?.text]);
      });
      assert.deepEqual(after, before);
    } finally {
      await config.update('format.joinLines', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(document.lineCount, lines, 'reverted for the tests after');
  });

  test('a hover on a guideline citation describes the guideline', async () => {
    const editor = await openLetter(seed1);
    const model = await api.letter(editor.document.uri);
    const citation = model?.items[0].maximusGuideline?.citations[0];
    assert.ok(citation, 'the seed cites a guideline');
    const at = new vscode.Position(citation.range.start.line, citation.range.start.character + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hoverText(hovers);
    assert.match(text, /MTUS/);
    assert.match(text, /Low Back Complaints/);
  });

  test('a hover on "Decision rationale:" quotes the grounds the rationale gives', async () => {
    const editor = await openLetter(seed4);
    const model = await api.letter(editor.document.uri);
    const rationale = model?.items[1].rationale;
    assert.ok(rationale, 'the seed has a rationale');
    const at = new vscode.Position(rationale.labelRange.start.line, rationale.labelRange.start.character + 3);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
    assert.match(text, /Grounds read in this rationale/);
    assert.match(text, /Beyond the guideline's number or duration\*\* \(line \d+\): "Also, the requested number of sessions exceeds guideline recommendations\."/);
  });

  test('semantic tokens mark each line of a wrapped title, the decision word and the conclusion\'s words', async () => {
    const editor = await openLetter(seed4);
    const document = editor.document;
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    assert.deepEqual(legend.tokenTypes, ['imrItemTitle', 'imrDecision', 'imrConclusion', 'imrGround']);
    const tokens = await until('semantic tokens', async () =>
      (await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri)) ?? undefined,
    );
    const seen: string[] = [];
    const data = tokens.data;
    for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      const mods = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
      seen.push(`${legend.tokenTypes[data[i + 3]]}${mods.map((m) => `.${m}`).join('')} ${document.getText(new vscode.Range(line, character, line, character + data[i + 2]))}`);
    }
    const at = seen.indexOf('imrItemTitle REFERRAL TO PAIN MANAGEMENT TO DISCUSS ABOUT A CERVICAL');
    assert.ok(at >= 0, `the wrapped title's first line among ${seen.length} tokens`);
    assert.deepEqual(seen.slice(at), [
      'imrItemTitle REFERRAL TO PAIN MANAGEMENT TO DISCUSS ABOUT A CERVICAL',
      'imrItemTitle EPIDURAL STEROID INJECTION',
      'imrDecision.upheld Upheld',
      'imrConclusion.upheld not medically necessary',
    ]);
    assert.ok(seen.includes('imrGround.upheld Also, the requested number of sessions exceeds guideline recommendations.'));
  });

  test('inlay hints name the topic a citation\'s pages hold, after the citation', async () => {
    const editor = await openLetter(seed1);
    const document = editor.document;
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
      'vscode.executeInlayHintProvider',
      document.uri,
      new vscode.Range(0, 0, document.lineCount, 0),
    );
    const labelOf = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    assert.deepEqual(hints.map(labelOf), ['§ Low back: Physical Methods', '§ Physical medicine']);
    assert.equal(document.getText(new vscode.Range(hints[0].position.with({ character: 0 }), hints[0].position)), 'Page(s): 298');
  });

  test('Find All References on a citation: its section in the letter, and the items of other letters decided on it; highlights', async () => {
    const name = '004_a9481a5a1cd48426.txt';
    const other = workspaceFile('zz-references.txt');
    const text = readFileSync(workspaceFile(name).fsPath, 'utf8');
    writeFileSync(other.fsPath, text.replace('UPDATED MRI(MAGNETIC RESONANCE IMAGE) OF THE CERVICAL SPINE', 'REPEAT MRI OF THE NECK'));
    try {
      const editor = await openLetter(name);
      const uri = editor.document.uri;
      const mri = (await api.letter(uri))!.items.find((i) => i.title.value.includes('MRI'))!;
      const reviewer = mri.maximusGuideline!.citations[0];
      const administrator = mri.claimsAdministratorGuideline!.citations[0];
      const at = new vscode.Position(reviewer.range.start.line, reviewer.range.start.character + 4);
      const refs = await until('references reaching the other letter', async () => {
        const r = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, at);
        return r?.some((l) => l.uri.fsPath === other.fsPath) && r;
      });
      const starts = (list: { range: vscode.Range }[]) => list.map((l) => [l.range.start.line, l.range.start.character]);
      assert.deepEqual(starts(refs.filter((l) => l.uri.toString() === uri.toString())), [
        [administrator.range.start.line, administrator.range.start.character],
        [reviewer.range.start.line, reviewer.range.start.character],
      ]);
      const there = refs.filter((l) => l.uri.fsPath === other.fsPath);
      assert.equal(there.length, 1);
      assert.equal((await vscode.workspace.openTextDocument(other)).getText(there[0].range), 'REPEAT MRI OF THE NECK');
      const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', uri, at);
      assert.deepEqual(
        highlights.map((h) => [h.range.start.line, h.kind]),
        [
          [administrator.range.start.line, vscode.DocumentHighlightKind.Text],
          [reviewer.range.start.line, vscode.DocumentHighlightKind.Read],
        ],
      );
    } finally {
      rmSync(other.fsPath, { force: true });
    }
  });

  test('IMR: Next / Previous Disputed Item move between item titles, wrapping around', async () => {
    const editor = await openLetter(seed3);
    const model = await api.letter(editor.document.uri);
    const lines = model!.items.map((i) => i.titleLines[0].start.line);
    assert.equal(lines.length, 3);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const line = () => vscode.window.activeTextEditor!.selection.active.line;
    await vscode.commands.executeCommand('imr.nextItem');
    assert.equal(line(), lines[0]);
    await vscode.commands.executeCommand('imr.nextItem');
    assert.equal(line(), lines[1]);
    await vscode.commands.executeCommand('imr.previousItem');
    assert.equal(line(), lines[0]);
    await vscode.commands.executeCommand('imr.previousItem');
    assert.equal(line(), lines[2], 'before the first item comes the last');
  });

  test('the status bar and the items view follow the active letter and its edits', async () => {
    const editor = await openLetter(seed3);
    await until('the status bar counts', () => api.statusText() === '3 items · 2 upheld · 1 overturned');
    assert.equal(api.statusAccessibilityLabel(), 'IMR letter, 3 items: 2 upheld, 1 overturned', 'read in words, not "·"');
    assert.deepEqual(api.itemLabels(), ['Mechanical Traction 2 x 4 weeks for the Lumbar Spine', 'Manipulation Electro-Muscle Stimulation', 'Myofascial Release']);

    const model = await api.letter(editor.document.uri);
    const word = model!.items[2].decisionText!;
    const range = new vscode.Range(word.range.start.line, word.range.start.character, word.range.end.line, word.range.end.character);
    assert.equal(editor.document.getText(range), 'Overturned');
    assert.ok(await editor.edit((e) => e.replace(range, 'Upheld')));
    try {
      await until('the counts after the edit', () => api.statusText() === '3 items · 3 upheld · 0 overturned');
    } finally {
      await vscode.commands.executeCommand('undo');
    }
    await until('the counts after the undo', () => api.statusText() === '3 items · 2 upheld · 1 overturned');

    await openLetter(seed1);
    await until('the items of the other letter', () => api.itemLabels().length === 1 && api.itemLabels());
    assert.equal(api.statusText(), '1 item · 1 upheld · 0 overturned');
    assert.equal(api.statusAccessibilityLabel(), 'IMR letter, 1 item: 1 upheld, 0 overturned');

    // A surgery's services are listed under it.
    await openLetter('malformed-associated-service.txt');
    await until('the surgery with its services', () => api.itemLabels().length === 3);
    assert.deepEqual(api.itemLabels(), ['Right shoulder arthroscopy with rotator cuff repair', '  Pre-operative medical clearance', '  Cold therapy unit, 7 day rental']);
    // The cold therapy unit's rationale rests on the surgery's denial while the surgery is overturned: its row counts
    // the problem, and only its row.
    const descriptions = await until('the problem counted on its item', () => api.itemDescriptions()[2]?.startsWith('1 problem · ') && api.itemDescriptions());
    assert.deepEqual(
      descriptions.map((d) => d.startsWith('1 problem · ')),
      [false, false, true],
    );
    // A screen reader hears what the row shows (VS Code reads the accessibility label instead of label and description).
    const heard = api.itemAccessibilityLabels();
    assert.match(heard[2], /^Cold therapy unit, 7 day rental, (Upheld|Overturned), 1 problem, .+, goes with the surgery, item 1$/);
    assert.ok(heard[2].includes(descriptions[2].replace(/^1 problem · /, '')), heard[2]);
    assert.match(heard[0], /^Right shoulder arthroscopy with rotator cuff repair, (Upheld|Overturned)(, .+)?$/);
    // F12 on a service's title reaches its surgery.
    const surgeryLetter = vscode.window.activeTextEditor!.document;
    const cold = (await api.letter(surgeryLetter.uri))!.items[2];
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      surgeryLetter.uri,
      new vscode.Position(cold.title.range.start.line, cold.title.range.start.character + 3),
    );
    assert.equal(targets.length, 1);
    const target = targets[0];
    const targetRange = target instanceof vscode.Location ? target.range : (target.targetSelectionRange ?? target.targetRange);
    assert.equal(surgeryLetter.getText(targetRange), 'Right shoulder arthroscopy with rotator cuff repair');
  });

  test('IMR: Show Decision Summary opens the webview beside the letter, following the active letter', async () => {
    const editor = await openLetter(seed3);
    assert.equal(await vscode.commands.executeCommand('imr.showSummary'), true);
    const tab = await until('the summary tab', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('imrSummary')),
    );
    assert.match(tab.label, /003_600b92038191239e/);
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the panel opens beside the letter');
    assert.equal(api.summaryUri(), editor.document.uri.toString());
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(seed1)), vscode.ViewColumn.One);
    await until('the summary to follow the active letter', () => api.summaryUri() === workspaceFile(seed1).toString());
  });

  test('IMR: Export Decision Table writes CSV, JSON and Markdown', async () => {
    await openLetter(seed3);
    const csv = await vscode.commands.executeCommand<vscode.Uri>('imr.exportSummary', 'csv', workspaceFile('out/items.csv'));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(csv));
    const lines = text.trim().split('\r\n');
    assert.equal(lines[0], 'Case number,Item,Service,Decision,Guideline,Conclusion,Grounds,Checks,Rationale');
    assert.equal(lines.length, 4);
    // The grounds the server read in the rationale ("As mechanical traction is not recommended, ...").
    assert.match(lines[1], /,Not medically necessary,Not recommended by the guideline,/);
    assert.match(lines[3], /Myofascial Release,Overturned/);

    const json = await vscode.commands.executeCommand<vscode.Uri>('imr.exportSummary', 'json', workspaceFile('out/items.json'));
    const parsed = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(json)));
    assert.deepEqual(
      parsed.items.map((i: { decision: string }) => i.decision),
      ['Upheld', 'Upheld', 'Overturned'],
    );

    const md = await vscode.commands.executeCommand<vscode.Uri>('imr.exportSummary', 'markdown', workspaceFile('out/items.md'));
    const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(md));
    assert.match(markdown, /\| 3 \| Myofascial Release \| Overturned \|/);

    // A letter with a problem: its item names the rule, as the Problems view has it.
    await openLetter('malformed-conflict.txt');
    await until('the diagnostics of the letter', () => vscode.languages.getDiagnostics(workspaceFile('malformed-conflict.txt')).length > 0);
    const conflict = await vscode.commands.executeCommand<vscode.Uri>('imr.exportSummary', 'csv', workspaceFile('out/conflict.csv'));
    const conflictLines = new TextDecoder().decode(await vscode.workspace.fs.readFile(conflict)).trim().split('\r\n');
    assert.match(conflictLines[1], /,decision-rationale-conflict,/);
  });

  test('IMR: Show Folder Summary asks the server for the folder and opens its table', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    assert.equal(await vscode.commands.executeCommand('imr.showFolderSummary', folder), true);
    await until('the folder summary tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('imrFolderSummary')),
    );
  });

  test('a letter changed on disk is read again for workspace symbols: VS Code reports it to the server', async () => {
    const file = workspaceFile('watched-letter.txt').fsPath;
    const original = readFileSync(workspaceFile(seed1).fsPath, 'utf8');
    const symbolsIn = async (query: string) =>
      (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query))
        .filter((s) => s.location.uri.fsPath === file)
        .map((s) => s.name);
    // A fixed mtime, put back after the change: the server can only learn of the change from VS Code's watcher.
    const mtime = new Date('2024-05-01T12:00:00Z');
    writeFileSync(file, original);
    utimesSync(file, mtime, mtime);
    try {
      await until('the new letter in workspace symbols', async () => (await symbolsIn('physical therapy')).length > 0);
      const changed = original.replace('12 Physical Therapy Treatments', '12 Aquatic  Therapy Treatments');
      assert.equal(changed.length, original.length);
      writeFileSync(file, changed);
      utimesSync(file, mtime, mtime);
      const found = await until('the changed title in workspace symbols', async () => {
        const names = await symbolsIn('aquatic');
        return names.length > 0 && names;
      });
      assert.ok(found.some((n) => /Aquatic\s+Therapy/.test(n)), found.join(' | '));
      assert.deepEqual(await symbolsIn('physical therapy'), []);
    } finally {
      rmSync(file, { force: true });
    }
  });

  test('a PDF of the workspace is in workspace symbols and references as its text (imr-pdf), which opens as a letter', async () => {
    const pdf = workspaceFile('003_600b92038191239e.pdf');
    // The server reads the workspace's PDFs in the background: a later search finds it.
    const symbol = await until('the PDF\'s item in workspace symbols', async () =>
      (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'myofascial')).find((s) => s.location.uri.scheme === 'imr-pdf'),
    );
    assert.equal(symbol.location.uri.toString(), pdf.with({ scheme: 'imr-pdf' }).toString());
    const doc = await vscode.workspace.openTextDocument(symbol.location.uri);
    await until('the PDF\'s text to be an IMR letter', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString())?.languageId === 'imr');
    assert.match(doc.getText(symbol.location.range), /^Myofascial Release/);
    // References from the text letter it was printed from reach its item in the PDF, at the PDF's text.
    const editor = await openLetter(seed3);
    const traction = (await api.letter(editor.document.uri))!.items[0];
    const at = new vscode.Position(traction.maximusGuideline!.citations[0].range.start.line, traction.maximusGuideline!.citations[0].range.start.character + 2);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, at);
    const inPdf = refs.filter((l) => l.uri.scheme === 'imr-pdf');
    assert.equal(inPdf.length, 1, refs.map((l) => l.uri.toString()).join(' | '));
    assert.match(doc.getText(inPdf[0].range), /^Mechanical Traction/);
    assert.ok(!refs.some((l) => l.uri.scheme === 'file' && /\.pdf$/i.test(l.uri.path)), 'no location in the PDF file itself');
  });

  test('IMR: Check Letters in Folder puts the problems of letters not open in the Problems view, a PDF\'s under its text', async () => {
    const folder = workspaceFile('to-check');
    mkdirSync(folder.fsPath, { recursive: true });
    const unopened = vscode.Uri.joinPath(folder, 'unopened.txt');
    const pdf = vscode.Uri.joinPath(folder, 'printed.pdf');
    writeFileSync(unopened.fsPath, readFileSync(workspaceFile('malformed-missing-guideline.txt').fsPath, 'utf8'));
    writeFileSync(pdf.fsPath, writePdf(letterPages(readFileSync(workspaceFile('malformed-unknown-decision.txt').fsPath, 'utf8'))));
    try {
      const result = await vscode.commands.executeCommand<{ letters: number; lettersWithProblems: number } | undefined>('imr.checkFolder', folder);
      assert.deepEqual([result?.letters, result?.lettersWithProblems], [2, 2]);
      const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map(codeOf);
      await until('the unopened letter\'s problems', () => codes(unopened).includes('missing-guideline'));
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'the letter was not opened');
      await until('the PDF\'s problems, under its text', () => codes(pdf.with({ scheme: 'imr-pdf' })).includes('unknown-decision'));
      assert.deepEqual(codes(pdf), [], 'none on the PDF file itself');
      // A restart of the server clears them; the folder is checked again, and they come back.
      await vscode.commands.executeCommand('imr.restartServer');
      await until('the unopened letter\'s problems after a restart', () => codes(unopened).includes('missing-guideline'));
    } finally {
      rmSync(folder.fsPath, { recursive: true, force: true });
    }
  });

  test('IMR: Open PDF as Letter shows a PDF\'s text as a read-only letter, and Save as Text Letter writes it to a .txt', async () => {
    const pdf = workspaceFile('printed-letter.pdf');
    const txt = workspaceFile('printed-letter.txt');
    const bad = workspaceFile('locked.pdf');
    // The sample with an unknown decision word: its diagnostic has quick fixes in a text letter.
    const source = readFileSync(workspaceFile('malformed-unknown-decision.txt').fsPath, 'utf8');
    writeFileSync(pdf.fsPath, writePdf(letterPages(source)));
    writeFileSync(bad.fsPath, writePdf([[{ text: 'x' }]], { locked: true }));
    try {
      const opened = await vscode.commands.executeCommand<string>('imr.openPdf', pdf);
      assert.equal(opened, pdf.with({ scheme: 'imr-pdf' }).toString());
      const doc = vscode.window.activeTextEditor?.document;
      assert.equal(doc?.uri.toString(), opened);
      assert.equal(doc.languageId, 'imr');
      // The letter's items, diagnostics and outline, as for a text letter.
      const model = await until('the server\'s model of the PDF', async () => {
        const m = await api.letter(doc.uri);
        return m !== null && m.items.length > 0 && m;
      });
      const expected = (await api.letter(await openLetter('malformed-unknown-decision.txt').then((e) => e.document.uri)))!;
      assert.deepEqual(model.items.map((i) => [i.title.value, i.decisionText?.text]), expected.items.map((i) => [i.title.value, i.decisionText?.text]));
      const diagnostic = await until('the unknown-decision diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'unknown-decision'));
      assert.equal(doc.getText(diagnostic.range), model.items.find((i) => i.decisionText)?.decisionText?.text);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      const names = (list: vscode.DocumentSymbol[]): string[] => list.flatMap((sym) => [sym.name, ...names(sym.children)]);
      assert.ok(names(symbols).some((name) => name.includes(model.items[0].title.value.slice(0, 20))), names(symbols).join(' | '));
      // Quick fixes in the text letter, none in the read-only PDF text.
      const textFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', workspaceFile('malformed-unknown-decision.txt'), vscode.languages.getDiagnostics(workspaceFile('malformed-unknown-decision.txt')).find((d) => codeOf(d) === 'unknown-decision')!.range);
      assert.ok(textFixes.length > 0, 'the text letter has quick fixes');
      await vscode.window.showTextDocument(doc);
      assert.deepEqual(await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range), []);
      // Saved as a text letter: the same text, opened as a letter.
      assert.equal(await vscode.commands.executeCommand<string>('imr.savePdfText', doc.uri, txt), txt.toString());
      assert.equal(readFileSync(txt.fsPath, 'utf8'), doc.getText());
      await until('the .txt open as a letter', () => vscode.window.activeTextEditor?.document.uri.toString() === txt.toString() && vscode.window.activeTextEditor.document.languageId === 'imr');
      // A PDF without a letter's text opens nothing.
      assert.equal(await vscode.commands.executeCommand('imr.openPdf', bad), undefined);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), txt.toString());
    } finally {
      for (const f of [pdf, txt, bad]) rmSync(f.fsPath, { force: true });
    }
  });

  test('the language server is restarted after it crashes', async function () {
    if (process.platform !== 'linux') this.skip();
    const editor = await openLetter(seed1);
    const before = await until('the server process', () => serverPids().length === 1 && serverPids());
    process.kill(before[0], 'SIGKILL');
    await until('a new server process', () => serverPids().length === 1 && serverPids()[0] !== before[0] && serverPids());
    await until('the server to run again', () => api.serverState() === 'running');
    // Answered by the new server process: the document was sent to it again.
    const symbols = await until('symbols from the new server', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return s && s.length > 0 && s;
    });
    assert.ok(symbols.some((s) => s.children.some((c) => c.name === '12 Physical Therapy Treatments for The Lumbar Spine')));
    // The views ask the new server again.
    await until('the status bar after the restart', () => api.statusText() === '1 item · 1 upheld · 0 overturned');
    assert.deepEqual(api.itemLabels(), ['12 Physical Therapy Treatments for The Lumbar Spine']);
  });
});
