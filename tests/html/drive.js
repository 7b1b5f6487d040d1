// Drives Debian's chromium, headless, through the DevTools protocol
// (puppeteer-core; no browser is downloaded) over newsgraph's HTML maps.
//
// usage: node drive.js PLAN.json   -> prints one JSON result per step
//        node drive.js --time MAP.html [RUNS]   -> prints open times
//        node drive.js --shot MAP.html PNG [#FRAGMENT]   -> a screenshot
//
// A plan is a list of steps run in order; "open" starts a fresh page, with
// the network off, that records console errors, page errors, dialogs and
// every request other than the page's own file. The test runner
// (run_html.py) makes the plans and asserts on the results.
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const CHROMIUM = process.env.NG_CHROMIUM || '/usr/bin/chromium';
const VIEWPORT = {width: 1400, height: 900};

async function launch(viewport) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash tests/deps.sh (Debian package chromium)`);
  return puppeteer.launch({executablePath: CHROMIUM, headless: true, defaultViewport: viewport || VIEWPORT,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run']});
}

// A page on `file`, its troubles recorded in `log`; resolves once the map
// says it is ready.
async function open(browser, file, hash, log) {
  const page = await browser.newPage();
  const url = 'file://' + path.resolve(file);
  await page.emulateNetworkConditions({offline: true, download: 0, upload: 0, latency: 0});
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') log.console.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('dialog', async (d) => { log.dialogs.push(d.message()); await d.dismiss(); });
  // data: URLs are no request to anywhere (chromium draws the date
  // field's icon from one).
  page.on('request', (r) => {
    if (r.url().split('#')[0] !== url && !r.url().startsWith('data:')) log.requests.push(r.url());
  });
  const t0 = Date.now();
  await page.goto(url + (hash || ''), {waitUntil: 'load'});
  await page.waitForSelector('body[data-ready]', {timeout: 30000});
  log.ms = Date.now() - t0;
  return page;
}

// Clicks edge i where its line shows on top (a point along its path that
// nothing else covers); false when no such point is found.
async function clickEdge(page, i) {
  const at = await page.evaluate((i) => {
    const line = document.querySelector(`.edge[data-i="${i}"] .line`);
    const len = line.getTotalLength(), m = line.getScreenCTM();
    for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      const p = line.getPointAtLength(len * f).matrixTransform(m);
      const hit = document.elementFromPoint(p.x, p.y);
      if (hit && hit.closest('.edge') === line.parentNode) return {x: p.x, y: p.y};
    }
    return null;
  }, i);
  if (!at) return false;
  await page.mouse.click(at.x, at.y);
  return true;
}

async function step(s, ctx) {
  if (s.open) {
    if (ctx.page) await ctx.page.close();
    ctx.log = {console: [], errors: [], dialogs: [], requests: [], ms: 0};
    ctx.page = await open(ctx.browser, s.open, s.hash, ctx.log);
    return {opened: s.open};
  }
  const page = ctx.page;
  if (s.eval) return {value: await page.evaluate(s.eval)};
  if (s.click) { await page.click(s.click); return {clicked: s.click}; }
  if (s.clickEdge !== undefined) return {clicked: await clickEdge(page, s.clickEdge)};
  if (s.hover) { await page.hover(s.hover); return {hovered: s.hover}; }
  if (s.type) {
    // What a user does: empties the field, then types.
    await page.$eval(s.type[0], (e) => { e.value = ''; });
    await page.click(s.type[0]);
    await page.keyboard.type(s.type[1]);
    return {typed: s.type[1]};
  }
  if (s.press) { await page.keyboard.press(s.press); return {pressed: s.press}; }
  if (s.select) { await page.select(s.select[0], s.select[1]); return {selected: s.select[1]}; }
  if (s.wheel) {
    const box = await page.$eval('#map', (e) => { const r = e.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; });
    await page.mouse.move(box.x, box.y);
    await page.mouse.wheel({deltaY: s.wheel});
    return {wheeled: s.wheel};
  }
  if (s.drag) {
    await page.mouse.move(s.drag[0], s.drag[1]);
    await page.mouse.down();
    await page.mouse.move(s.drag[2], s.drag[3], {steps: 5});
    await page.mouse.up();
    return {dragged: true};
  }
  if (s.screenshot) {
    const clip = s.clip ? await page.$eval(s.clip, (e) => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; }) : undefined;
    await page.screenshot({path: s.screenshot, clip});
    return {screenshot: s.screenshot};
  }
  if (s.log) return {log: ctx.log};
  throw new Error('unknown step ' + JSON.stringify(s));
}

async function runPlan(file) {
  const plan = JSON.parse(fs.readFileSync(file, 'utf8'));
  const ctx = {browser: await launch()};
  try {
    for (const s of plan) {
      let r;
      try {
        r = await step(s, ctx);
      } catch (e) {
        r = {error: String(e && e.message || e)};
      }
      process.stdout.write(JSON.stringify(r) + '\n');
    }
  } finally {
    await ctx.browser.close();
  }
}

// The time from asking for the page to the map drawn and ready, per run.
async function time(file, runs) {
  const browser = await launch();
  try {
    for (let i = 0; i < runs; i++) {
      const log = {console: [], errors: [], dialogs: [], requests: []};
      const page = await open(browser, file, '', log);
      const n = await page.evaluate(() => [document.querySelectorAll('.node').length, document.querySelectorAll('.edge').length]);
      console.log(`open ${i + 1}: ${log.ms} ms, ${n[0]} nodes, ${n[1]} edges, ${log.errors.length + log.console.length} errors, ${log.requests.length} requests`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

// The README's picture: the map as a shared URL shows it (the fragment
// names a selection, e.g. one edge with its evidence open).
async function shot(file, png, hash) {
  const browser = await launch({width: 1600, height: 1000});
  try {
    const log = {console: [], errors: [], dialogs: [], requests: []};
    const page = await open(browser, file, hash || '', log);
    await page.mouse.move(5, 5);
    await page.screenshot({path: png});
  } finally {
    await browser.close();
  }
}

const a = process.argv.slice(2);
const main = a[0] === '--time' ? time(a[1], parseInt(a[2] || '3', 10))
  : a[0] === '--shot' ? shot(a[1], a[2], a[3])
  : runPlan(a[0]);
main.catch((e) => { console.error(String(e && e.stack || e)); process.exit(1); });
