// One list item of a document as the layout cuts it: its list, where it is, its text.
export interface ItemChunk {
  /** Key under `spec` of the list the item is in. */
  list: string;
  start: number;
  end: number;
  text: string;
  /** Nesting under other items of the list (a server's `children`); 0 or absent at the top. */
  depth?: number;
  /** The item's children follow as items of their own (nestedServers.ts). */
  cut?: boolean;
}
