import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { SettingsRepository } from '../settings/settings.repository.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

async function meta() {
  const response = await t.app.inject({ method: 'GET', url: '/api/meta' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { demo: boolean; demoAsOf: string | null };
}

describe('GET /api/meta: the date the dashboard opens on', () => {
  it('gives no demo date on a system without the demo, so the dashboard opens on today', async () => {
    expect(await meta()).toMatchObject({ demo: false, demoAsOf: null });
  });

  it('gives the reference date of the demo loaded: 31/12/2021 for Bắc Giang, 31/12/2025 for the whole country', async () => {
    const settings = new SettingsRepository(t.db);
    await settings.set('demo_loaded', 'true');
    await settings.set('demo_dataset', 'bac-giang-2021');
    expect(await meta()).toMatchObject({ demo: true, demoAsOf: '2021-12-31' });

    await settings.set('demo_dataset', 'toan-quoc-2025');
    expect(await meta()).toMatchObject({ demo: true, demoAsOf: '2025-12-31' });

    await settings.set('demo_loaded', 'false');
    expect(await meta()).toMatchObject({ demo: false, demoAsOf: null });
  });
});
