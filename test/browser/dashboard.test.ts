import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { DEMO_PASSWORD } from '../../src/server/demo/demo.accounts.js';
import { loadProvinceDemo } from '../../src/server/demo/demo.loader.js';
import { ARTICLE_FIGURES, PROVINCE_DEMO } from '../../src/server/demo/province-demo.js';
import { chromiumAvailable, launchBrowser, screenshot, startBrowserServer, type BrowserServer } from './browser.js';

/** Screenshots show the page at rest: no request running, charts drawn. */
async function settled(page: Page): Promise<void> {
  const busy = page.locator('.ant-spin-spinning, .ant-skeleton, .ant-select-dropdown:visible, .ant-picker-dropdown:visible');
  await expect.poll(() => busy.count()).toBe(0);
  await page.waitForTimeout(600);
}

/**
 * A newcomer starts the product with the Bắc Giang demo, signs in as the
 * provincial organisation board and reads on the home page the figures the
 * article reports, then drills from the province to Bắc Giang city, to one of
 * its wards and to a cadre's record, in the real browser against the real server.
 */
describe.runIf(chromiumAvailable)('trang tổng quan với dữ liệu minh họa Bắc Giang', () => {
  let server: BrowserServer;
  let browser: Browser;
  let page: Page;

  const figure = (testId: string) => page.getByTestId(`${testId}-value`);

  beforeAll(async () => {
    server = await startBrowserServer();
    const loaded = await loadProvinceDemo(server.database.db, { mode: 'command' });
    expect(loaded.status).toBe('loaded');
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'vi-VN', viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens on the demo’s date with 1.219 key cadres, 1.212 with university or higher, 76 with advanced political theory', async () => {
    await page.goto(server.baseUrl);
    await page.getByTestId('login-username').fill('tinh.bacgiang');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();

    await expect.poll(() => figure('kpi-people').textContent()).toBe('1.219');
    expect(await figure('kpi-university').textContent()).toBe('1.212');
    expect(await figure('kpi-advanced-theory').textContent()).toBe('76');
    expect(await page.getByTestId('kpi-university-share').textContent()).toBe('99,4%');
    expect(await page.getByTestId('dashboard-demo-note').textContent()).toContain('Số liệu minh họa tính đến 31/12/2021');
    expect(await page.getByTestId('dashboard-sentence').textContent()).toContain('1.219 cán bộ chủ chốt, 1.212 người có trình độ từ đại học trở lên (99,4%)');
    expect(await page.getByTestId('dashboard-sentence').textContent()).toContain('76 người có trình độ cao cấp, cử nhân lý luận chính trị');
    expect(page.url()).toContain(`asOf=${PROVINCE_DEMO.asOf}`);
    await page.getByTestId('chart-professional').locator('canvas').first().waitFor();
    await settled(page);
    await screenshot(page, 'dashboard-province');
  });

  it('exports every table of the page to one workbook with the same figures', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export').click()]);
    expect(download.suggestedFilename()).toBe(`tong-quan-${PROVINCE_DEMO.provinceCode}-${PROVINCE_DEMO.asOf}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Chuyên môn', 'Lý luận chính trị', 'Đơn vị trực thuộc']);
    expect(workbook.getWorksheet('Tổng hợp')!.getCell('B5').value).toBe(ARTICLE_FIGURES.keyCadres);
  });

  it('drills into Bắc Giang city: 92 key cadres, all meeting the standard, 25 postgraduates, 11 with advanced political theory', async () => {
    await page.getByTestId('dashboard-children').getByTestId('drill-unit').filter({ hasText: 'Thành phố Bắc Giang' }).click();
    await expect.poll(() => figure('kpi-people').textContent()).toBe('92');
    expect(await figure('kpi-meeting').textContent()).toBe('92');
    expect(await page.getByTestId('kpi-meeting-share').textContent()).toBe('100%');
    expect(await figure('kpi-postgraduate').textContent()).toBe('25');
    expect(await figure('kpi-advanced-theory').textContent()).toBe('11');
    expect(await page.getByTestId('dashboard-breadcrumb').textContent()).toContain('Tỉnh Bắc Giang');
    await settled(page);
    await screenshot(page, 'dashboard-city');

    await page.getByTestId('language-switch').getByText('EN').click();
    await expect
      .poll(() => page.getByTestId('dashboard-sentence').textContent())
      .toContain('92 key cadres, 92 with a university degree or higher (100%), of whom 25 postgraduate; 11 with advanced or bachelor political theory');
    await page.getByTestId('language-switch').getByText('VI').click();
    await expect.poll(() => page.getByTestId('dashboard-sentence').textContent()).toContain('92 cán bộ chủ chốt');
  });

  it('drills into a ward down to its people and opens a cadre’s record', async () => {
    const ward = page.getByTestId('dashboard-children').getByTestId('drill-unit').first();
    const wardName = (await ward.textContent())!;
    await ward.click();
    await expect.poll(() => page.getByTestId('dashboard-breadcrumb').textContent()).toContain(wardName);
    const people = page.getByTestId('compliance-people').locator('tbody tr.ant-table-row');
    await expect.poll(() => people.count()).toBeGreaterThanOrEqual(5);
    expect(Number(await figure('kpi-people').textContent())).toBe(await people.count());
    await settled(page);
    await screenshot(page, 'dashboard-ward');

    const firstPerson = people.first().locator('a[href^="/cadres/"]');
    const name = (await firstPerson.textContent())!;
    await firstPerson.click();
    await page.waitForURL(/\/cadres\/\d+/);
    await expect.poll(() => page.locator('body').textContent()).toContain(name);

    await page.goBack();
    await page.getByTestId('dashboard-breadcrumb').getByText('Tỉnh Bắc Giang').click();
    await expect.poll(() => figure('kpi-people').textContent()).toBe('1.219');
  });

  it('offers only units inside the user’s province in the unit picker', async () => {
    const picker = page.getByTestId('dashboard-unit').getByRole('combobox');
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await picker.click();
    const searched = page.waitForResponse((response) => response.url().includes('/api/units/search') && response.url().includes('q=bac+ninh'));
    await picker.fill('bac ninh');
    const found = (await (await searched).json()) as { items: { name: string }[] };
    expect(found.items.map((unit) => unit.name)).toEqual([]);
    await page.waitForTimeout(300);
    expect(await dropdown.textContent()).not.toContain('Bắc Ninh');
    await picker.fill('lang giang');
    await dropdown.locator('.ant-select-item-option', { hasText: 'Huyện Lạng Giang' }).first().click();
    await expect.poll(() => figure('kpi-people').textContent()).toBe('121');
    expect(await page.getByTestId('dashboard-breadcrumb').textContent()).toContain('Tỉnh Bắc Giang');
  });

  it('shows Xã Quảng Minh’s 6 of 6 with a university degree, and says when a unit no longer existed', async () => {
    const quangMinh = await sql<{ id: string }>`
      select id from admin_unit where level = 'commune' and code = ${ARTICLE_FIGURES.quangMinh.communeCode}
        and (valid_from is null or valid_from <= ${PROVINCE_DEMO.asOf}::date) and (valid_to is null or valid_to >= ${PROVINCE_DEMO.asOf}::date)
    `.execute(server.database.db);
    await page.goto(`${server.baseUrl}/?unitId=${quangMinh.rows[0]!.id}&asOf=${PROVINCE_DEMO.asOf}`);
    await expect.poll(() => figure('kpi-people').textContent()).toBe('6');
    expect(await figure('kpi-university').textContent()).toBe('6');

    // Tỉnh Bắc Giang was merged into Bắc Ninh in 2025: no page of zeros for 2026.
    await page.goto(`${server.baseUrl}/?asOf=2026-01-01`);
    const missing = page.getByTestId('dashboard-unit-missing');
    await expect.poll(() => missing.textContent()).toContain('Tỉnh Bắc Giang không còn tồn tại vào ngày 01/01/2026');
    expect(await page.getByTestId('dashboard-figures').count()).toBe(0);
    await settled(page);
    await screenshot(page, 'dashboard-unit-missing');
    await missing.getByRole('button').click();
    await expect.poll(() => page.getByTestId('dashboard-figures').count()).toBe(1);
    expect(await missing.count()).toBe(0);
    expect(page.url()).not.toContain('asOf=2026-01-01');
  });

  it('opens on the whole country for a national administrator, who drills into the province', async () => {
    const db = server.database.db;
    const country = await db.selectFrom('admin_unit').select('id').where('level', '=', 'country').executeTakeFirstOrThrow();
    await db
      .insertInto('app_user')
      .values({
        username: 'tw.quantri',
        full_name: 'Quản trị Trung ương',
        role: 'admin',
        unit_id: country.id,
        password_hash: await hashPassword('mat-khau-trung-uong'),
      })
      .execute();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout-button').click();
    await page.getByTestId('login-username').fill('tw.quantri');
    await page.getByTestId('login-password').fill('mat-khau-trung-uong');
    await page.getByTestId('login-submit').click();
    // Only the demo province has cadres: the country's figures are its figures.
    await expect.poll(() => figure('kpi-people').textContent()).toBe('1.219');
    await page.getByTestId('dashboard-children').getByTestId('drill-unit').filter({ hasText: 'Tỉnh Bắc Giang' }).click();
    await expect.poll(() => page.getByTestId('dashboard-breadcrumb').textContent()).toContain('Tỉnh Bắc Giang');
    expect(await figure('kpi-people').textContent()).toBe('1.219');
  });
});
