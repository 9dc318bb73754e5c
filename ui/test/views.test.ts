import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSpans } from '../src/model/find';
import { layoutGraph } from '../src/model/graphLayout';
import { allParents, visibleRows } from '../src/model/rows';
import { sortSummaries, summarizeTrace } from '../src/model/summary';
import { buildTrace } from '../src/model/trace';
import { readTraceFile } from '../src/model/traceFile';
import { trace } from './fixtures';

const model = buildTrace(trace([
  { id: 'root', service: 'front', op: 'GET /cart', start: 0, duration: 100 },
  { id: 'a', parent: 'root', service: 'cart', op: 'load', start: 10, duration: 20, tags: [{ key: 'http.status_code', value: 500 }] },
  { id: 'a1', parent: 'a', service: 'db', op: 'SELECT', start: 12, duration: 5 },
  { id: 'b', parent: 'root', service: 'cart', op: 'save', start: 40, duration: 20 },
]));

test('collapsing a span hides its descendants only', () => {
  assert.deepEqual(visibleRows(model, new Set(['a'])).map((n) => n.id), ['root', 'a', 'b']);
  assert.deepEqual(visibleRows(model, allParents(model)).map((n) => n.id), ['root']);
  assert.equal(visibleRows(model, new Set()).length, 4);
});

test('find matches every word in service, operation, id or tags', () => {
  assert.deepEqual([...findSpans(model, 'cart')], ['root', 'a', 'b']); // the root's operation is GET /cart
  assert.deepEqual([...findSpans(model, 'cart 500')], ['a']);
  assert.deepEqual([...findSpans(model, 'A1')], ['a1']);
  assert.equal(findSpans(model, '  ').size, 0);
});

test('a result summarizes root, counts and services, and sorts', () => {
  const s = summarizeTrace(model);
  assert.equal(s.rootService, 'front');
  assert.equal(s.rootOperation, 'GET /cart');
  assert.equal(s.spanCount, 4);
  assert.deepEqual(s.services, [['cart', 2], ['db', 1], ['front', 1]]);
  const short = { ...s, traceId: 'short', duration: 5, start: 50, spanCount: 9 };
  assert.deepEqual(sortSummaries([s, short], 'longest').map((t) => t.traceId), ['abc', 'short']);
  assert.deepEqual(sortSummaries([s, short], 'shortest').map((t) => t.traceId), ['short', 'abc']);
  assert.deepEqual(sortSummaries([s, short], 'recent').map((t) => t.traceId), ['short', 'abc']);
  assert.deepEqual(sortSummaries([s, short], 'spans').map((t) => t.traceId), ['short', 'abc']);
});

test('within a layer, services sit near their callers', () => {
  const nodes = layoutGraph([
    { parent: 'a', child: 'z' },
    { parent: 'b', child: 'y' },
    { parent: 'a', child: 'x' },
  ]);
  const order = (layer: number) => [...nodes.values()].filter((n) => n.layer === layer)
    .sort((p, q) => p.index - q.index).map((n) => n.name);
  assert.deepEqual(order(0), ['a', 'b']);
  assert.deepEqual(order(1), ['x', 'z', 'y']); // a's callees first (by name), then b's
});

test('the service graph flows left to right, cycles included', () => {
  const nodes = layoutGraph([
    { parent: 'front', child: 'cart' },
    { parent: 'cart', child: 'db' },
    { parent: 'front', child: 'db' },
    { parent: 'db', child: 'front' },
  ]);
  assert.deepEqual([...nodes.values()].map((n) => [n.name, n.layer]).sort(), [['cart', 1], ['db', 2], ['front', 0]]);
});

test('trace files: Jaeger JSON in its shapes, OTLP JSON, and anything else refused', () => {
  const t = trace([{ id: 'r', start: 0, duration: 1 }]);
  for (const text of [JSON.stringify(t), JSON.stringify([t]), JSON.stringify({ data: [t] })]) {
    const read = readTraceFile(text);
    assert.equal(read.format, 'jaeger');
    if (read.format === 'jaeger') assert.equal(read.traces[0].traceID, 'abc');
  }
  assert.equal(readTraceFile('{"resourceSpans":[]}').format, 'otlp');
  assert.equal(readTraceFile('{"result":{"resourceSpans":[{}]}}').format, 'otlp');
  assert.equal(readTraceFile('{"spans":3}').format, 'unknown');
  assert.equal(readTraceFile('nope').format, 'unknown');
});
