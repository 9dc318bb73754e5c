// Tags as the search form takes them, in logfmt (`http.status_code=500 error=true note="two words"`), and
// as Jaeger UI's URLs carry them (a JSON object of tag to value).

export type Tags = Record<string, string>;

export function parseLogfmt(text: string): Tags {
  const tags: Tags = {};
  const re = /\s*([^\s=]+)(?:=("(?:[^"\\]|\\.)*"|\S*))?/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0].trim()) {
    const raw = m[2] ?? 'true';
    tags[m[1]] = raw.startsWith('"') ? JSON.parse(raw) : raw;
  }
  return tags;
}

export function formatLogfmt(tags: Tags): string {
  return Object.entries(tags)
    .map(([k, v]) => `${k}=${v === '' || /[\s"=]/.test(v) ? JSON.stringify(v) : v}`)
    .join(' ');
}

/** A URL's tags parameter: Jaeger UI writes JSON; a hand-written link may use logfmt. */
export function parseTagsParam(text: string | null): Tags {
  if (!text) return {};
  if (text.trim().startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    } catch {
      return {};
    }
  }
  return parseLogfmt(text);
}
