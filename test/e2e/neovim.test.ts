// The language server under another editor's LSP client: Neovim's own (Lua, its own JSON-RPC, byte columns turned into
// UTF-16 ones), started by the configuration docs/neovim.md gives for Neovim 0.7 to 0.9 (and its filetype detection for 0.8+), copied from the page as
// written. Neovim edits a CRLF letter whose title holds astral and accented characters: its diagnostics, quick fix,
// hover and outline must land on the same characters as the core's own ranges, and Format Document must leave it tidied.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { tidyLetter } from '../../core/features/formatting';
import { createLanguageService } from '../../core/languageService';
import { lintLetter } from '../../core/lint';
import { parseLetter } from '../../core/parser/parseLetter';
import { repoRoot, skipUnless } from '../support/env';
import { readSample } from '../lsp/mutants';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const nvimVersion = nvim.status === 0 ? nvim.stdout.split('\n')[0] : undefined;
const skip = skipUnless(nvimVersion !== undefined, 'no Neovim here: apt-get install neovim (or run scripts/setup-neovim.sh)');

/** The Lua block under a heading of docs/neovim.md, with the server's path filled in. */
function documentedConfig(heading: string): string {
  const page = readFileSync(path.join(repoRoot, 'docs', 'neovim.md'), 'utf8');
  const section = page.slice(page.indexOf(`## ${heading}`));
  const block = /```lua\n([\s\S]*?)```/.exec(section);
  assert.ok(block, `a Lua block under "${heading}"`);
  assert.ok(block[1].includes('/path/to/imr-letters'), 'the block names the server by its placeholder path');
  return block[1].replaceAll('/path/to/imr-letters', repoRoot);
}

// What the script does in Neovim, in order; it writes what it saw to a JSON file and quits.
const script = String.raw`
local params = vim.fn.json_decode(table.concat(vim.fn.readfile(vim.env.IMR_TEST_PARAMS), '\n'))
local out = { steps = {} }
local function save()
  vim.fn.writefile({ vim.fn.json_encode(out) }, params.out)
end
local ok, err = pcall(function()
  dofile(params.config)
  vim.cmd('edit ' .. vim.fn.fnameescape(params.letter))
  out.filetype = vim.bo.filetype
  out.fileformat = vim.bo.fileformat
  out.steps.diagnostics = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(out.diagnostics, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, code = d.code, source = d.source })
  end
  -- The quick fix, asked for as :lua vim.lsp.buf.code_action() asks (the cursor line's diagnostics as context).
  local first = vim.diagnostic.get(0)[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0) }
  local range_params = vim.lsp.util.make_range_params()
  range_params.context = context
  local answers = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', range_params, 10000) or {}
  out.actions = {}
  for _, answer in pairs(answers) do
    for _, action in ipairs(answer.result or {}) do
      table.insert(out.actions, action.title)
      if action.title == params.fix and action.edit then vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16') end
    end
  end
  out.fixed_line = vim.api.nvim_buf_get_lines(0, first.lnum, first.lnum + 1, false)[1]
  out.steps.cleared = vim.wait(20000, function() return #vim.diagnostic.get(0) == 0 end, 20)
  -- A hover on the decision word's last character, the cursor placed by bytes as a user places it.
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, params.hover_byte })
  local hovers = vim.lsp.buf_request_sync(0, 'textDocument/hover', vim.lsp.util.make_position_params(), 10000) or {}
  for _, answer in pairs(hovers) do
    if answer.result then out.hover = answer.result end
  end
  local symbols = vim.lsp.buf_request_sync(0, 'textDocument/documentSymbol', { textDocument = vim.lsp.util.make_text_document_params() }, 10000) or {}
  for _, answer in pairs(symbols) do
    if answer.result then out.symbols = answer.result end
  end
  -- Format Document, as :lua vim.lsp.buf.formatting_sync() does it: Neovim applies the server's edits.
  vim.lsp.buf.formatting_sync(nil, 10000)
  out.formatted = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  out.clients = #vim.lsp.buf_get_clients(0)
end)
if not ok then out.error = tostring(err) end
save()
vim.cmd('qa!')
`;

/** The UTF-8 byte column of a UTF-16 character position in a line (what Neovim's diagnostics hold). */
const byteColumn = (line: string, character: number) => Buffer.byteLength(line.slice(0, character), 'utf8');

