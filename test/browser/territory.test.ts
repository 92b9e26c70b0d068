import { writeFileSync, existsSync } from 'node:fs';
import { it } from 'vitest';
import { startBrowserServer } from './browser.js';

it('dev server', async () => {
  const server = await startBrowserServer();
  writeFileSync('/tmp/dev/server.json', JSON.stringify({ baseUrl: server.baseUrl, adminPassword: server.adminPassword }));
  while (!existsSync('/tmp/dev/stop')) await new Promise((r) => setTimeout(r, 1000));
  await server.stop();
}, 24 * 3600_000);
