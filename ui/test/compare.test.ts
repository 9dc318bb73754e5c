import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flattenMerged, mergeTraces } from '../src/model/compare';
import { buildTrace } from '../src/model/trace';
import { trace } from './fixtures';

test('spans line up by service and operation path; each side\'s own spans are marked and changes measured', () => {
  const a = buildTrace(trace([
    { id: 'r', service: 'front', op: 'GET /', start: 0, duration: 100 },
    { id: 'c', parent: 'r', service: 'cart', op: 'load', start: 10, duration: 40 },
    { id: 'x', parent: 'r', service: 'cache', op: 'get', start: 60, duration: 5 },
  ], 'a'));
  const b = buildTrace(trace([
    { id: 'R', service: 'front', op: 'GET /', start: 0, duration: 150 },
    { id: 'C1', parent: 'R', service: 'cart', op: 'load', start: 10, duration: 50 },
    { id: 'C2', parent: 'R', service: 'cart', op: 'load', start: 70, duration: 70 },
    { id: 'D', parent: 'C2', service: 'db', op: 'query', start: 80, duration: 30 },
  ], 'b'));
  const rows = flattenMerged(mergeTraces(a, b));
  assert.deepEqual(rows.map((r) => [r.service, r.operation, r.presence, r.depth]), [
    ['front', 'GET /', 'both', 0],
    ['cart', 'load', 'both', 1],
    ['db', 'query', 'onlyB', 2],
    ['cache', 'get', 'onlyA', 1],
  ]);
  const cart = rows[1];
  assert.equal(cart.a.length, 1);
  assert.equal(cart.b.length, 2);
  assert.equal(cart.meanA, 40);
  assert.equal(cart.meanB, 60);
  assert.equal(rows[0].meanB - rows[0].meanA, 50);
});

test('traces with different roots share nothing', () => {
  const rows = flattenMerged(mergeTraces(
    buildTrace(trace([{ id: 'r', service: 'a', start: 0, duration: 1 }])),
    buildTrace(trace([{ id: 'r', service: 'b', start: 0, duration: 1 }]))));
  assert.deepEqual(rows.map((r) => r.presence), ['onlyA', 'onlyB']);
});
