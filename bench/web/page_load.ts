// Web bundle size and page load time on loopback. Builds nothing: it reads the built web/dist
// (run `npm run build` in web/ first) and serves it with the real motcua binary (MOTCUA_BIN),
// started on a fresh demo province like the browser tests do (tests/api/support/server.ts).
//
//   cd tests/ui && MOTCUA_BIN=../../build/bench/src/motcua node --import tsx \
//     --test-reporter=tap --test-reporter-destination=/dev/null ../../bench/web/page_load.ts
//
// Prints two Markdown tables: every asset of web/dist (raw and gzip -9 bytes; the server sends
// them uncompressed, so raw is what crosses the wire), then for the catalogue, a procedure page
// and the login page the median over RUNS navigations of: DOMContentLoaded, load and "content"
// (the first moment the page's data is on screen: procedure cards, the procedure's heading, the
// password field), each from navigation start, and the bytes transferred. Cold: a fresh browser
// context (empty cache) per navigation. Warm: the same context navigating again (hashed assets
// from the cache, index.html revalidated). Playwright-core and tsx come from tests/ui's
// node_modules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../tests/api/support/server.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = resolve(process.env.MOTCUA_WEB_DIST ?? join(repo, 'web', 'dist'));
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS ?? 10);
const { chromium } = createRequire(join(repo, 'tests', 'ui', 'package.json'))('playwright-core') as typeof import('playwright-core');

const PAGES = [
  { name: 'catalogue', path: '/thu-tuc', ready: '.procedure-list .procedure-card' },
  { name: 'procedure', path: '/thu-tuc/1.004873.000.00.00.H32', ready: '.procedure-head h1' },
  { name: 'login', path: '/dang-nhap', ready: 'input[type=password]' },
];

// ---------------------------------------------------------------------------- bundle

function bundle(): void {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const assets = readdirSync(join(DIST, 'assets'))
    .filter((f) => /\.(js|css)$/.test(f))
    .sort();
  const rows = [{ file: 'index.html', initial: true }, ...assets.map((f) => ({ file: `assets/${f}`, initial: html.includes(`/assets/${f}`) }))];
  const totals = { initial: [0, 0], lazy: [0, 0] };
  console.log(`\n### Bundle (${DIST})\n`);
  console.log('| file | loaded | raw bytes | gzip -9 bytes |');
  console.log('|---|---|---:|---:|');
  for (const r of rows) {
    const bytes = readFileSync(join(DIST, r.file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    const t = r.initial ? totals.initial : totals.lazy;
    t[0] += statSync(join(DIST, r.file)).size;
    t[1] += gz;
    console.log(`| \`${r.file}\` | ${r.initial ? 'every page' : 'on demand'} | ${fmt(bytes.length)} | ${fmt(gz)} |`);
  }
  console.log(`| **total, every page** | | **${fmt(totals.initial[0])}** | **${fmt(totals.initial[1])}** |`);
  console.log(`| **total, on demand** | | **${fmt(totals.lazy[0])}** | **${fmt(totals.lazy[1])}** |`);
}

const fmt = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------- page load

interface Sample {
  dcl: number;
  load: number;
  content: number;
  /** Bytes over the network (headers included) for the document, assets and API calls. */
  bytes: number;
}

// Runs before the app in every page: notes when `sel` first matches (window.__ready). A string,
// not a function: tsx's compiled functions call helpers that do not exist in the page.
const readyProbe = (sel: string) => `(() => {
  const hit = () => {
    if (window.__ready === undefined && document.querySelector(${JSON.stringify(sel)})) window.__ready = performance.now();
    return window.__ready !== undefined;
  };
  new MutationObserver((_, mo) => { if (hit()) mo.disconnect(); }).observe(document, { subtree: true, childList: true });
})();`;

async function measure(page: Page, url: string, ready: string): Promise<Sample> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined, undefined, { timeout: 15_000 });
  return page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      dcl: n.domContentLoadedEventEnd,
      load: n.loadEventEnd,
      content: (window as unknown as { __ready: number }).__ready,
      bytes: resources.reduce((sum, r) => sum + r.transferSize, n.transferSize),
    };
  });
}

async function newContext(browser: Browser, ready: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await context.addInitScript(readyProbe(ready));
  return context;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function pageLoad(): Promise<void> {
  const server = await startServer({ env: { MOTCUA_WEB_ROOT: DIST }, demoEnv: { MOTCUA_PASSWORD_HASH_COST: 'minimum' } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    // One discarded navigation: the browser's own start-up is not the page's.
    const warmup = await newContext(browser, 'body');
    await measure(await warmup.newPage(), `${server.url}/`, 'body');
    await warmup.close();

    console.log(`\n### Page load on loopback (median of ${RUNS}; ${server.url})\n`);
    console.log('| page | cache | DOMContentLoaded | load | content on screen | bytes transferred |');
    console.log('|---|---|---:|---:|---:|---:|');
    for (const p of PAGES) {
      const url = `${server.url}${p.path}`;
      const cold: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await newContext(browser, p.ready);
        cold.push(await measure(await context.newPage(), url, p.ready));
        await context.close();
      }
      const context = await newContext(browser, p.ready);
      const page = await context.newPage();
      await measure(page, url, p.ready); // fills the cache
      const warm: Sample[] = [];
      for (let i = 0; i < RUNS; i++) warm.push(await measure(page, url, p.ready));
      await context.close();
      for (const [cache, samples] of [['cold', cold], ['warm', warm]] as const) {
        const m = (k: keyof Sample) => ms(median(samples.map((s) => s[k])));
        console.log(`| ${p.name} \`${p.path}\` | ${cache} | ${m('dcl')} | ${m('load')} | ${m('content')} | ${fmt(median(samples.map((s) => s.bytes)))} |`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

bundle();
await pageLoad();
