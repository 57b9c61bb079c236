// What the stand-in-vscode tests share: the example workspace and finding a node in a site's tree.
import { join } from 'node:path';
import type { TreeNode } from '../../../src/engine/tree/types';

export const EXAMPLE = join(__dirname, '../../../examples/hospital-north');

/** The node of a server, License Server or client under a site node. */
export function targetNode(site: TreeNode, id: string): TreeNode {
  const all = (n: TreeNode): TreeNode[] => [n, ...n.children.flatMap(all)];
  return all(site).find((n) => n.target === id)!;
}
