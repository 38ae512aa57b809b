/** One page of a long list: its items, and a label that says where it is in the list's order ("Abbott – Brown"). */
export interface ListPage<T> {
  number: number;
  /** The place of its first item in the whole list, 1-based. */
  first: number;
  items: T[];
  label: string;
}

/** How many items the whole list holds, from its pages. */
export function listLength(pages: readonly ListPage<unknown>[]): number {
  const last = pages.at(-1);
  return last ? last.first + last.items.length - 1 : 0;
}

/** A sorted list cut into pages of `size` (one page when it is empty), each labelled by its first and last item's `boundary`. */
export function listPages<T>(sorted: T[], size: number, boundary: (item: T) => string): ListPage<T>[] {
  return Array.from({ length: Math.max(1, Math.ceil(sorted.length / size)) }, (_, i) => {
    const items = sorted.slice(i * size, (i + 1) * size);
    const [first, last] = [items[0], items.at(-1)].map((item) => (item === undefined ? '' : boundary(item)));
    return { number: i + 1, first: i * size + 1, items, label: first === last ? first! : `${first} – ${last}` };
  });
}
