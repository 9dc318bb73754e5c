import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTrace } from '../src/model/trace';
import { trace } from './fixtures';

test('children hang under their parents in start order, listed depth first', () => {
  const model = buildTrace(trace([
    { id: 'b', parent: 'root', start: 30, duration: 10 },
    { id: 'root', start: 0, duration: 100, service: 'front' },
    { id: 'a', parent: 'root', start: 10, duration: 10 },
    { id: 'a1', parent: 'a', start: 12, duration: 2, service: 'db' },
  ]));
  assert.deepEqual(model.spans.map((s) => s.id), ['root', 'a', 'a1', 'b']);
  assert.deepEqual(model.spans.map((s) => s.depth), [0, 1, 2, 1]);
  assert.equal(model.roots.length, 1);
  assert.equal(model.depth, 3);
  assert.equal(model.duration, 100);
  assert.deepEqual([...model.services], [['front', 1], ['svc', 2], ['db', 1]]);
});

test('a span whose parent is missing becomes a root with a warning', () => {
  const model = buildTrace(trace([
    { id: 'root', start: 0, duration: 100 },
    { id: 'orphan', parent: 'gone', start: 50, duration: 10 },
  ]));
  assert.deepEqual(model.roots.map((r) => r.id), ['root', 'orphan']);
  assert.match(model.byId.get('orphan')!.warnings[0], /parent span gone is not in this trace/);
});

test('errors are counted from the error tag and the OTel status', () => {
  const model = buildTrace(trace([
    { id: 'root', start: 0, duration: 100, tags: [{ key: 'otel.status_code', value: 'ERROR' }] },
    { id: 'a', parent: 'root', start: 1, duration: 1, tags: [{ key: 'error', type: 'bool', value: true }] },
    { id: 'b', parent: 'root', start: 2, duration: 1, tags: [{ key: 'error', type: 'bool', value: false }] },
  ]));
  assert.equal(model.errorCount, 2);
});

test('a span sent twice is shown once, and a reference cycle still shows every span', () => {
  const model = buildTrace(trace([
    { id: 'root', start: 0, duration: 100 },
    { id: 'root', start: 0, duration: 100 },
    { id: 'x', parent: 'y', start: 10, duration: 5 },
    { id: 'y', parent: 'x', start: 12, duration: 5 },
  ]));
  assert.equal(model.spans.length, 3);
  assert.deepEqual(new Set(model.spans.map((s) => s.id)), new Set(['root', 'x', 'y']));
  assert.ok(model.spans.some((s) => s.warnings.some((w) => w.includes('cycle'))));
});
