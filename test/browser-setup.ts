import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH } from './browser/browser.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** Browser tests drive the built web app; build it once if this checkout has none. */
export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    console.warn(`\n[browser] ${CHROMIUM_PATH} không có: bỏ qua kiểm thử trình duyệt (cài bằng "apt-get install -y chromium").\n`);
    return;
  }
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'web', 'index.html'))) {
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('vite build failed');
  }
}
