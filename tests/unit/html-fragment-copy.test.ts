import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { htmlFragment } from '../../src/markdown/citation-hast.ts';

describe('htmlFragment copies', () => {
  const html = 'Vickers AJ. Acupuncture. <i>J Pain</i>. <span style="font-variant:small-caps;">2018</span>;19(5):455-474.';

  it('gives every use an equal tree that shares no node or property with the others', () => {
    const first = htmlFragment(html);
    const second = htmlFragment(html);
    expect(second).toEqual(first);
    const italic = first.find((node): node is Element => node.type === 'element' && node.tagName === 'i')!;
    italic.properties.className = ['changed'];
    italic.children.push({ type: 'text', value: ' (changed)' });
    const span = first.find((node): node is Element => node.type === 'element' && node.tagName === 'span')!;
    span.properties.style = 'color:red';
    (first[0] as { value: string }).value = 'changed';
    expect(htmlFragment(html)).toEqual(second);
  });

});
