// End-to-end tests of the dashboard in headless Chromium against the real
// server holding the seed graph: search, entity page, document span, graph
// view with the date slider, timeline, GraphQL console and export.
// Screenshots land in e2e/screenshots/ for a human to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer, chromiumArgs, webDir } from './server.mjs';

const shots = join(webDir, 'e2e', 'screenshots');
let server;
let browser;
let page;
const pageErrors = [];

async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

before(async () => {
  await mkdir(shots, { recursive: true });
  server = await startServer({ log: process.env.E2E_VERBOSE ? (s) => process.stderr.write(s) : undefined });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, baseURL: server.base });
  // Offline: the page must need nothing but our server.
  await context.route((url) => !url.href.startsWith(server.base) && !url.protocol.startsWith('data') && !url.protocol.startsWith('blob'), (route) => {
    pageErrors.push(`request outside the server: ${route.request().url()}`);
    return route.abort();
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => pageErrors.push(String(err)));
}, { timeout: 240_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the page loads with the search box and the most mentioned entities', async () => {
  await page.goto('/');
  await page.locator('#search').waitFor();
  assert.equal(await page.title(), 'newsgraph');
  const people = page.locator('#top-person .ranked li');
  await people.first().waitFor();
  assert.ok(await people.count() > 0, 'home: no person listed under People');
  await shot('01-home');
});

