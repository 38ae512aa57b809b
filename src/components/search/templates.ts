/**
 * Pagefind Component UI templates for the search results (adequate-little-templates syntax:
 * `{{ }}` escapes, `{{+ +}}` is raw and only used for Pagefind's own excerpt with its <mark>s).
 * Kept out of the .astro file because Astro reads `{{ }}` as expressions.
 */

/** One result: type, title link, a source's authors, journal and year, conditions, excerpt, last-reviewed date and matching sections. */
export const RESULT_TEMPLATE = `
<li class="search-result">
  <p class="search-result-type">{{ meta.type }}</p>
  <p class="search-result-title"><a class="search-result-link" href="{{ meta.url | default(url) | safeUrl }}">{{ meta.title }}</a></p>
  {{#if meta.source}}<p class="search-result-source">{{ meta.source }}</p>{{/if}}
  {{#if meta.conditions}}<p class="search-result-conditions">{{ meta.conditions }}</p>{{/if}}
  {{#if excerpt}}<p class="search-result-excerpt">{{+ excerpt +}}</p>{{/if}}
  {{#if meta.reviewed}}<p class="search-result-reviewed">{{ meta.reviewed }}</p>{{/if}}
  {{#if sub_results}}
  <ul class="search-result-sections" aria-label="Matching sections">
    {{#each sub_results as sub}}
    <li><a href="{{ sub.url | safeUrl }}">{{ sub.title }}</a></li>
    {{/each}}
  </ul>
  {{/if}}
</li>
`;

/** Shown while a result's data loads. */
export const PLACEHOLDER_TEMPLATE = `<li class="search-result search-result-placeholder" aria-hidden="true"><span></span><span></span></li>`;
