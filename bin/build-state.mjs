// What each build is made from, and whether the build on disk was made from the sources here now.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A change to any of these files (after `git pull`, say) makes the build stale. */
export const BUILDS = {
  server: {
    script: 'build:server',
    what: 'máy chủ',
    output: path.join(root, 'dist', 'cli', 'run.js'),
    stamp: path.join(root, 'dist', '.server-sources'),
    sources: ['src/server', 'src/core', 'src/cli', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.server.json'],
  },
  web: {
    script: 'build:web',
    what: 'giao diện web',
    output: path.join(root, 'dist', 'web', 'index.html'),
    stamp: path.join(root, 'dist', '.web-sources'),
    sources: ['src/web', 'src/core', 'src/server', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.web.json', 'vite.config.ts'],
  },
};
/** The files of a source (a file, or every file under a folder but tests), relative to the root and in a stable order. */
function filesOf(source) {
  const absolute = path.join(root, source);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [source];
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A hash of the build's sources, or null when they are not here (an installed package carries only its build). */
function fingerprint(sources) {
  const files = sources.flatMap(filesOf);
  if (files.length === 0) return null;
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/** Whether the build on disk was made from the sources here now (always, for an installed package without sources). */
export function isCurrent(build) {
  if (!existsSync(build.output)) return false;
  const wanted = fingerprint(build.sources);
  return wanted === null || (existsSync(build.stamp) && readFileSync(build.stamp, 'utf8') === wanted);
}

/** Records that the build was just made from the sources here. */
export function stamp(build) {
  const wanted = fingerprint(build.sources);
  if (wanted !== null) writeFileSync(build.stamp, wanted);
}

// `node bin/build-state.mjs stamp server|web`, run by the build scripts after a successful build.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'stamp') stamp(BUILDS[process.argv[3]]);
