import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '../units.js';
import {
  apiLogin,
  apiPost,
  chromiumAvailable,
  launchBrowser,
  screenshot,
  settled,
  signInChangingPassword,
  startBrowserServer,
  type BrowserServer,
} from './browser.js';

/**
 * The province's organisation board records a rotation into a weak commune:
 * the form checks the decision against Regulation 65-QĐ/TW, shows the rule
 * not met with its basis, records it once the officer confirms, and the
 * register counts the person.
 */
describe.runIf(chromiumAvailable)('luân chuyển cán bộ trong trình duyệt', () => {
  let server: BrowserServer;
  let browser: Browser;
  let page: Page;
  const option = (text: string | RegExp) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
    const db = server.database.db;
    const country = (await db.selectFrom('admin_unit').select('id').where('level', '=', 'country').executeTakeFirstOrThrow()).id;
    const province = await createUnit(db, { level: 'province', code: 'L9L', name: 'Tỉnh Luân Chuyển', type: 'Tỉnh', parentId: country });
    const district = await createUnit(db, { level: 'district', code: 'L91', name: 'Huyện Điều Động', type: 'Huyện', parentId: province });
    await createUnit(db, { level: 'commune', code: 'L9101', name: 'Xã Tăng Cường', type: 'Xã', parentId: district });
    const first = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    await apiPost(server.baseUrl, first, '/api/auth/password', { currentPassword: server.adminPassword, newPassword: 'mat-khau-quan-tri-luan-chuyen' });
    const admin = await apiLogin(server.baseUrl, 'admin', 'mat-khau-quan-tri-luan-chuyen');
    // Born 04/1968: 61 years 9 months reached in 01/2030 — under ten years of service left in 2026.
    await apiPost(server.baseUrl, admin, '/api/cadres', { fullName: 'Lương Văn Tăng', gender: 'nam', birthDate: '1968-04-10', owningUnitId: district });
    await apiPost(server.baseUrl, admin, '/api/users', {
      username: 'bantochuc.tinh',
      fullName: 'Ban Tổ chức Tỉnh ủy',
      role: 'province',
      unitId: province,
      password: 'mat-khau-tam-luan-chuyen',
    });
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInChangingPassword(page, {
      baseUrl: server.baseUrl,
      username: 'bantochuc.tinh',
      password: 'mat-khau-tam-luan-chuyen',
      newPassword: 'mat-khau-moi-luan-chuyen',
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('checks the decision, shows the rule not met with its basis, and records it once confirmed', async () => {
    await page.goto(`${server.baseUrl}/rotations`);
    await page.getByTestId('rotation-create').click();
    const form = page.getByTestId('rotation-form');
    await form.getByLabel('Cán bộ được luân chuyển').fill('luong van');
    await option('Lương Văn Tăng').click();
    await form.getByLabel('Đơn vị nơi đi').fill('dieu dong');
    await option('Huyện Điều Động').first().click();
    await form.getByLabel('Chức vụ nơi đi').fill('Phó Trưởng Ban Tổ chức Huyện ủy Điều Động');
    await form.getByLabel('Xã nơi đến').fill('tang cuong');
    await option('Xã Tăng Cường').first().click();
    await form.getByLabel('Chức danh nơi đến').fill('chu tich uy ban');
    await option('Chủ tịch Ủy ban nhân dân').first().click();
    await form.getByLabel('Số quyết định').fill('215-QĐ/TU');
    await form.getByLabel('Ngày quyết định').fill('20/03/2026');
    await form.getByLabel('Ngày quyết định').press('Enter');
    await form.getByLabel('Cơ quan, người ký').fill('Ban Thường vụ Tỉnh ủy');
    await form.getByLabel('Ngày bắt đầu').fill('01/04/2026');
    // Enter in the last field submits: the decision is checked, and with a rule not met nothing is recorded yet.
    await form.getByLabel('Ngày bắt đầu').press('Enter');
    await settled(page);
    const warnings = page.getByTestId('rotation-warnings');
    await expect.poll(() => warnings.textContent()).toContain('dưới 10 năm');
    await expect.poll(() => warnings.textContent()).toContain('Quy định 65-QĐ/TW');
    await screenshot(page, 'rotations-1-warnings');
    await page.getByTestId('rotation-accept').click();
    await form.getByRole('button', { name: 'Lưu' }).click();
    await settled(page);
    const drawer = page.getByTestId('rotation-drawer');
    await expect.poll(() => drawer.textContent()).toContain('Quyết định được ghi dù chưa đáp ứng');
    await expect.poll(() => drawer.textContent()).toContain('215-QĐ/TU');
    await screenshot(page, 'rotations-2-recorded');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('rotation-sentence').textContent()).toContain('Tỉnh Luân Chuyển có 1 cán bộ được luân chuyển');
    await expect.poll(() => page.getByTestId('rotations-table').textContent()).toContain('Lương Văn Tăng');

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'rotations-3-phone');
  });
});
