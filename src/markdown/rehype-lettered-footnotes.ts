import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { backlinkLabel } from '../citations/index.ts';

/** What the footnotes section is called, on the page and to screen readers the note markers point to it. */
export const NOTES_TITLE = 'Notes';

const BACK_LABEL = /(\d+)(?:-(\d+))?$/u;

function letter(number: string): string {
  return backlinkLabel(Number(number) - 1);
}

function isNotesHeading(node: Element): boolean {
  return node.properties.id === 'footnote-label';
}

/**
 * Footnotes (`[^1]`) marked with letters, a, b, c…: as numbers they read as citations in superscript
 * styles ("claim.⁵¹" was reference 5 and note 1, or reference 51), and their list as a second reference
 * list. The list is headed "Notes", visibly: GFM's heading is for screen readers only.
 */
export default function rehypeLetteredFootnotes() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.properties.dataFootnoteRef !== undefined) {
        for (const child of node.children) if (child.type === 'text') child.value = letter(child.value);
      } else if (node.properties.dataFootnoteBackref !== undefined) {
        const [, number, repeat] = String(node.properties.ariaLabel ?? '').match(BACK_LABEL) ?? [];
        if (number) node.properties.ariaLabel = `Back to note ${letter(number)}${repeat ? ` (${repeat})` : ''}`;
      } else if (isNotesHeading(node)) {
        delete node.properties.className;
        node.children = [{ type: 'text', value: NOTES_TITLE }];
      } else if (node.properties.dataFootnotes !== undefined) {
        for (const child of node.children) if (child.type === 'element' && child.tagName === 'ol') child.properties.type = 'a';
      }
    });
  };
}
