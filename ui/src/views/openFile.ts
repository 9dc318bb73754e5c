// "Open JSON file": a Jaeger JSON or OTLP JSON trace file from disk, shown like a stored trace. OTLP is
// converted by the server's /api/transform; nothing is stored.
import * as api from '../api';
import { h } from '../dom';
import { keepOpened } from '../localTraces';
import { readTraceFile } from '../model/traceFile';
import { compareUrl, traceUrl } from '../model/routes';
import { navigate } from '../router';

export function openFileButton(): HTMLElement {
  const input = h('input', { type: 'file', accept: '.json,application/json', id: 'open-file', hidden: true });
  const button = h('button', { type: 'button', id: 'open-file-button' }, 'Open JSON file');
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const parsed = readTraceFile(await file.text());
      if (parsed.format === 'unknown') throw new Error(parsed.reason);
      const traces = parsed.format === 'jaeger' ? parsed.traces : await api.transformOtlp(parsed.body);
      if (!traces.length) throw new Error('the file holds no trace');
      keepOpened(traces);
      const ids = traces.map((t) => t.traceID);
      navigate(ids.length === 2 ? compareUrl(ids[0], ids[1]) : traceUrl(ids[0]));
    } catch (e) {
      alert(`Cannot open ${file.name}: ${(e as Error).message}`);
    }
  });
  return h('span', null, button, input);
}
