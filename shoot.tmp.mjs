// usage: node shoot.tmp.mjs URL WIDTH OUTPREFIX HEIGHT y1 y2 ... (selectors allowed as #id)
import { chromium } from 'playwright-core';
const [url, width, out, height, ...ys] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const p = await b.newPage({ viewport: { width: Number(width), height: Number(height) } });
await p.goto(url);
let i = 0;
for (const y of ys) {
  if (/^\d+$/.test(y)) await p.evaluate((y) => window.scrollTo(0, y), Number(y));
  else await p.evaluate((s) => { const e = document.querySelector(s); window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 10); }, y);
  await p.screenshot({ path: `${out}-${i++}.png` });
}
await b.close();
