// Reference text in Arabic, Hebrew or another right-to-left script, on a left-to-right page.

const RTL = '\\p{scx=Hebrew}\\p{scx=Arabic}\\p{scx=Syriac}\\p{scx=Thaana}\\p{scx=Nko}';
const HAS_RTL = new RegExp(`[${RTL}]`, 'u');
// From a right-to-left letter to the last one before a left-to-right letter: the words, spaces,
// punctuation and numbers between them read as one right-to-left phrase.
const RTL_RUN = new RegExp(`[${RTL}](?:(?:[${RTL}]|[^\\p{L}])*[${RTL}])?`, 'gu');

/**
 * Formatted reference HTML with each right-to-left run of its text isolated in `<bdi>`, so that what
 * follows it reads in the page's direction: without it, "الطبية العربية. 2021;12:33-41." displays as
 * "41-12:33;2021." (the Unicode bidi algorithm makes numbers after Arabic letters Arabic numbers). Tags
 * and attribute values are left as they are; HTML with no right-to-left letter is returned unchanged.
 */
export function isolateRightToLeft(html: string): string {
  if (!HAS_RTL.test(html)) return html;
  return html.split(/(<[^>]*>)/u).map((part, i) => (i % 2 === 1 ? part : part.replace(RTL_RUN, (run) => `<bdi>${run}</bdi>`))).join('');
}
