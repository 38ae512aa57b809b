import type { CslItem } from './csl.ts';

/** The item with `change` applied to every text field and to each part of every name. */
export function mapText(item: CslItem, change: (text: string) => string): CslItem {
  const mapped: CslItem = { ...item };
  for (const [field, value] of Object.entries(item)) {
    if (typeof value === 'string') mapped[field] = change(value);
    else if (Array.isArray(value)) {
      mapped[field] = value.map((name: unknown) => (name && typeof name === 'object'
        ? Object.fromEntries(Object.entries(name).map(([part, text]) => [part, typeof text === 'string' ? change(text) : text]))
        : name));
    }
  }
  return mapped;
}

const ENTITY = /&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos|nbsp));/giu;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/** Text with the HTML entities web pages put in titles decoded: "Diet &amp; exercise", "for&nbsp;research". */
export function withoutEntities(text: string): string {
  return text.replace(ENTITY, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()]!;
    const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10FFFF ? String.fromCodePoint(code) : entity;
  });
}

// Control characters (tabs and line ends aside) and every bidi control (embeddings, overrides, isolates
// and marks), which can make "Smith" read as another name or "12:100, 200" as "200 ,12:100": nothing a
// reference needs, and they reach page titles and exports.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u0085\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Field text as readers and search expect it, from any reader. `{\'\i}`, the usual BibTeX spelling of í,
 * arrives as a dotless ı with a combining accent ("Garcı́a"), which no search for García finds: composed (NFC).
 */
export function readableText(text: string): string {
  // A space before the closing brace (`title = "Kokkos "`) would be printed before the style's full stop.
  return text.replace(INVISIBLE, '').replace(/\u0131(?=\p{M})/gu, 'i').replace(/\u0237(?=\p{M})/gu, 'j').normalize('NFC').trim();
}
