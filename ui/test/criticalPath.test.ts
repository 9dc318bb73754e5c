import { test } from 'node:test';
import assert from 'node:assert/strict';
import { criticalPath } from '../src/model/criticalPath';
import { buildTrace } from '../src/model/trace';
import { SpanSpec, trace } from './fixtures';

const path = (specs: SpanSpec[]) => criticalPath(buildTrace(trace(specs))).map((s) => `${s.spanId}:${s.start}-${s.end}`);

test('sequential children: the path runs through each, the parent owns the gaps', () => {
  assert.deepEqual(path([
    { id: 'root', start: 0, duration: 100 },
    { id: 'a', parent: 'root', start: 10, duration: 30 },
    { id: 'b', parent: 'root', start: 50, duration: 40 },
  ]), ['root:90-100', 'b:50-90', 'root:40-50', 'a:10-40', 'root:0-10']);
});

test('overlapping children: only the last to finish counts, until the path reaches back past it', () => {
  // a (10-60) overlaps b (20-80); the root waits for b, and b started while a ran: a is off the path.
  assert.deepEqual(path([
    { id: 'root', start: 0, duration: 100 },
    { id: 'a', parent: 'root', start: 10, duration: 50 },
    { id: 'b', parent: 'root', start: 20, duration: 60 },
    { id: 'c', parent: 'root', start: 5, duration: 10 },
  ]), ['root:80-100', 'b:20-80', 'root:15-20', 'c:5-15', 'root:0-5']);
});

test('an async child outliving its parent counts only while the parent lasted', () => {
  assert.deepEqual(path([
    { id: 'root', start: 0, duration: 100 },
    { id: 'async', parent: 'root', start: 60, duration: 200 },
  ]), ['async:60-100', 'root:0-60']);
});

test('the path descends into grandchildren', () => {
  assert.deepEqual(path([
    { id: 'root', start: 0, duration: 100 },
    { id: 'a', parent: 'root', start: 0, duration: 100 },
    { id: 'db', parent: 'a', start: 20, duration: 50 },
  ]), ['a:70-100', 'db:20-70', 'a:0-20']);
});

test('the segments cover the root span exactly once', () => {
  const segments = criticalPath(buildTrace(trace([
    { id: 'root', start: 0, duration: 1000 },
    { id: 'a', parent: 'root', start: 100, duration: 300 },
    { id: 'a1', parent: 'a', start: 150, duration: 400 },
    { id: 'b', parent: 'root', start: 350, duration: 500 },
    { id: 'b1', parent: 'b', start: 360, duration: 100 },
    { id: 'b2', parent: 'b', start: 400, duration: 300 },
  ])));
  const covered = segments.reduce((sum, s) => sum + (s.end - s.start), 0);
  assert.equal(covered, 1000);
  for (let i = 1; i < segments.length; i++) assert.equal(segments[i].end, segments[i - 1].start);
});
