import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjustClockSkew } from '../src/model/clockSkew';
import { buildTrace } from '../src/model/trace';
import { trace } from './fixtures';

test('a server span starting before its client is moved into the middle of it, its children with it', () => {
  const model = adjustClockSkew(buildTrace(trace([
    { id: 'client', service: 'front', start: 1000, duration: 100 },
    { id: 'server', parent: 'client', service: 'back', start: 900, duration: 60 },
    { id: 'db', parent: 'server', service: 'back', start: 910, duration: 20 },
  ])));
  const server = model.byId.get('server')!;
  assert.equal(server.start, 1020);
  assert.equal(model.byId.get('db')!.start, 1030);
  assert.match(server.warnings[0], /clock skew adjusted: moved by \+120µs/);
  assert.equal(model.start, 1000);
  assert.equal(model.duration, 100);
});

test('a span ending after its parent in another service is moved back', () => {
  const model = adjustClockSkew(buildTrace(trace([
    { id: 'client', service: 'front', start: 0, duration: 100 },
    { id: 'server', parent: 'client', service: 'back', start: 80, duration: 40 },
  ])));
  assert.equal(model.byId.get('server')!.start, 30);
});

test('spans within their parent, or of the same service, are left alone', () => {
  const model = adjustClockSkew(buildTrace(trace([
    { id: 'client', service: 'front', start: 0, duration: 100 },
    { id: 'server', parent: 'client', service: 'back', start: 10, duration: 40 },
    { id: 'async', parent: 'client', service: 'front', start: 90, duration: 400 },
  ])));
  assert.equal(model.byId.get('server')!.start, 10);
  assert.equal(model.byId.get('async')!.start, 90);
  assert.deepEqual(model.spans.flatMap((s) => s.warnings), []);
});

test('a span longer than its parent in another service cannot fit: it stays, with a warning', () => {
  const model = adjustClockSkew(buildTrace(trace([
    { id: 'client', service: 'front', start: 100, duration: 50 },
    { id: 'server', parent: 'client', service: 'back', start: 90, duration: 80 },
  ])));
  const server = model.byId.get('server')!;
  assert.equal(server.start, 90);
  assert.match(server.warnings[0], /longer than its parent/);
});
