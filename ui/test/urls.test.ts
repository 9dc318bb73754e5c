import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepOpened, openedTrace } from '../src/localTraces';
import { formatLogfmt, parseLogfmt, parseTagsParam } from '../src/model/logfmt';
import { parseRoute, traceUrl } from '../src/model/routes';
import { hasQuery, searchFromParams, searchRequest, searchToParams } from '../src/model/search';

test('Jaeger UI\'s URLs name the same views', () => {
  const search = parseRoute('/search', '?service=front&operation=GET%20%2F&tags=%7B%22error%22%3A%22true%22%7D&lookback=2h&minDuration=10ms&limit=50');
  assert.equal(search.page, 'search');
  if (search.page !== 'search') return;
  assert.equal(search.search.service, 'front');
  assert.equal(search.search.operation, 'GET /');
  assert.deepEqual(search.search.tags, { error: 'true' });
  assert.equal(search.search.lookback, '2h');
  assert.equal(search.search.minDuration, '10ms');
  assert.equal(search.search.limit, 50);
  assert.deepEqual(parseRoute('/trace/00ABCdef', '?uiFind=1234'), { page: 'trace', traceId: 'abcdef', uiFind: '1234' });
  assert.deepEqual(parseRoute('/trace/abc...0def', ''), { page: 'compare', a: 'abc', b: 'def' });
  assert.deepEqual(parseRoute('/dependencies', ''), { page: 'dependencies', lookback: '24h' });
  assert.equal(parseRoute('/', '').page, 'search');
  assert.equal(parseRoute('/nowhere', '').page, 'notFound');
  assert.equal(traceUrl('abc', 'x y'), '/trace/abc?uiFind=x%20y');
});

test('a trace opened from a file is found at its URL, leading zeros or not', () => {
  keepOpened([{ traceID: '0a1b', spans: [], processes: {} }]);
  for (const url of ['/trace/0a1b', '/trace/a1b', '/trace/000A1B']) {
    const route = parseRoute(url, '');
    assert.ok(route.page === 'trace' && openedTrace(route.traceId), url);
  }
  const other = parseRoute('/trace/a1c', '');
  assert.ok(other.page === 'trace' && !openedTrace(other.traceId));
});

test('logfmt tags parse with quotes and bare keys, and print back', () => {
  const tags = parseLogfmt('http.status_code=500  error=true note="two words" flag');
  assert.deepEqual(tags, { 'http.status_code': '500', error: 'true', note: 'two words', flag: 'true' });
  assert.deepEqual(parseLogfmt(formatLogfmt(tags)), tags);
  assert.deepEqual(parseTagsParam('{"a":1}'), { a: '1' });
  assert.deepEqual(parseTagsParam('a=1 b=2'), { a: '1', b: '2' });
});

test('a search becomes Jaeger\'s /api/traces request, span kind as a tag, times in µs', () => {
  const state = searchFromParams(new URLSearchParams('service=front&spanKind=server&tags=%7B%22error%22%3A%22true%22%7D&lookback=1h&limit=5'));
  const url = new URL(searchRequest(state, 1_700_000_000_000), 'http://x');
  assert.equal(url.pathname, '/api/traces');
  assert.equal(url.searchParams.get('service'), 'front');
  assert.deepEqual(JSON.parse(url.searchParams.get('tags')!), { error: 'true', 'span.kind': 'server' });
  assert.equal(url.searchParams.get('end'), '1700000000000000');
  assert.equal(url.searchParams.get('start'), String(1_700_000_000_000_000 - 3_600_000_000));
  assert.equal(url.searchParams.get('limit'), '5');
});

test('a TraceQL search goes to the UI\'s TraceQL route with times in seconds', () => {
  const state = searchFromParams(new URLSearchParams('traceql=%7B%20status%20%3D%20error%20%7D&start=1000000000&end=2000000000'));
  const url = new URL(searchRequest(state, 0), 'http://x');
  assert.equal(url.pathname, '/api/ui/traceql');
  assert.equal(url.searchParams.get('q'), '{ status = error }');
  assert.equal(url.searchParams.get('start'), '1000');
  assert.equal(url.searchParams.get('end'), '2000');
});

test('Jaeger UI\'s lookup of given traces asks /api/traces for them', () => {
  const state = searchFromParams(new URLSearchParams('traceID=abc&traceID=def'));
  assert.ok(hasQuery(state));
  assert.equal(searchRequest(state, 0), '/api/traces?traceID=abc&traceID=def');
  assert.ok(!hasQuery(searchFromParams(new URLSearchParams('lookback=1h'))));
});

test('the /search URL a form writes reads back as the same search', () => {
  const state = searchFromParams(new URLSearchParams('service=a&operation=op&tags=%7B%22k%22%3A%22v%22%7D&lookback=custom&start=10&end=20&maxDuration=1s&limit=7'));
  const again = searchFromParams(searchToParams(state, 999));
  assert.deepEqual(again, state);
});
