// Drives the web UI in headless Chromium (playwright-core, the system's chromium) against a running
// server and checks what a person would: search by service and tag finds the trace, its page shows
// every span, the detail panel its attributes, compare and dependencies render, back and forward work,
// Jaeger UI's URL forms load, and no request leaves the server. Writes screenshots to SCREENSHOTS and
// prints one JSON line: {"ok": bool, "checks": [{"name", "ok", "detail"}]}; exits 1 when a check failed.
//
// Environment: BASE_URL (the query port), TRACE_ID, SERVICE, TAG (key=value on one of its SERVICE spans),
// SPAN_COUNT, ATTRIBUTE (key=value of DETAIL_SERVICE's span DETAIL_OPERATION), DETAIL_SERVICE,
// DETAIL_OPERATION, COMPARE_ID (a trace
// with one span more than TRACE_ID), BIG_TRACE_ID and BIG_SPAN_COUNT (a trace large enough that only part
// of it is in the DOM), CHROMIUM (default /usr/bin/chromium), SCREENSHOTS.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const env = (name, fallback) => {
  const v = process.env[name] ?? fallback;
  if (v === undefined) throw new Error(`${name} is not set`);
  return v;
};
const base = env('BASE_URL');
const traceId = env('TRACE_ID');
const service = env('SERVICE');
const [tagKey, tagValue] = env('TAG').split('=');
const spanCount = Number(env('SPAN_COUNT'));
const [attrKey, attrValue] = env('ATTRIBUTE').split('=');
const detailService = env('DETAIL_SERVICE');
const detailOperation = env('DETAIL_OPERATION');
const compareId = env('COMPARE_ID');
const bigTraceId = env('BIG_TRACE_ID');
const bigSpanCount = Number(env('BIG_SPAN_COUNT'));
const shots = env('SCREENSHOTS');
mkdirSync(shots, { recursive: true });

const checks = [];
const check = async (name, fn) => {
  try {
    const detail = await fn();
    checks.push({ name, ok: true, detail: detail ?? '' });
  } catch (e) {
    checks.push({ name, ok: false, detail: String(e?.message ?? e).split('\n')[0] });
  }
};
const expect = (cond, message) => {
  if (!cond) throw new Error(message);
};

