// Fields of a tree node worked out the first time someone reads them. A workspace of 200 sites has some 11,000
// server tooltips and 200 Pending changes nodes (a reconcile each), and the view asks only for the rows it shows;
// a site's status never depends on them. Each field then holds what the eager build gave, computed from the
// same values (the caller passes what it captured, not the node, which others may amend later).
import type { TreeNode } from './types';

/** `node[key]` is `make()`, computed on first read; a write replaces it (usage and log rows amend tooltips). */
export function lazily<K extends keyof TreeNode>(node: TreeNode, key: K, make: () => TreeNode[K]): void {
  const field = fieldOf(key);
  field.later.set(node, { make });
  Object.defineProperty(node, key, field.descriptor);
}

/**
 * A node whose `key` is worked out on first read, the accessor defined on the empty object before `fields` are
 * copied in: the nodes then share one fast property map. Defined on a filled node, it turned each of a 200-site
 * tree's 11,000 server nodes into a dictionary (a tenth of the tree's build).
 */
export function nodeWithLazy<K extends keyof TreeNode>(key: K, make: () => TreeNode[K], fields: Omit<TreeNode, K>): TreeNode {
  const node = {} as TreeNode;
  lazily(node, key, make);
  return Object.assign(node, fields);
}

interface Later {
  make?: () => unknown;
  value?: unknown;
}

/**
 * One accessor per field name, shared by every node (its state kept aside): a getter closure per node made each
 * of a 200-site tree's 11,000 server nodes a property map of its own (a third of the tree's build, cold).
 */
const fields = new Map<string, { later: WeakMap<TreeNode, Later>; descriptor: PropertyDescriptor }>();

function fieldOf(key: string): { later: WeakMap<TreeNode, Later>; descriptor: PropertyDescriptor } {
  let field = fields.get(key);
  if (field) return field;
  const later = new WeakMap<TreeNode, Later>();
  const descriptor: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: TreeNode) {
      const state = later.get(this);
      if (!state) return undefined;
      if (state.make) {
        state.value = state.make();
        state.make = undefined;
      }
      return state.value;
    },
    set(this: TreeNode, value: unknown) {
      later.set(this, { value });
    },
  };
  fields.set(key, (field = { later, descriptor }));
  return field;
}

/** The fields of a node that `make` decides; the others (id, parent, kind, label, site…) are known before. */
const DECIDED = ['description', 'status', 'tooltip', 'contextValue', 'location', 'children'] as const;

/**
 * `head` with its DECIDED fields taken from `make()` the first time one of them is read, then from `make()`'s
 * node as it is (every field, its getters included: the Pending changes node makes its action rows on demand).
 * `head` keeps its identity (the tree's lookup and the site's children hold it); a field `make()` leaves out is
 * removed. Until then `location` (which only some nodes have) is not listed among the node's keys.
 */
export function decidedLater(head: Omit<TreeNode, (typeof DECIDED)[number]>, make: () => TreeNode): TreeNode {
  const node = head as TreeNode;
  const decide = () => {
    const made = make();
    for (const key of DECIDED) if (!Object.hasOwn(made, key)) delete node[key];
    for (const [key, field] of Object.entries(Object.getOwnPropertyDescriptors(made))) Object.defineProperty(node, key, { ...field, enumerable: true, configurable: true });
  };
  for (const key of DECIDED) {
    Object.defineProperty(node, key, {
      enumerable: key !== 'location',
      configurable: true,
      get: () => (decide(), node[key]),
      set: (v: unknown) => (decide(), Object.defineProperty(node, key, { value: v, writable: true, enumerable: true, configurable: true })),
    });
  }
  return node;
}