test(`Neovim's own LSP client (${nvimVersion ?? 'Neovim'}), configured as docs/neovim.md says: diagnostics, a quick fix, a hover, the outline and Format Document, on the right bytes of a CRLF letter with astral characters`, { skip, timeout: 90_000 }, (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'imr-nvim-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // The seed letter with a misspelt decision, its title holding a mathematical letter (two UTF-16 units, four bytes),
  // an accented one and an emoji before the word, in CRLF.
  const title = '12 Physical Therapy Treatments for The Lumbar Spine:  Uphled';
  const odd = '12 Physical Therapy Treatments for The 𝐋umbar Spine (café 😀):  Uphled';
  const original = readSample('malformed-unknown-decision.txt');
  assert.ok(original.includes(title));
  const text = original.replace(title, odd).replace(/\r?\n/g, '\r\n');
  const letter = path.join(dir, 'letter.txt');
  writeFileSync(letter, text);

  // What the core says of the same text: the diagnostics' ranges, the fix's title, the outline.
  const lines = text.split('\r\n');
  const expected = lintLetter(parseLetter(text), { uri: 'file:///x' }).map((d) => ({
    lnum: d.range.start.line,
    col: byteColumn(lines[d.range.start.line], d.range.start.character),
    end_lnum: d.range.end.line,
    end_col: byteColumn(lines[d.range.end.line], d.range.end.character),
    code: d.code,
    source: 'imr',
  }));
  assert.deepEqual(expected.map((d) => d.code), ['unknown-decision']);
  const decisionLine = lines[expected[0].lnum];
  const word = decisionLine.indexOf('Uphled');
  assert.equal(decisionLine.slice(word).trimEnd(), 'Uphled', 'the diagnostic is on the title line');
  const ls = createLanguageService();
  const outline = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...outline(s.children ?? [])]);
  const fixedText = text.replace('Uphled', 'Upheld');
  const expectedOutline = outline(ls.getDocumentSymbols(TextDocument.create('file:///x', 'imr', 1, fixedText)));

  const config = path.join(dir, 'imr.lua');
  writeFileSync(config, documentedConfig('Neovim 0.7 to 0.9'));
  const out = path.join(dir, 'out.json');
  const params = path.join(dir, 'params.json');
  const scriptFile = path.join(dir, 'test.lua');
  writeFileSync(scriptFile, script);
  writeFileSync(
    params,
    JSON.stringify({
      config,
      letter,
      out,
      fix: 'Change "Uphled" to "Upheld"',
      // The byte of the decision word's last character (a cursor one character further would be past the word).
      hover_byte: byteColumn(decisionLine, word + 'Upheld'.length - 1),
    }),
  );
  const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${scriptFile}`], {
    cwd: dir,
    env: { ...process.env, IMR_TEST_PARAMS: params, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}` },
    encoding: 'utf8',
    timeout: 80_000,
  });
  assert.equal(run.error, undefined, String(run.error));
  const seen = JSON.parse(readFileSync(out, 'utf8')) as {
    error?: string;
    filetype: string;
    fileformat: string;
    steps: { diagnostics: boolean; cleared: boolean };
    diagnostics: typeof expected;
    actions: string[];
    fixed_line: string;
    hover?: { contents: { kind: string; value: string } };
    symbols?: DocumentSymbol[];
    formatted: string[];
    clients: number;
  };
  assert.equal(seen.error, undefined, `the script failed in Neovim: ${seen.error}\n${run.stderr}`);
  assert.equal(seen.filetype, 'imr', "the page's detection recognises the .txt letter by its content");
  assert.equal(seen.fileformat, 'dos', 'Neovim read the letter as CRLF');
  assert.equal(seen.clients, 1, 'one client attached');
  assert.ok(seen.steps.diagnostics, 'the diagnostics arrived');
  assert.deepEqual(seen.diagnostics, expected, "Neovim's diagnostics cover the bytes of the core's UTF-16 ranges");
  assert.ok(seen.actions.includes('Change "Uphled" to "Upheld"'), seen.actions.join('; '));
  assert.equal(seen.fixed_line, decisionLine.replace('Uphled', 'Upheld'), 'the fix, applied by Neovim in UTF-16 columns, changed exactly the word');
  assert.ok(seen.steps.cleared, "after Neovim's didChange the server withdrew the diagnostic");
  assert.match(seen.hover?.contents.value ?? '', /utilization review denial stands/, 'the hover found the decision word behind the astral characters');
  assert.deepEqual(seen.symbols && outline(seen.symbols), expectedOutline);
  assert.ok(expectedOutline.includes('12 Physical Therapy Treatments for The 𝐋umbar Spine (café 😀)'), expectedOutline.join(' | '));
  const tidied = tidyLetter(fixedText).split('\r\n');
  assert.equal(tidied.pop(), '');
  assert.deepEqual(seen.formatted, tidied, "Format Document: Neovim's buffer holds the tidied letter");
  assert.ok(seen.formatted.length < lines.length * 0.6, 'the double-spaced letter lost its every other line');
});

test(`Neovim's Lua filetype detection (${nvimVersion ?? 'Neovim'}), set up as docs/neovim.md's "Recognising letters" says: a .txt letter is imr, other .txt files stay text`, { skip, timeout: 30_000 }, (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'imr-nvim-ft-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const page = readFileSync(path.join(repoRoot, 'docs', 'neovim.md'), 'utf8');
  const block = /```lua\n([\s\S]*?)```/.exec(page.slice(page.indexOf('## Recognising letters')));
  assert.ok(block, 'a Lua block under "Recognising letters"');
  writeFileSync(path.join(dir, 'detect.lua'), block[1]);
  writeFileSync(path.join(dir, 'letter.txt'), readSample('malformed-unknown-decision.txt'));
  writeFileSync(path.join(dir, 'notes.txt'), 'A shopping list, not a letter.\n');
  const filetypeOf = (file: string) => {
    // Neovim 0.7 and 0.8 read filetype.lua only when asked to (0.9 always does); the page's block runs after startup,
    // as a file under after/plugin does.
    const run = spawnSync(
      'nvim',
      ['--headless', '--clean', '--cmd', 'let g:do_filetype_lua = 1 | let g:did_load_filetypes = 0', '-c', 'luafile detect.lua', '-c', `edit ${file}`, '-c', 'lua io.stdout:write(vim.bo.filetype)', '-c', 'qa!'],
      { cwd: dir, encoding: 'utf8', timeout: 20_000 },
    );
    assert.equal(run.error, undefined, String(run.error));
    return run.stdout.trim();
  };
  assert.equal(filetypeOf('letter.txt'), 'imr');
  assert.equal(filetypeOf('notes.txt'), 'text');
});
