// The page as a screen reader receives it: Chromium's own accessibility tree (CDP Accessibility.getFullAXTree), the
// nodes it ignores left out and their children kept.
import type { Page } from 'playwright-core';

export interface AxNode {
  role: string;
  name: string;
  description: string;
  /** Chromium's properties by name: focusable, focused, pressed ('true' / 'false'), disabled, live, ... */
  properties: Record<string, unknown>;
  children: AxNode[];
}

interface CdpNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  description?: { value: string };
  properties?: Array<{ name: string; value: { value: unknown } }>;
  childIds?: string[];
  parentId?: string;
}

/** The tree from the document down; text runs (StaticText, InlineTextBox) are left out, names carry the text. */
export async function accessibilityTree(page: Page): Promise<AxNode> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: CdpNode[] };
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const kept = (n: CdpNode): AxNode[] => {
    const children = (n.childIds ?? []).flatMap((id) => (byId.has(id) ? kept(byId.get(id)!) : []));
    const role = n.role?.value ?? '';
    if (n.ignored || role === 'StaticText' || role === 'InlineTextBox') return n.ignored ? children : [];
    return [
      {
        role,
        name: n.name?.value ?? '',
        description: n.description?.value ?? '',
        properties: Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value.value])),
        children,
      },
    ];
  };
  const [root] = kept(nodes.find((n) => !n.parentId)!);
  return root;
}

/** Every node under `node` (itself included) that `test` accepts, in document order. */
export function findAll(node: AxNode, test: (n: AxNode) => boolean): AxNode[] {
  return [...(test(node) ? [node] : []), ...node.children.flatMap((c) => findAll(c, test))];
}

/** Nodes of a role, optionally with a name. */
export function byRole(node: AxNode, role: string, name?: string | RegExp): AxNode[] {
  return findAll(node, (n) => n.role === role && (name === undefined || (typeof name === 'string' ? n.name === name : name.test(n.name))));
}
