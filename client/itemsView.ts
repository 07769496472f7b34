// The "IMR Letter" view in the Explorer: the disputed items of the active letter, with their decisions.
import * as vscode from 'vscode';
import type { DisputedItem, LetterModel } from '../core/model';
import type { ActiveLetter } from './activeLetter';
import { toVsRange } from './navigation';
import { conclusionLabels, servicesBySurgery, shortGuidelineText } from '../core/summary/letterSummary';
import { checkSeverityLabels, type Check, type LetterChecks } from '../core/summary/itemChecks';
import { letterChecks } from './letterChecks';

function decisionIcon(item: DisputedItem): vscode.ThemeIcon {
  // Upheld: the denial stands (red); Overturned: the service is authorised (green).
  if (item.decision === 'Upheld') return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('charts.red'));
  if (item.decision === 'Overturned') return new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'));
  return new vscode.ThemeIcon('question', new vscode.ThemeColor('charts.yellow'));
}

// Each surgery's services, gathered once per model: the tree asks for every item's children.
const services = new WeakMap<LetterModel, Map<number, DisputedItem[]>>();
function servicesOf(model: LetterModel): Map<number, DisputedItem[]> {
  let map = services.get(model);
  if (!map) services.set(model, (map = servicesBySurgery(model.items)));
  return map;
}

export class ItemsProvider implements vscode.TreeDataProvider<DisputedItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  /** The active letter's problems by item, read once per refresh (the tree asks for every item). */
  private checks: { model: LetterModel; uri: string; checks: LetterChecks } | undefined;

  constructor(private readonly active: ActiveLetter) {}

  refresh(): void {
    this.checks = undefined;
    this.changed.fire();
  }

  /** The letter's items, each service that goes with a surgery under that surgery (core/parser/surgery.ts). */
  getChildren(element?: DisputedItem): DisputedItem[] {
    const model = this.active.model;
    if (!model) return [];
    return element ? (servicesOf(model).get(element.index) ?? []) : model.items.filter((i) => !i.surgery);
  }

  /** The letter's problems that are this item's (client/letterChecks.ts). */
  private problemsOf(uri: vscode.Uri, model: LetterModel | null | undefined, item: DisputedItem): readonly Check[] {
    if (!model) return [];
    if (this.checks?.model !== model || this.checks.uri !== uri.toString()) this.checks = { model, uri: uri.toString(), checks: letterChecks(uri, model) };
    return this.checks.checks.items.get(item.index) ?? [];
  }

  getParent(item: DisputedItem): DisputedItem | undefined {
    return item.surgery ? this.active.model?.items[item.surgery.item] : undefined;
  }

  getTreeItem(item: DisputedItem): vscode.TreeItem {
    const model = this.active.model;
    const hasServices = model !== null && model !== undefined && servicesOf(model).has(item.index);
    const label = item.service || item.title.value;
    const tree = new vscode.TreeItem(label, hasServices ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    const uri = this.active.uri;
    tree.id = `${uri?.toString()}#${item.index}`;
    // The problems the checks find in it (the Problems view's), counted first: a narrow view cuts the end.
    const problems = uri ? this.problemsOf(uri, model, item) : [];
    const counted = problems.length === 0 ? '' : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} · `;
    const guideline = shortGuidelineText(item.maximusGuideline);
    tree.description = counted + guideline;
    tree.iconPath = decisionIcon(item);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**').appendText(item.title.value).appendMarkdown('**\n\n');
    tooltip.appendText(`${item.decision ?? item.decisionText?.value ?? 'No decision'} · ${conclusionLabels[item.conclusion]}`);
    // The rationale's own words for its conclusion, read from the open document at the range the server gave.
    const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document && item.conclusionRange) {
      const words = document.getText(toVsRange(item.conclusionRange)).replace(/\s+/g, ' ').trim();
      if (words) tooltip.appendMarkdown('\n\n> ').appendText(words);
    }
    if (item.surgery) tooltip.appendMarkdown('\n\n').appendText(`Goes with the surgery, item ${item.surgery.item + 1}.`);
    for (const c of problems) tooltip.appendMarkdown('\n\n').appendText(`${checkSeverityLabels[c.severity]}: ${c.message} (${c.code})`);
    tree.tooltip = tooltip;
    // A screen reader reads this label instead of the label and the description: it says all they show, in words.
    const decision = item.decision ?? (item.decisionText ? `decision "${item.decisionText.value}" not recognised` : 'no decision');
    const heard = [label, decision];
    if (problems.length > 0) heard.push(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`);
    if (guideline) heard.push(guideline);
    if (item.surgery) heard.push(`goes with the surgery, item ${item.surgery.item + 1}`);
    tree.accessibilityInformation = { label: heard.join(', ') };
    tree.contextValue = 'imrItem';
    if (uri) tree.command = { command: 'imr.revealItem', title: 'Show Item', arguments: [uri, item.index] };
    return tree;
  }
}

export function registerItemsView(context: vscode.ExtensionContext, active: ActiveLetter): ItemsProvider {
  const provider = new ItemsProvider(active);
  const view = vscode.window.createTreeView('imrItems', { treeDataProvider: provider, showCollapseAll: false });
  const describe = () => {
    const model = active.model;
    view.description = active.uri ? active.uri.path.slice(active.uri.path.lastIndexOf('/') + 1) : undefined;
    view.message =
      model === null || (model && !model.isLetter)
        ? 'This document does not look like an IMR letter.'
        : model && model.items.length === 0
          ? 'No disputed items found in this letter.'
          : undefined;
  };
  describe();
  context.subscriptions.push(
    view,
    active.onDidChange(() => {
      describe();
      provider.refresh();
    }),
    // The items' problem counts follow the letter's diagnostics.
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (active.uri && e.uris.some((u) => u.toString() === active.uri?.toString())) provider.refresh();
    }),
    // Keep the item under the cursor selected while the view is visible.
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (!view.visible || e.textEditor.document.uri.toString() !== active.uri?.toString()) return;
      const line = e.selections[0].active.line;
      const item = active.model?.items.find((i) => i.range.start.line <= line && line <= i.range.end.line);
      if (item) void view.reveal(item, { select: true, focus: false }).then(undefined, () => undefined);
    }),
  );
  return provider;
}
