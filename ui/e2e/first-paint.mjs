// Measures how soon a large trace is usable in the web UI: sends one trace of SPANS spans (a call tree
// over ten services, attributes and events on each span) to OTLP_HTTP as OTLP JSON, then opens
// /trace/{id} on BASE_URL in headless Chromium once to warm the server up, then RUNS times, each in a
// fresh browser context (cold cache),
// and reads the page's own marks: first contentful paint, and the first frame after the waterfall's
// first rows were in the DOM (ariadne:waterfall-painted). Prints one JSON line with every run and the
// medians. With SCREENSHOT set, the last run's page is saved there.
import { chromium } from 'playwright-core';
import { randomBytes } from 'node:crypto';

const base = process.env.BASE_URL;
const otlpHttp = process.env.OTLP_HTTP;
const spanCount = Number(process.env.SPANS ?? 10_000);
const runs = Number(process.env.RUNS ?? 5);
const services = ['frontend', 'cart', 'checkout', 'payment', 'shipping', 'inventory', 'user', 'currency', 'search', 'ads'];

/** A deterministic call tree of {@code n} spans: breadth first, each span calling 1 to 6 others within its own time. */
function buildTrace(n) {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const traceId = randomBytes(16).toString('hex');
  const t0 = BigInt(Date.now() - 60_000) * 1_000_000n;
  const spans = [{ id: randomBytes(8).toString('hex'), parent: '', service: 0, start: 0, duration: 2_000_000_000, depth: 0 }];
  for (let i = 0; spans.length < n; i++) {
    const parent = spans[i];
    const calls = 1 + Math.floor(random() * 6);
    for (let c = 0; c < calls && spans.length < n; c++) {
      const start = parent.start + Math.floor(random() * parent.duration * 0.5);
      const duration = Math.max(1000, Math.floor(random() * (parent.start + parent.duration - start)));
      spans.push({ id: randomBytes(8).toString('hex'), parent: parent.id, service: Math.floor(random() * services.length),
        start, duration, depth: parent.depth + 1 });
    }
  }
  const str = (key, value) => ({ key, value: { stringValue: value } });
  // Requests of 1,000 spans each, well under the receiver's request size limit.
  const bodies = [];
  for (let from = 0; from < spans.length; from += 1000) {
    bodies.push(JSON.stringify({ resourceSpans: resourceSpans(spans.slice(from, from + 1000)) }));
  }
  return { traceId: traceId.replace(/^0+/, ''), bodies };

  function resourceSpans(batch) {
    return services.map((name, s) => ({
    resource: { attributes: [str('service.name', name), str('host.name', `${name}-1`)] },
    scopeSpans: [{
      scope: { name: 'bench', version: '1.0' },
      spans: batch.filter((x) => x.service === s).map((x) => ({
        traceId, spanId: x.id, parentSpanId: x.parent,
        name: `${name} op ${x.depth}`, kind: x.parent ? 3 : 2,
        startTimeUnixNano: String(t0 + BigInt(x.start)), endTimeUnixNano: String(t0 + BigInt(x.start + x.duration)),
        attributes: [str('http.request.method', 'GET'), str('url.path', `/api/${name}/${x.depth}`),
          { key: 'http.response.status_code', value: { intValue: '200' } }, str('net.peer.name', `${name}.internal`)],
        events: x.depth % 3 === 0 ? [{ timeUnixNano: String(t0 + BigInt(x.start)), name: 'checkpoint', attributes: [] }] : [],
        status: {},
      })),
    }],
    }));
  }
}

const trace = buildTrace(spanCount);
for (const body of trace.bodies) {
  const sent = await fetch(`${otlpHttp}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (!sent.ok) throw new Error(`OTLP HTTP answered ${sent.status}: ${await sent.text()}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking'],
});
const results = [];
for (let i = -1; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/trace/${trace.traceId}`);
  await page.waitForFunction(() => performance.getEntriesByName('ariadne:waterfall-painted').length > 0, null, { timeout: 60_000 });
  const shown = Number(await page.textContent('#span-count'));
  if (shown !== spanCount) throw new Error(`the page shows ${shown} spans, ${spanCount} were sent`);
  const run = await page.evaluate(() => ({
    firstContentfulPaintMs: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1),
    waterfallPaintedMs: Math.round(performance.getEntriesByName('ariadne:waterfall-painted')[0].startTime),
    rowsInDom: document.querySelectorAll('.wf-row').length,
  }));
  if (i >= 0) results.push(run);
  if (process.env.SCREENSHOT && i === runs - 1) await page.screenshot({ path: process.env.SCREENSHOT });
  await context.close();
}
await browser.close();
const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
console.log(JSON.stringify({
  spans: spanCount, runs,
  firstContentfulPaintMs: median('firstContentfulPaintMs'),
  waterfallPaintedMs: median('waterfallPaintedMs'),
  waterfallPaintedMaxMs: Math.max(...results.map((r) => r.waterfallPaintedMs)),
  results,
}));
