import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

const LAST_YEAR = new Date().getFullYear() - 1;

/**
 * A commune office registers the year's problem with its chair in charge,
 * records that it was resolved, and sees the year's rate and sentence.
 */
describe.runIf(chromiumAvailable)('vấn đề ở cơ sở trong trình duyệt', () => {
  let server: BrowserServer;
  let browser: Browser;
  let page: Page;
  const option = (text: string | RegExp) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
    const db = server.database.db;
    const country = (await db.selectFrom('admin_unit').select('id').where('level', '=', 'country').executeTakeFirstOrThrow()).id;
    const province = await createUnit(db, { level: 'province', code: 'T9T', name: 'Tỉnh Thực Tiễn', type: 'Tỉnh', parentId: country });
    const commune = await createUnit(db, { level: 'commune', code: 'T9T0101', name: 'Xã Rèn Luyện', type: 'Xã', parentId: province });
    const first = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    await apiPost(server.baseUrl, first, '/api/auth/password', { currentPassword: server.adminPassword, newPassword: 'mat-khau-quan-tri-van-de' });
    const admin = await apiLogin(server.baseUrl, 'admin', 'mat-khau-quan-tri-van-de');
    const chair = await apiPost<{ id: string }>(server.baseUrl, admin, '/api/cadres', {
      fullName: 'Đỗ Văn Chủ Trì',
      gender: 'nam',
      birthDate: '1976-02-02',
      owningUnitId: commune,
    });
    await apiPost(server.baseUrl, admin, `/api/cadres/${chair.id}/posts`, { unitId: commune, titleCode: 'chu_tich_ubnd', startDate: '2021-06-01' });
    await apiPost(server.baseUrl, admin, '/api/users', {
      username: 'vande.xa',
      fullName: 'Văn phòng xã',
      role: 'commune',
      unitId: commune,
      password: 'mat-khau-tam-van-de',
    });
    const committee = await apiPost<{ id: string }>(server.baseUrl, admin, '/api/party-organizations', {
      communeId: commune,
      kind: 'dang_bo_co_so',
      name: 'Đảng bộ xã Rèn Luyện',
    });
    for (const name of ['Chi bộ thôn Chùa', 'Chi bộ thôn Đình', 'Chi bộ Trường Tiểu học']) {
      const cell = await apiPost<{ id: string }>(server.baseUrl, admin, '/api/party-organizations', {
        communeId: commune,
        kind: 'chi_bo',
        name,
        parentId: committee.id,
      });
      await apiPost(server.baseUrl, admin, `/api/party-committees/${committee.id}/cell-assignments`, {
        cellId: cell.id,
        cadreId: chair.id,
        frequencyMonths: 1,
        validFrom: `${LAST_YEAR}-01-01`,
      });
    }
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await signInChangingPassword(page, { baseUrl: server.baseUrl, username: 'vande.xa', password: 'mat-khau-tam-van-de', newPassword: 'mat-khau-moi-van-de' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('registers a problem with the chair in charge, records it resolved, and shows the rate', async () => {
    await page.goto(`${server.baseUrl}/grassroots`);
    await page.getByTestId('problem-register').click();
    const form = page.getByTestId('problem-form');
    await form.getByLabel('Tên vấn đề').fill('Xử lý điểm ô nhiễm tại mương thoát nước thôn Chùa');
    await form.getByLabel('Lĩnh vực').click();
    await option('Môi trường').click();
    await form.getByLabel('Thành viên thường trực phụ trách').click();
    await option('Đỗ Văn Chủ Trì').click();
    await form.getByLabel('Thời hạn giải quyết').fill('31/12/2026');
    // Enter confirms the date and submits the form, as an office worker at the keyboard would.
    await form.getByLabel('Thời hạn giải quyết').press('Enter');
    await settled(page);
    const row = page.getByTestId('problems-table').locator('tbody tr', { hasText: 'Xử lý điểm ô nhiễm' });
    await expect.poll(() => row.textContent()).toContain('Mới đăng ký');
    await row.click();
    await page.getByTestId('problem-progress').click();
    const step = page.getByTestId('problem-step-form');
    await step.getByLabel('Kết quả').click();
    await option('Đã giải quyết').click();
    await step.getByLabel('Nội dung, minh chứng').fill('Đã nạo vét mương, lắp cống hộp; người dân đồng tình');
    await step.getByRole('button', { name: 'Lưu' }).click();
    await settled(page);
    await expect.poll(() => page.getByTestId('problem-drawer').textContent()).toContain('Đã giải quyết');
    await screenshot(page, 'grassroots-1-resolved');
    await page.goto(`${server.baseUrl}/grassroots?tab=rates`);
    await expect.poll(() => page.getByTestId('grassroots-sentence').textContent()).toContain('Xã Rèn Luyện đăng ký 1 vấn đề');
    await expect.poll(() => page.getByTestId('grassroots-sentence').textContent()).toContain('đạt 100%');
  });

  it('enters a month of party-cell attendance from the keyboard, and the coverage counts it', async () => {
    await page.goto(`${server.baseUrl}/grassroots?tab=cells`);
    // Last year: every month of it has ended, whatever the day the test runs.
    await page.getByTestId('cells-year').fill(String(LAST_YEAR));
    await page.getByTestId('cells-year').press('Tab');
    await settled(page);
    const grid = page.getByTestId('cells-grid');
    // November, first row: C, C, V — each key records and moves down, as from the minutes of the three meetings.
    const november = grid.locator('td[data-row="0"][data-column="10"]');
    await november.focus();
    await page.keyboard.press('c');
    await page.keyboard.press('c');
    await page.keyboard.press('v');
    await expect
      .poll(() => grid.locator('td[data-column="10"]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-status'))))
      .toEqual(['present', 'present', 'absent']);
    await page.getByTestId('cells-save').click();
    await settled(page);
    await expect.poll(() => page.getByTestId('cells-sentence').textContent()).toContain('đã dự 2/36 lượt theo kế hoạch');
    await expect.poll(() => grid.locator('td.attendance-cell-changed').count()).toBe(0);
    await page.getByTestId('cells-month').click();
    await option('Tháng 11').click();
    await expect.poll(() => page.getByTestId('committee-attendance').textContent()).toContain(`05/11/${LAST_YEAR}`);
    await screenshot(page, 'grassroots-2-cells');
    await page.setViewportSize({ width: 390, height: 844 });
    // Once the layout has followed the new width, nothing runs off the side.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'grassroots-3-cells-phone');
    // On a phone the menu opens from a button in the header, not from a tab over the title.
    await page.getByTestId('menu-toggle').click();
    await expect.poll(() => page.getByTestId('sidebar-menu').isVisible()).toBe(true);
  });
});
