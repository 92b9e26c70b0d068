import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

const ADMIN_PASSWORD = 'mat-khau-quan-tri-don-thu';
const TEMPORARY = 'mat-khau-tam-don-thu';

/**
 * "Vượt cấp" as the district and the commune live it: a citizen brings a
 * commune's matter to the district; the district officer registers it and
 * sends it down in one action; the commune officer, on a phone, finds it on
 * top of the inbox with its clock, accepts it, settles it with the
 * citizen's agreement and reports back; the district sees each step on its
 * own case, on time.
 */
describe.runIf(chromiumAvailable)('đơn vượt cấp trong trình duyệt', () => {
  let server: BrowserServer;
  let browser: Browser;
  let districtContext: BrowserContext;
  let communeContext: BrowserContext;
  let district: Page;
  let commune: Page;

  const option = (page: Page, text: string | RegExp) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
    const db = server.database.db;
    const country = (await db.selectFrom('admin_unit').select('id').where('level', '=', 'country').executeTakeFirstOrThrow()).id;
    const province = await createUnit(db, { level: 'province', code: 'T8T', name: 'Tỉnh Đơn Thư', type: 'Tỉnh', parentId: country });
    const districtId = await createUnit(db, { level: 'district', code: 'T8T01', name: 'Huyện Tiếp Dân', type: 'Huyện', parentId: province });
    const communeId = await createUnit(db, { level: 'commune', code: 'T8T0101', name: 'Xã Đồng Thuận', type: 'Xã', parentId: districtId });

    const first = await apiLogin(server.baseUrl, 'admin', server.adminPassword);
    await apiPost(server.baseUrl, first, '/api/auth/password', { currentPassword: server.adminPassword, newPassword: ADMIN_PASSWORD });
    const admin = await apiLogin(server.baseUrl, 'admin', ADMIN_PASSWORD);
    await apiPost(server.baseUrl, admin, '/api/users', {
      username: 'tiepdan.huyen',
      fullName: 'Lê Văn Tiếp',
      role: 'district',
      unitId: districtId,
      password: TEMPORARY,
    });
    await apiPost(server.baseUrl, admin, '/api/users', {
      username: 'tiepdan.xa',
      fullName: 'Ngô Thị Thuận',
      role: 'commune',
      unitId: communeId,
      password: TEMPORARY,
    });

    districtContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
    communeContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    district = await districtContext.newPage();
    commune = await communeContext.newPage();
    for (const page of [district, commune]) page.setDefaultTimeout(15_000);
    await signInChangingPassword(district, { baseUrl: server.baseUrl, username: 'tiepdan.huyen', password: TEMPORARY, newPassword: 'mat-khau-moi-cua-huyen' });
    await signInChangingPassword(commune, { baseUrl: server.baseUrl, username: 'tiepdan.xa', password: TEMPORARY, newPassword: 'mat-khau-moi-cua-xa' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the district registers an over-level petition and sends it down to the commune in one action', async () => {
    await district.goto(`${server.baseUrl}/petitions`);
    await district.getByTestId('petition-receive').click();
    const form = district.getByTestId('petition-form');
    await form.getByLabel('Lĩnh vực').click();
    await option(district, 'Môi trường').click();
    await form.getByLabel('Xã, phường nơi phát sinh vụ việc').fill('dong thuan');
    await option(district, 'Xã Đồng Thuận').first().click();
    await form.getByLabel('Trích yếu nội dung').fill('Phản ánh lò đốt rác gây khói');
    await form.getByLabel('Nội dung đơn').fill('Lò đốt rác của xã đốt vào ban đêm, khói bay vào khu dân cư thôn Đình.');
    await form.getByLabel('Họ và tên 1').fill('Bùi Văn Phản');
    await form.getByLabel('Địa chỉ 1').fill('Thôn Đình');
    await form.getByText('Đơn vượt cấp (vụ việc thuộc thẩm quyền cấp xã)').click();
    await form.getByRole('button', { name: 'Lưu' }).click();

    await expect.poll(() => district.getByTestId('petition-title').textContent()).toContain('Đơn kiến nghị số 1/');
    await expect.poll(() => district.getByTestId('petition-clock').first().textContent()).toMatch(/Xử lý đơn: (Còn \d+ ngày|Hết hạn hôm nay)/);
    await district.getByTestId('petition-action-referDown').click();
    await district.getByTestId('petition-step-form').getByRole('button', { name: 'Lưu' }).click();
    // The district lands on the commune's own case, which it follows.
    await expect.poll(() => district.getByTestId('petition-linked').textContent()).toContain('Đơn do Huyện Tiếp Dân chuyển về');
    await settled(district);
    await screenshot(district, 'petitions-1-sent-down');
  });

  it('the commune, on a phone, accepts, settles with agreement and reports back', async () => {
    await commune.goto(`${server.baseUrl}/petitions`);
    const row = commune.getByTestId('petitions-table').locator('tbody tr', { hasText: 'Phản ánh lò đốt rác gây khói' });
    await expect.poll(() => row.textContent()).toMatch(/Còn \d+ ngày|Hết hạn hôm nay/);
    expect(await commune.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(commune, 'petitions-2-commune-inbox-phone');
    await row.getByRole('link', { name: 'Phản ánh lò đốt rác gây khói' }).click();
    await expect.poll(() => commune.getByTestId('petition-linked').textContent()).toContain('Huyện Tiếp Dân');

    await commune.getByTestId('petition-action-decide').click();
    await commune.getByTestId('petition-step-form').getByRole('button', { name: 'Lưu' }).click();
    await settled(commune);
    await commune.getByTestId('petition-action-settle').click();
    await commune.getByTestId('petition-step-form').getByLabel('Ghi chú').fill('Đã di chuyển lò đốt ra khu xử lý tập trung; ông Phản đồng ý.');
    await commune.getByTestId('petition-step-form').getByRole('button', { name: 'Lưu' }).click();
    await settled(commune);
    await expect
      .poll(() => commune.getByTestId('petition-clock').first().textContent())
      .toMatch(/Báo cáo kết quả lên cấp trên: (Còn \d+ ngày|Hết hạn hôm nay)/);
    await commune.getByTestId('petition-action-reportBack').click();
    await commune.getByTestId('petition-step-form').getByRole('button', { name: 'Lưu' }).click();
    await settled(commune);
    await expect.poll(() => commune.getByTestId('petition-title').locator('..').textContent()).toContain('Đã giải quyết');
    expect(await commune.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(commune, 'petitions-3-commune-settled-phone');
  });

  it('the district sees on its own case that the commune settled and reported back in time', async () => {
    await district.getByTestId('petition-linked').getByRole('button', { name: 'Mở đơn' }).click();
    await district.reload();
    const linked = district.getByTestId('petition-linked');
    await expect.poll(() => linked.textContent()).toContain('Đã chuyển về Xã Đồng Thuận giải quyết');
    await expect.poll(() => linked.textContent()).toContain('Đã giải quyết');
    await expect.poll(() => linked.textContent()).toContain('Báo cáo kết quả lên cấp trên: Đúng hạn');
    const timeline = await district.locator('.ant-timeline').textContent();
    expect(timeline).toContain('Cấp xã đã giải quyết');
    expect(timeline).toContain('Cấp xã đã báo cáo kết quả');

    await district.goto(`${server.baseUrl}/petitions?tab=report`);
    await expect.poll(() => district.getByTestId('petitions-sentence').textContent()).toContain('Huyện Tiếp Dân');
    await settled(district);
    await screenshot(district, 'petitions-4-district-report');
  });
});
