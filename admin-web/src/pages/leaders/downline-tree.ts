import type { DownlineNode } from '@linli/shared-types';

/** A node of the 下级团队 tree. Keys are paths (`12/15/31`) so a corrupted, cyclic tree still has unique keys. */
export interface DownlineTreeNode {
  key: string;
  node: DownlineNode;
  isLeaf: boolean;
  children?: DownlineTreeNode[];
}

export function toTreeNode(node: DownlineNode, parentKey: string | null): DownlineTreeNode {
  return {
    key: parentKey === null ? String(node.leaderId) : `${parentKey}/${node.leaderId}`,
    node,
    isLeaf: node.recruitCount === 0,
  };
}

/** The tree with `children` loaded under the node at `key` (immutable, as antd's Tree wants it). */
export function withChildren(
  tree: DownlineTreeNode[],
  key: string,
  children: DownlineNode[],
): DownlineTreeNode[] {
  return tree.map((item) => {
    if (item.key === key) return { ...item, children: children.map((child) => toTreeNode(child, key)) };
    if (item.children && key.startsWith(`${item.key}/`)) {
      return { ...item, children: withChildren(item.children, key, children) };
    }
    return item;
  });
}

/** `直推 2 · 团队 5` */
export function teamText(node: DownlineNode): string {
  return `直推 ${node.recruitCount} · 团队 ${node.descendantCount}`;
}