test('search "Yun" finds Joseph Yun and opens his page', async () => {
  await page.goto('/');
  await page.locator('#search').fill('Yun');
  const hit = page.locator('#search-results li[role=option]', { hasText: 'Joseph Yun' });
  await hit.first().waitFor();
  await shot('02-search');
  await hit.first().locator('a').click();
  await page.waitForURL(/#\/entity\//);
  await assert.doesNotReject(page.locator('h1.entity-name', { hasText: 'Joseph Yun' }).waitFor());
  assert.match(await page.locator('.entity-head .badge').first().innerText(), /person/i);
});

test('the entity page shows his roles and quotes, newest first, with sources', async () => {
  const roles = page.locator('#roles .roles li');
  await roles.first().waitFor();
  const roleText = (await roles.allInnerTexts()).join('\n');
  assert.match(roleText, /negotiator/i, `roles = ${JSON.stringify(roleText)}, want one with negotiator`);

  const quotes = page.locator('#quotes li.quote');
  await quotes.first().waitFor();
  const n = await quotes.count();
  assert.ok(n >= 1, `quotes: got ${n}, want at least 1`);
  const dates = await page.locator('#quotes li.quote time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  const sorted = [...dates].sort().reverse();
  assert.deepEqual(dates, sorted, 'quote dates are not newest first');
  assert.ok(await page.locator('#quotes a.source-link').count() >= 1, 'no quote links to its source');
  await page.locator('#cooccurring .card-body').waitFor();
  await page.waitForFunction(() => !document.querySelector('.card-body .loading'));
  await shot('03-entity');
});

test('a quote source opens the article with the quote highlighted', async () => {
  const quote = page.locator('#quotes li.quote').first();
  const quoteText = (await quote.locator('blockquote').innerText()).replace(/[“”"]/g, '').trim();
  await quote.locator('a.source-link').first().click();
  await page.waitForURL(/#\/doc\//);
  const mark = page.locator('.doc-text mark');
  await mark.waitFor();
  const marked = await mark.innerText();
  assert.ok(marked.length > 0, 'the highlighted span is empty');
  // The span is the quote, or the sentence holding it; either way the two share words.
  const words = (s) => new Set(s.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  const shared = [...words(quoteText)].filter((w) => words(marked).has(w));
  assert.ok(shared.length > 0, `mark = ${JSON.stringify(marked)}, want it to hold the quote ${JSON.stringify(quoteText)}`);
  await shot('04-document');
  await page.goBack();
  await page.locator('h1.entity-name').waitFor();
});

test('the graph view draws his neighbourhood and the date slider replays it', async (t) => {
  await page.locator('#open-graph').click();
  await page.waitForURL(/#\/graph\//);
  await page.locator('#sigma canvas').first().waitFor();
  const stats = page.locator('#graph-stats');
  await page.waitForFunction(() => Number(document.querySelector('#graph-stats')?.dataset.visibleNodes) > 0);
  const total = Number(await stats.getAttribute('data-visible-nodes'));
  assert.ok(total > 1, `graph: ${total} nodes shown, want Joseph Yun and his neighbours`);
  const drawn = await page.evaluate(() => window.__newsgraph.graph.order);
  assert.equal(total, drawn, 'before filtering every node should be visible');
  await shot('05-graph');

  // Clicking a node shows it in the side panel, with a link to its page.
  const egoName = await page.locator('.graph-side h1').innerText();
  const at = await page.evaluate(() => {
    const { graph, renderer } = window.__newsgraph;
    const ego = graph.findNode((_k, a) => a.ego);
    const p = renderer.framedGraphToViewport(renderer.getNodeDisplayData(ego));
    const box = document.querySelector('#sigma').getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(at.x, at.y);
  await page.locator('#node-info h2', { hasText: egoName }).waitFor();
  await shot('05b-graph-selected');

  const slider = page.locator('#date-to');
  if (await slider.isDisabled()) {
    t.skip('nothing in the seed neighbourhood is dated');
    return;
  }
  const label0 = await page.locator('#date-window').innerText();
  // Drag the end of the window to its start: only what was seen by then stays.
  await slider.evaluate((el) => { el.value = el.min; el.dispatchEvent(new Event('input', { bubbles: true })); });
  // The view redraws on the next frame, not on the input event.
  await assert.doesNotReject(
    page.waitForFunction((l) => document.querySelector('#date-window').innerText !== l, label0, { timeout: 5000 }),
    'moving the slider did not change the date window');
  const early = Number(await stats.getAttribute('data-visible-nodes'));
  assert.ok(early <= total, `after moving the slider ${early} nodes shown, want at most ${total}`);
  const hiddenByDate = await page.evaluate(() => {
    const { graph, state } = window.__newsgraph;
    let n = 0;
    graph.forEachNode((_k, a) => { if (!a.ego && a.first != null && state.to != null && a.first > state.to) n++; });
    return n;
  });
  assert.equal(early, total - hiddenByDate, 'visible nodes disagree with the date window');
  await shot('06-graph-early');

  // Replay sweeps back to the end of the story: everything is shown again.
  await page.locator('#play').click();
  await page.waitForFunction((t) => Number(document.querySelector('#graph-stats').dataset.visibleNodes) === t, total, { timeout: 20_000 });
  await page.waitForFunction(() => document.querySelector('#play').textContent.includes('Replay'));
});

test('export buttons download the current view', async () => {
  for (const [format, check] of [
    ['gexf', (b) => assert.match(b.toString('utf8'), /<gexf[\s>]/)],
    ['graphml', (b) => assert.match(b.toString('utf8'), /<graphml[\s>]/)],
    ['csv', (b) => assert.equal(b.subarray(0, 2).toString('latin1'), 'PK', 'csv export is not a zip')],
    ['json', (b) => assert.doesNotThrow(() => JSON.parse(b.toString('utf8')))],
  ]) {
    const button = page.locator(`.export a[data-format=${format}]`);
    const href = await button.getAttribute('href');
    assert.match(href, /ego=/, `${format} export link ${href} does not follow the view`);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    const body = await readFile(path);
    assert.ok(body.length > 0, `${format} export is empty`);
    check(body);
  }
});

test('the timeline lists quotes and events in date order', async () => {
  await page.goto('/#/timeline');
  const items = page.locator('.tl-items > li');
  await items.first().waitFor();
  const days = await page.locator('.tl-day').evaluateAll((s) => s.map((e) => e.id).filter((id) => id.startsWith('d-')));
  assert.deepEqual(days, [...days].sort(), 'timeline days are not in date order');
  assert.ok(await page.locator('.tl-quote').count() >= 1, 'timeline shows no quote');
  await shot('07-timeline');
});

test('the GraphQL console runs a query and keeps it in history', async () => {
  const query = '{ entity(name: "Joseph Yun") { id name type roles { title org } } }';
  await page.goto(`/#/console?query=${encodeURIComponent(query)}`);
  await page.locator('.graphiql-container').waitFor();
  await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.result-window');
  await page.waitForFunction(() => /Joseph Yun/.test(document.querySelector('.result-window')?.textContent ?? ''));
  assert.match(await result.innerText(), /"name": "Joseph Yun"/);
  // Schema docs come from introspection.
  await page.locator('button[aria-label="Show Documentation Explorer"]').click();
  await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: false }).first().waitFor();
  await shot('08-console');
  await page.locator('button[aria-label="Show History"]').click();
  await page.locator('.graphiql-history-items li').first().waitFor();

  // Autocompletion from the schema: typing a field prefix offers the fields.
  await page.locator('.graphiql-query-editor .CodeMirror').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('{ entit');
  const hints = page.locator('.CodeMirror-hints .CodeMirror-hint');
  await hints.first().waitFor();
  const offered = await hints.allInnerTexts();
  assert.ok(offered.some((t) => /^entit(y|ies)$/.test(t.trim())), `completions for "entit" = ${JSON.stringify(offered)}, want entity or entities`);
  await shot('09-console-completion');
  await page.keyboard.press('Escape');
});

test('no script error and no request left the server', () => {
  assert.deepEqual(pageErrors, []);
});
