#!/usr/bin/env node
// Entry point of `npm start` and `npx canboxa`: builds what is missing, then runs the compiled CLI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiledCli = path.join(root, 'dist', 'cli', 'run.js');
const builtWebApp = path.join(root, 'dist', 'web', 'index.html');

function build(script, what) {
  console.log(`Chưa có bản dựng ${what}, đang dựng (chỉ lần đầu)…`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Dựng ${what} thất bại (npm run ${script}).`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(compiledCli)) build('build:server', 'máy chủ');
if (process.argv[2] === 'start' && !existsSync(builtWebApp)) build('build:web', 'giao diện web');

await import(pathToFileURL(compiledCli).href);
