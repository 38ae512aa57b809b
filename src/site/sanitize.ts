import { toHtml } from 'hast-util-to-html';
import { htmlFragment } from '../markdown/citation-hast.ts';

/**
 * Formatted reference HTML made safe for `set:html`: the same sanitiser as the reference lists in
 * articles, which keeps only the inline markup CSL produces and http(s) links.
 */
export function safeReferenceHtml(html: string): string {
  return toHtml({ type: 'root', children: htmlFragment(html) });
}
