#!/usr/bin/env node
// Entry point of `npm start` and `npx canboxa`: builds what is missing or out of date, then runs the compiled CLI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BUILDS, isCurrent } from './build-state.mjs';

function ensureBuilt(build) {
  if (isCurrent(build)) return;
  console.log(
    existsSync(build.output)
      ? `Mã nguồn ${build.what} đã thay đổi từ lần dựng trước, đang dựng lại…`
      : `Chưa có bản dựng ${build.what}, đang dựng (chỉ lần đầu)…`,
  );
  // The build script stamps the build with its sources when it succeeds.
  const result = spawnSync('npm', ['run', '--silent', build.script], { cwd: new URL('..', import.meta.url), stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Dựng ${build.what} thất bại (npm run ${build.script}).`);
    process.exit(result.status ?? 1);
  }
}

ensureBuilt(BUILDS.server);
if (process.argv[2] === 'start') ensureBuilt(BUILDS.web);

await import(pathToFileURL(BUILDS.server.output).href);
