import type { Permission } from '@linli/shared-types';

export interface PermissionedNode {
  key: string;
  label: string;
  permission?: Permission;
  children?: PermissionedNode[];
}

/** Keeps the items the staff member may open; a group whose children are all hidden disappears too. */
export function filterMenu<T extends PermissionedNode>(
  nodes: readonly T[],
  granted: readonly Permission[],
): T[] {
  const has = new Set(granted);
  const result: T[] = [];
  for (const node of nodes) {
    if (node.permission && !has.has(node.permission)) continue;
    if (node.children) {
      const children = filterMenu(node.children as T[], granted);
      if (children.length === 0) continue;
      result.push({ ...node, children });
    } else {
      result.push(node);
    }
  }
  return result;
}

/** The chain of nodes from the top down to the leaf whose key is `path` (empty when no leaf matches). */
export function findMenuTrail<T extends PermissionedNode>(nodes: readonly T[], path: string): T[] {
  for (const node of nodes) {
    if (node.children) {
      const trail = findMenuTrail(node.children as T[], path);
      if (trail.length > 0) return [node, ...trail];
    } else if (node.key === path) {
      return [node];
    }
  }
  return [];
}

/**
 * The trail of the page at `path`: its own leaf, or else the leaf it sits under (`/leaders/12` → 团长列表), the
 * longest such key winning. Detail pages thus highlight their list in the menu and inherit its permission.
 */
export function findRouteTrail<T extends PermissionedNode>(nodes: readonly T[], path: string): T[] {
  const exact = findMenuTrail(nodes, path);
  if (exact.length > 0) return exact;
  let best: T[] = [];
  const visit = (level: readonly T[], parents: T[]) => {
    for (const node of level) {
      if (node.children) visit(node.children as T[], [...parents, node]);
      else if (
        node.key !== '/' &&
        path.startsWith(`${node.key}/`) &&
        node.key.length > (best.at(-1)?.key.length ?? 0)
      )
        best = [...parents, node];
    }
  };
  visit(nodes, []);
  return best;
}

/** Permission required by the route at `path`, as declared in the menu; undefined when none is needed. */
export function permissionForPath(nodes: readonly PermissionedNode[], path: string): Permission | undefined {
  return findRouteTrail(nodes, path).find((n) => n.permission)?.permission;
}

/** Only same-app paths are valid redirect targets after login (no `//evil.example` or absolute URLs). */
export function safeRedirect(target: string | null | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (target === '/login' || target.startsWith('/login?')) return '/';
  return target;
}
