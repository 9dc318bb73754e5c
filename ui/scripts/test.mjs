// Unit tests of the view logic: each test/*.test.ts is bundled by esbuild for Node, then run by Node's
// own test runner.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const out = 'target/ui-test';
rmSync(out, { recursive: true, force: true });
const tests = readdirSync('test').filter((f) => f.endsWith('.test.ts')).map((f) => `test/${f}`);
await esbuild.build({
  entryPoints: tests,
  bundle: true,
  platform: 'node',
  format: 'esm',
  outdir: out,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--test', ...tests.map((t) => `${out}/${t.slice(5, -3)}.mjs`)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
