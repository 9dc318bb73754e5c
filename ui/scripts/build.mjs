// Bundles the UI into target/classes/dev/ariadne/ui/, where the server jar picks it up as classpath
// resources: index.html, and under static/ the hashed script and style sheet with a gzip copy of each
// (the server sends the .gz to browsers that accept it). Fails when the first load's script is over
// the budget once compressed.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, join } from 'node:path';

const MAX_GZIP_JS_BYTES = 300 * 1024;
const out = 'target/classes/dev/ariadne/ui';
const staticDir = join(out, 'static');
rmSync(out, { recursive: true, force: true });
mkdirSync(staticDir, { recursive: true });

const result = await esbuild.build({
  entryPoints: ['src/main.ts', 'src/styles.css'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  entryNames: '[name]-[hash]',
  outdir: staticDir,
  metafile: true,
  logLevel: 'warning',
});

const assets = Object.keys(result.metafile.outputs);
const script = basename(assets.find((f) => f.endsWith('.js')));
const sheet = basename(assets.find((f) => f.endsWith('.css')));
let gzipJs = 0;
for (const file of assets) {
  const gz = gzipSync(readFileSync(file), { level: 9 });
  writeFileSync(file + '.gz', gz);
  if (file.endsWith('.js')) gzipJs += gz.length;
}
const html = readFileSync('src/index.html', 'utf8')
  .replace('{{script}}', `/static/${script}`)
  .replace('{{sheet}}', `/static/${sheet}`);
writeFileSync(join(out, 'index.html'), html);

console.log(`ui: first-load JavaScript ${script}: ${(gzipJs / 1024).toFixed(1)} KB gzip (budget ${MAX_GZIP_JS_BYTES / 1024} KB)`);
if (gzipJs > MAX_GZIP_JS_BYTES) {
  console.error(`ui: the first load's JavaScript is ${gzipJs} bytes gzip, over the ${MAX_GZIP_JS_BYTES} byte budget`);
  process.exit(1);
}
