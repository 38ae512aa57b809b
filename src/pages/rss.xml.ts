import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { allArticles } from '../site/collections.ts';
import { formatDate, site } from '../site/identity.ts';
import { absoluteUrl, pageHref } from '../site/urls.ts';

/** Whether a change is the summary's first publication ("Published 24 November: First published."), not an update. */
function isFirstPublication(data: { published?: Date; changes: unknown[] }, date: Date): boolean {
  return data.published === undefined ? data.changes.length === 1 : date.getTime() <= data.published.getTime();
}

/** New and updated summaries: one item per summary, dated by its last review, newest first. */
export const GET: APIRoute = async () => {
  const articles = await allArticles();
  return rss({
    title: `${site.name}: new and updated summaries`,
    description: site.description,
    site: absoluteUrl(pageHref('/')),
    items: articles.map(({ entry, url }) => {
      const latest = entry.data.changes[0];
      return {
        title: entry.data.title,
        link: absoluteUrl(url),
        pubDate: entry.data.lastReviewed,
        description: latest
          ? `${entry.data.description} ${isFirstPublication(entry.data, latest.date) ? 'Published' : 'Updated'} ${formatDate(latest.date)}: ${latest.summary}${latest.conclusionsChanged ? ' (conclusions changed)' : ''}`
          : entry.data.description,
        categories: entry.data.conditions,
      };
    }),
    customData: `<language>${site.locale}</language>`,
  });
};