const browser = await chromium.launch({
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  args: ['--no-sandbox', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(15_000);
const foreign = [];
const consoleErrors = [];
page.on('request', (r) => {
  if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
});
page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
page.on('pageerror', (e) => consoleErrors.push(e.message));

/** Every span id of the waterfall, scrolling it from top to bottom, and the most rows the DOM held. */
async function allRows() {
  return page.evaluate(async () => {
    const scroller = document.getElementById('waterfall-rows');
    const seen = new Set();
    let most = 0;
    scroller.scrollTop = 0;
    for (;;) {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const rows = scroller.querySelectorAll('.wf-row');
      most = Math.max(most, rows.length);
      rows.forEach((r) => seen.add(r.dataset.spanId));
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      scroller.scrollTop += scroller.clientHeight;
    }
    return { ids: seen.size, most };
  });
}

await check('search by service and tag finds the trace', async () => {
  await page.goto(`${base}/search`);
  await page.waitForSelector(`#service option[value="${service}"]`, { state: 'attached' });
  await page.selectOption('#service', service);
  await page.fill('#tags', `${tagKey}=${tagValue}`);
  await page.click('#find-traces');
  await page.waitForSelector(`.result[data-trace-id="${traceId}"]`);
  const results = await page.locator('.result').count();
  expect(results === 1, `expected the one trace tagged ${tagKey}=${tagValue}, found ${results}`);
  expect(await page.locator(`.scatter .dot[data-trace-id="${traceId}"]`).count() === 1, 'no dot for it in the scatter plot');
  const url = new URL(page.url());
  expect(url.pathname === '/search' && url.searchParams.get('service') === service, `the URL does not name the search: ${page.url()}`);
  await page.screenshot({ path: `${shots}/search.png`, fullPage: true });
  return page.url();
});

await check('a Jaeger UI search URL loads the same search', async () => {
  const tags = encodeURIComponent(JSON.stringify({ [tagKey]: tagValue }));
  await page.goto(`${base}/search?service=${encodeURIComponent(service)}&tags=${tags}&lookback=1h&limit=20`);
  await page.waitForSelector(`.result[data-trace-id="${traceId}"]`);
});

await check('clicking a result opens the trace; back and forward move between them', async () => {
  await page.click(`.result[data-trace-id="${traceId}"] a`);
  await page.waitForSelector('#trace-header');
  expect(page.url() === `${base}/trace/${traceId}`, `opened ${page.url()}`);
  await page.goBack();
  await page.waitForSelector(`.result[data-trace-id="${traceId}"]`);
  expect(new URL(page.url()).pathname === '/search', `back went to ${page.url()}`);
  await page.goForward();
  await page.waitForSelector('#trace-header');
  expect(new URL(page.url()).pathname === `/trace/${traceId}`, `forward went to ${page.url()}`);
});

await check('a TraceQL query finds the trace', async () => {
  await page.goto(`${base}/search`);
  await page.click('details summary');
  await page.fill('#traceql', `{ span.${tagKey} = "${tagValue}" }`);
  await page.click('#find-traces');
  await page.waitForSelector(`.result[data-trace-id="${traceId}"]`);
  expect(new URL(page.url()).searchParams.get('traceql')?.includes(tagValue), `the URL does not carry the query: ${page.url()}`);
  expect(await page.locator('.result').count() === 1, 'more than the one trace');
});

await check('the trace page shows every span', async () => {
  await page.goto(`${base}/trace/${traceId}`);
  await page.waitForSelector('.wf-row');
  const header = await page.textContent('#span-count');
  expect(Number(header) === spanCount, `the header says ${header} spans, ${spanCount} were sent`);
  const { ids } = await allRows();
  expect(ids === spanCount, `the waterfall showed ${ids} spans, ${spanCount} were sent`);
  await page.screenshot({ path: `${shots}/trace.png` });
  return `${ids} spans`;
});

await check('the detail panel shows a span\'s attributes', async () => {
  await page.locator('.wf-row')
    .filter({ has: page.locator('.svc', { hasText: detailService }) })
    .filter({ has: page.locator('.op', { hasText: detailOperation }) })
    .first().click();
  const panel = page.locator('#span-detail');
  await panel.waitFor();
  const spanAttributes = await page.textContent('#attributes-span');
  expect(spanAttributes.includes(attrKey) && spanAttributes.includes(attrValue), `span attributes lack ${attrKey}=${attrValue}: ${spanAttributes}`);
  const resource = await page.textContent('#attributes-resource');
  expect(resource.includes('service.name'), 'no resource attributes');
  await page.screenshot({ path: `${shots}/trace-detail.png` });
});

await check('uiFind in the URL selects the span it names', async () => {
  const spanId = await page.getAttribute('.wf-row.selected', 'data-span-id');
  await page.goto(`${base}/trace/${traceId}?uiFind=${spanId}`);
  await page.waitForSelector(`.wf-row.selected[data-span-id="${spanId}"]`);
  await page.waitForSelector('#span-detail');
});

await check('keyboard: k moves the selection up, Escape closes the details', async () => {
  const before = await page.getAttribute('.wf-row.selected', 'data-span-id');
  await page.keyboard.press('k');
  const after = await page.getAttribute('.wf-row.selected', 'data-span-id');
  expect(after && after !== before, `the selection stayed on ${before}`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#span-detail', { state: 'detached' });
});

await check('find in trace highlights matches; collapse and expand all; the minimap zooms', async () => {
  await page.goto(`${base}/trace/${traceId}`);
  await page.waitForSelector('.wf-row');
  await page.fill('#find', detailService);
  const matches = await page.locator('.wf-row.match').count();
  expect(matches >= 1 && matches < spanCount, `${matches} rows match ${detailService}`);
  expect(new URL(page.url()).searchParams.get('uiFind') === detailService, `uiFind is not in the URL: ${page.url()}`);
  await page.click('#collapse-all');
  expect(await page.locator('.wf-row').count() === 1, 'collapse all leaves more than the root');
  await page.click('#expand-all');
  expect(await page.locator('.wf-row').count() === spanCount, 'expand all does not show every span');
  const before = await page.textContent('.wf-axis .tick:last-child');
  const box = await page.locator('#minimap').boundingBox();
  await page.mouse.move(box.x + box.width * 0.1, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + 20, { steps: 4 });
  await page.mouse.up();
  const after = await page.textContent('.wf-axis .tick:last-child');
  expect(before !== after, `the axis still ends at ${after} after zooming`);
  await page.screenshot({ path: `${shots}/trace-zoomed.png` });
  return `${matches} matches; axis ${before} → ${after}`;
});

await check('the trace downloads as Jaeger JSON and OTLP JSON, and both open again from disk', async () => {
  await page.goto(`${base}/trace/${traceId}`);
  await page.waitForSelector('.wf-row');
  for (const [button, format] of [['#download-jaeger', 'Jaeger'], ['#download-otlp', 'OTLP']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = `${shots}/trace.${format.toLowerCase()}.json`;
    await download.saveAs(file);
    await page.goto(`${base}/search`);
    await page.setInputFiles('#open-file', file);
    await page.waitForSelector('#trace-header');
    const shown = Number(await page.textContent('#span-count'));
    expect(shown === spanCount, `the ${format} file opened with ${shown} spans`);
    expect(page.url().endsWith(`/trace/${traceId}`), `the ${format} file opened at ${page.url()}`);
    await page.goto(`${base}/trace/${traceId}`);
    await page.waitForSelector('.wf-row');
  }
});

await check('a large trace is virtualized and every span is reachable by scrolling', async () => {
  await page.goto(`${base}/trace/${bigTraceId}`);
  await page.waitForSelector('.wf-row');
  const header = Number(await page.textContent('#span-count'));
  const { ids, most } = await allRows();
  expect(header === bigSpanCount, `the header says ${header} spans, ${bigSpanCount} were sent`);
  expect(ids === bigSpanCount, `scrolling showed ${ids} of ${bigSpanCount} spans`);
  expect(most < bigSpanCount / 2, `${most} rows were in the DOM at once: not virtualized`);
  await page.screenshot({ path: `${shots}/trace-large.png` });
  return `${ids} spans, at most ${most} rows in the DOM`;
});

await check('the compare page merges two traces', async () => {
  await page.goto(`${base}/trace/${traceId}...${compareId}`);
  await page.waitForSelector('#compare-table');
  const summary = await page.textContent('#compare-summary');
  expect(/only in A: 0/.test(summary) && /only in B: 1/.test(summary), `summary: ${summary}`);
  const rows = await page.locator('.compare-row').count();
  expect(rows === spanCount + 1, `${rows} rows, expected ${spanCount + 1}`);
  await page.screenshot({ path: `${shots}/compare.png`, fullPage: true });
  return summary;
});

await check('the dependencies page draws the service graph', async () => {
  await page.goto(`${base}/dependencies`);
  await page.waitForSelector('#dependency-graph');
  const nodes = await page.locator('#dependency-graph .service-node').count();
  const edges = await page.locator('#dependency-table tbody tr').count();
  expect(nodes >= 2 && edges >= 1, `${nodes} services, ${edges} edges`);
  expect(await page.locator(`#dependency-graph .service-node[data-service="${service}"]`).count() === 1, `${service} is not in the graph`);
  await page.screenshot({ path: `${shots}/dependencies.png`, fullPage: true });
  return `${nodes} services, ${edges} edges`;
});

await check('no request went to another host and no script error', async () => {
  expect(!foreign.length, `requests elsewhere: ${foreign.join(', ')}`);
  expect(!consoleErrors.length, `errors: ${consoleErrors.join(' | ')}`);
});

await browser.close();
const ok = checks.every((c) => c.ok);
console.log(JSON.stringify({ ok, checks }));
process.exit(ok ? 0 : 1);
