import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUnit } from '../units.js';
import { chromiumAvailable, launchBrowser, screenshot, signInChangingPassword, startBrowserServer, type BrowserServer } from './browser.js';

const ADMIN_PASSWORD = 'mat-khau-quan-tri-dao-tao';
const OFFICER_PASSWORD = 'mat-khau-tam-huyen-uy';
const OFFICER_NEW_PASSWORD = 'mat-khau-ban-to-chuc-huyen';

interface Session {
  cookie: string;
  csrfToken: string;
}

async function login(baseUrl: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${response.status}`);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: body.csrfToken };
}

async function call<T>(baseUrl: string, session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Screenshots show the page at rest: no request running, no dialog fading out. */
async function settled(page: Page): Promise<void> {
  const busy = page.locator('.ant-spin-spinning, .ant-select-dropdown:visible, .ant-picker-dropdown:visible');
  await expect.poll(() => busy.count()).toBe(0);
  await page.waitForTimeout(500);
}

const PEOPLE = ['Trần Văn Bình', 'Lê Thị Hoa', 'Phạm Quốc Dũng'] as const;

/**
 * A district organisation board runs the year's "Trung cấp lý luận chính
 * trị" class for the commune cadres the approved plan sent to it: enrols them
 * from the plan, takes attendance with the keyboard (one person misses a
 * session), enters the final essay's scores and issues the certificates. The
 * certified people's political theory level changes from the certificate's
 * date and not before; the absent one gets no certificate.
 */
describe.runIf(chromiumAvailable)('đào tạo, bồi dưỡng trong trình duyệt', () => {
  let server: BrowserServer;
  let browser: Browser;
  let page: Page;
  let absentee = '';
  let communeId = '';
  const cadreIds: Record<string, string> = {};

  const option = (text: string | RegExp) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser();
    const db = server.database.db;
    const country = (await db.selectFrom('admin_unit').select('id').where('level', '=', 'country').executeTakeFirstOrThrow()).id;
    const province = await createUnit(db, { level: 'province', code: 'T7T', name: 'Tỉnh Đào Tạo Thử', type: 'Tỉnh', parentId: country });
    const district = await createUnit(db, { level: 'district', code: 'T7T01', name: 'Huyện Học Tập', type: 'Huyện', parentId: province });
    const commune = await createUnit(db, { level: 'commune', code: 'T7T0101', name: 'Xã Tiến Bộ', type: 'Xã', parentId: district });
    communeId = commune;

    // The administrator's first password is replaced through the API, as the login page would.
    const first = await login(server.baseUrl, 'admin', server.adminPassword);
    await call(server.baseUrl, first, 'POST', '/api/auth/password', { currentPassword: server.adminPassword, newPassword: ADMIN_PASSWORD });
    const admin = await login(server.baseUrl, 'admin', ADMIN_PASSWORD);

    await call(server.baseUrl, admin, 'POST', `/api/communes/${commune}/area-classes`, { flags: ['dong_bang'], validFrom: null });
    const titles = ['pho_chu_tich_ubnd', 'chu_tich_hdnd', 'pho_chu_tich_hdnd'];
    for (const [index, fullName] of PEOPLE.entries()) {
      const { id } = await call<{ id: string }>(server.baseUrl, admin, 'POST', '/api/cadres', {
        fullName,
        gender: index === 1 ? 'nu' : 'nam',
        birthDate: `198${index}-03-15`,
        owningUnitId: commune,
      });
      cadreIds[fullName] = id;
      await call(server.baseUrl, admin, 'POST', `/api/cadres/${id}/posts`, { unitId: commune, titleCode: titles[index], startDate: '2021-06-25' });
      await call(server.baseUrl, admin, 'POST', `/api/cadres/${id}/qualifications`, { kind: 'professional', level: 'dai_hoc', obtainedOn: '2005-06-30' });
      await call(server.baseUrl, admin, 'POST', `/api/cadres/${id}/qualifications`, { kind: 'political_theory', level: 'so_cap', obtainedOn: '2012-01-10' });
    }

    // The commune's approved 2025 plan sends the three to intermediate political theory.
    const review = await call<{ id: string; proposals: { id: string }[] }>(server.baseUrl, admin, 'POST', '/api/training-reviews', {
      unitId: commune,
      year: 2025,
      asOf: '2025-08-01',
    });
    for (const proposal of review.proposals) {
      await call(server.baseUrl, admin, 'PATCH', `/api/training-reviews/${review.id}/proposals/${proposal.id}`, { decision: 'accepted' });
    }
    await call(server.baseUrl, admin, 'POST', `/api/training-reviews/${review.id}/submit`, {});
    await call(server.baseUrl, admin, 'POST', `/api/training-reviews/${review.id}/approve`, {});

    await call(server.baseUrl, admin, 'POST', '/api/training/programmes', {
      owningUnitId: district,
      name: 'Trung cấp lý luận chính trị - hành chính',
      form: 'formal_degree',
      organiser: 'Trường Chính trị tỉnh',
      fields: ['Lý luận chính trị'],
      hours: 120,
      outcome: 'qualification',
      grants: { scale: 'political_theory', level: 'trung_cap' },
      courseType: 'trung_cap_llct',
    });
    await call(server.baseUrl, admin, 'POST', '/api/training/instructors', {
      owningUnitId: district,
      fullName: 'Vũ Minh Hướng',
      position: 'Phó Trưởng Ban Tổ chức Huyện ủy',
    });
    await call(server.baseUrl, admin, 'POST', '/api/users', {
      username: 'xemdaotao',
      fullName: 'Đinh Thị Xem',
      role: 'viewer',
      unitId: district,
      password: OFFICER_PASSWORD,
    });
    await call(server.baseUrl, admin, 'POST', '/api/users', {
      username: 'bantochuc',
      fullName: 'Hoàng Văn Tổ',
      role: 'district',
      unitId: district,
      password: OFFICER_PASSWORD,
    });

    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets the district officer open a class of the programme with its sessions', async () => {
    await signInChangingPassword(page, { baseUrl: server.baseUrl, username: 'bantochuc', password: OFFICER_PASSWORD, newPassword: OFFICER_NEW_PASSWORD });

    await page.getByTestId('sidebar-menu').getByRole('link', { name: 'Đào tạo, bồi dưỡng', exact: true }).click();
    await page.waitForURL(/\/training$/);
    await page.getByTestId('open-create-class').click();
    const form = page.getByTestId('class-form');
    await form.waitFor();
    await page.getByTestId('class-programme').click();
    await option('Trung cấp lý luận chính trị - hành chính').click();
    expect(await page.getByTestId('class-name').inputValue()).toBe('Trung cấp lý luận chính trị - hành chính');
    await page.getByTestId('class-name').fill('Lớp Trung cấp lý luận chính trị khóa 2025');
    await form.getByLabel('Ngày khai giảng').fill('08/09/2025');
    await form.getByLabel('Ngày bế giảng').fill('10/09/2025');
    await form.getByLabel('Địa điểm').fill('Trung tâm Chính trị huyện Học Tập');
    await page.getByTestId('fill-sessions').click();
    await expect.poll(() => page.getByTestId('session-row').count()).toBe(3);
    await settled(page);
    await screenshot(page, 'training-class-form');
    await page.getByTestId('class-submit').click();
    await page.waitForURL(/\/training\/classes\/\d+/);
    const summary = page.getByTestId('class-summary');
    await expect.poll(() => summary.textContent()).toContain('08/09/2025 – 10/09/2025');
    await expect.poll(() => summary.textContent()).toContain('0/30 học viên');
  });

  it('enrols the people the approved plan sends to intermediate political theory', async () => {
    await page.getByTestId('open-enrol-plan').click();
    const candidates = page.getByTestId('plan-candidates');
    for (const name of PEOPLE) await expect.poll(() => candidates.textContent()).toContain(name);
    await settled(page);
    await screenshot(page, 'training-plan-candidates');
    await candidates.locator('thead .ant-checkbox-input').check();
    await page.getByRole('dialog').getByRole('button', { name: 'Ghi danh 3 người' }).click();
    await expect.poll(() => page.getByTestId('class-summary').textContent()).toContain('3/30 học viên');
    const enrolments = page.getByTestId('enrolments-table');
    for (const name of PEOPLE) await expect.poll(() => enrolments.textContent()).toContain(name);
    await expect.poll(() => enrolments.getByText('Theo kế hoạch').count()).toBe(3);
  });

  it('names the first session’s topic after the class is open', async () => {
    await page.getByTestId('class-tabs').getByRole('tab', { name: 'Buổi học, bài kiểm tra' }).click();
    const sessions = page.getByTestId('sessions-table');
    await sessions.locator('tbody tr').first().getByRole('button', { name: 'Sửa' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Chuyên đề').fill('Chủ nghĩa Mác - Lênin');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => sessions.locator('tbody tr').first().textContent()).toContain('Chủ nghĩa Mác - Lênin');
    await expect.poll(() => sessions.locator('tbody tr').first().textContent()).toContain('07:30–11:30');
    await settled(page);
    await screenshot(page, 'training-schedule');
  });

  it('records attendance from the keyboard, one person absent from the second session', async () => {
    await page.getByTestId('class-tabs').getByRole('tab', { name: 'Điểm danh' }).click();
    const grid = page.getByTestId('attendance-grid');
    await grid.waitFor();
    const rows = await grid.locator('tbody tr th').allTextContents();
    absentee = rows[1]!;

    // Session 1: everyone present, typed down the column.
    await grid.locator('[data-row="0"][data-column="0"]').focus();
    await page.keyboard.press('1');
    await page.keyboard.press('c');
    await page.keyboard.press('C');
    // Session 2: present, absent (V), present.
    await grid.locator('[data-row="0"][data-column="1"]').focus();
    await page.keyboard.press('1');
    await page.keyboard.press('v');
    await page.keyboard.press('1');
    // Session 3: the whole column at once.
    await page.getByTestId('mark-present-2').click();
    await expect.poll(() => grid.locator('tbody tr', { hasText: absentee }).locator('[data-status="absent"]').count()).toBe(1);
    await expect.poll(() => grid.locator('[data-status="present"]').count()).toBe(8);
    await settled(page);
    await screenshot(page, 'training-attendance');
    await page.getByTestId('attendance-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('Đã lưu điểm danh 3 buổi');
    await expect.poll(() => page.getByTestId('attendance-save').isDisabled()).toBe(true);
  });

  it('checks a filled-in attendance sheet before recording it, naming the wrong cell', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tệp mẫu' }).click();
    const template = await readFile(await (await downloading).path());
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    let header = 0;
    sheet.eachRow((row, number) => {
      if (header === 0 && String(row.getCell(1).value) === 'STT') header = number;
    });
    const lastColumn = sheet.getRow(header).cellCount;
    sheet.getRow(header + 1).getCell(lastColumn).value = 'Q';
    const wrong = Buffer.from(await workbook.xlsx.writeBuffer());

    const file = page.locator('input[type="file"]');
    await file.setInputFiles({ name: 'diem-danh-sai.xlsx', mimeType: xlsx, buffer: wrong });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await expect.poll(() => page.locator('.ant-alert').first().textContent()).toContain('Tệp có 1 lỗi');
    const problems = page.locator('.ant-table', { hasText: 'không phải trạng thái điểm danh' });
    await expect
      .poll(() => problems.locator('tbody tr').first().locator('td').allTextContents())
      .toEqual([String(header + 1), String.fromCharCode(64 + lastColumn), 'Q', expect.stringContaining('"Q" không phải trạng thái điểm danh')]);
    await settled(page);
    await screenshot(page, 'training-attendance-import-errors');

    await file.setInputFiles({ name: 'diem-danh.xlsx', mimeType: xlsx, buffer: template });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await expect.poll(() => page.locator('.ant-alert').first().textContent()).toContain('Tệp hợp lệ: 3 dòng');
    await page.getByRole('button', { name: 'Ghi điểm danh (3 dòng)' }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('Đã ghi 9 lượt điểm danh từ 3 dòng');
    await expect.poll(() => page.getByTestId('attendance-grid').locator('[data-status="absent"]').count()).toBe(1);
  });

  it('enters the final essay’s scores', async () => {
    await page.getByTestId('class-tabs').getByRole('tab', { name: 'Kết quả' }).click();
    const grid = page.getByTestId('scores-grid');
    await grid.waitFor();
    const first = grid.locator('input[data-row="0"][data-column="0"]');
    await first.fill('8');
    await first.press('Enter');
    await page.keyboard.type('7,5');
    await page.keyboard.press('Enter');
    await page.keyboard.type('6.5');
    await page.keyboard.press('Enter');
    await page.getByTestId('scores-save').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('Đã lưu điểm');
    await expect.poll(() => page.getByTestId('scores-save').isDisabled()).toBe(true);
    // Both decimal marks are read; Vietnamese shows the comma.
    await expect
      .poll(() => grid.locator('input[data-column="0"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)))
      .toEqual(['8', '7,5', '6,5']);
  });

  it('issues certificates to the two eligible people and shows why the absent one gets none', async () => {
    await page.getByTestId('class-tabs').getByRole('tab', { name: 'Chứng chỉ' }).click();
    const table = page.getByTestId('certificates-table');
    await expect.poll(() => page.getByTestId('certificate-counts').textContent()).toBe('Đã cấp: 0 · Đủ điều kiện, chờ cấp: 2 · Chưa đủ điều kiện: 1');
    const absentRow = table.locator('tr', { hasText: 'Chưa đủ điều kiện' });
    await expect.poll(() => absentRow.textContent()).toContain('vắng buổi 2 (09/09/2025)');
    expect(await absentRow.textContent()).toContain(absentee);

    await page.getByTestId('issue-all').click();
    const form = page.getByTestId('issue-form');
    await form.waitFor();
    await page.getByTestId('certificate-number').fill('TCLLCT-2025-001');
    expect(await form.getByLabel('Ngày cấp').inputValue()).toBe('10/09/2025');
    await settled(page);
    await screenshot(page, 'training-issue');
    await page.getByTestId('issue-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('certificate-counts').textContent()).toBe('Đã cấp: 2 · Đủ điều kiện, chờ cấp: 0 · Chưa đủ điều kiện: 1');
    await expect.poll(() => table.textContent()).toContain('Số TCLLCT-2025-001, ngày 10/09/2025');
    await expect.poll(() => table.textContent()).toContain('Số TCLLCT-2025-002, ngày 10/09/2025');
    await expect.poll(() => absentRow.textContent()).not.toContain('Số TCLLCT');
    await settled(page);
    await screenshot(page, 'training-certificates');
  });

  it('raises a certified person’s political theory level from the certificate’s date, not before', async () => {
    const certified = await page.getByTestId('certificates-table').locator('tr', { hasText: 'Số TCLLCT-2025-001' }).locator('a').first().textContent();
    const cadreId = cadreIds[certified ?? '']!;
    const political = () => page.getByTestId('highest-levels').locator('th:has-text("Lý luận chính trị") + td').textContent();

    await page.goto(`${server.baseUrl}/cadres/${cadreId}?tab=qualifications&asOf=2025-09-09`);
    await expect.poll(political).toBe('Sơ cấp');
    await page.goto(`${server.baseUrl}/cadres/${cadreId}?tab=qualifications&asOf=2025-09-10`);
    await expect.poll(political).toBe('Trung cấp');

    await page.goto(`${server.baseUrl}/cadres/${cadreId}?tab=training`);
    const training = page.getByTestId('cadre-training');
    await expect.poll(() => training.textContent()).toContain('Lớp Trung cấp lý luận chính trị khóa 2025');
    await expect.poll(() => training.textContent()).toContain('Số TCLLCT-2025-001, ngày 10/09/2025');
    await expect.poll(() => training.textContent()).toContain('Có mặt 3/3 buổi');
    await settled(page);
    await screenshot(page, 'training-profile');
  });

  it('logs a guidance visit to the commune and counts the year’s plan and forms', async () => {
    await page.goto(`${server.baseUrl}/training?tab=visits`);
    await page.getByRole('button', { name: 'Ghi nhận chuyến hướng dẫn' }).click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByLabel('Xã', { exact: true }).fill('tien bo');
    await option('Xã Tiến Bộ').first().click();
    await drawer.getByLabel('Ngày', { exact: true }).fill('15/09/2025');
    await drawer.getByLabel('Cán bộ đi hướng dẫn').click();
    await option('Vũ Minh Hướng').click();
    await drawer.getByLabel('Cán bộ được hướng dẫn').fill('le thi hoa');
    await option('Lê Thị Hoa').click();
    await drawer.getByLabel('Việc đã giải quyết').fill('Hướng dẫn lập hồ sơ họp Thường trực HĐND xã');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await drawer.waitFor({ state: 'detached' });
    const visits = page.getByTestId('visits-table');
    await expect.poll(() => visits.textContent()).toContain('15/09/2025');
    await expect.poll(() => visits.textContent()).toContain('Xã Tiến Bộ');
    await expect.poll(() => visits.textContent()).toContain('Lê Thị Hoa');
    await settled(page);
    await screenshot(page, 'training-visits');
    await visits.getByRole('link', { name: 'Lê Thị Hoa' }).click();
    await expect.poll(() => page.getByTestId('cadre-guided-visits').textContent()).toContain('15/09/2025 — Xã Tiến Bộ: Vũ Minh Hướng');

    await page.goto(`${server.baseUrl}/territory/units/${communeId}`);
    await page.getByTestId('unit-tabs').getByRole('tab', { name: 'Hướng dẫn nghiệp vụ' }).click();
    const communeVisits = page.getByTestId('commune-visits-table');
    await expect.poll(() => communeVisits.textContent()).toContain('15/09/2025');
    await expect.poll(() => communeVisits.textContent()).toContain('Vũ Minh Hướng');
    await expect.poll(() => communeVisits.textContent()).toContain('Hướng dẫn lập hồ sơ họp Thường trực HĐND xã');
    await settled(page);
    await screenshot(page, 'training-commune-visits');
    await page.getByTestId('commune-visits-link').click();
    await expect.poll(() => page.getByTestId('visits-table').textContent()).toContain('Lê Thị Hoa');
    await settled(page);
    await screenshot(page, 'training-visits-of-commune');
    await expect.poll(() => page.getByTestId('visits-commune-filter').textContent()).toBe('Xã Tiến Bộ');

    await page.goto(`${server.baseUrl}/training?tab=results`);

    const year = page.getByLabel('Năm');
    await year.fill('2025');
    await year.press('Tab');
    const course = page.getByTestId('fulfilment-table').locator('tr', { hasText: 'Trung cấp lý luận chính trị' });
    await expect.poll(() => course.locator('td').allTextContents()).toEqual(['Trung cấp lý luận chính trị', '3', '3', '2', '67%']);
    const forms = page.getByTestId('diversity-table');
    await expect.poll(() => forms.locator('tr', { hasText: 'Cán bộ huyện xuống hướng dẫn tại xã' }).locator('td').nth(2).textContent()).toBe('1');
    await settled(page);
    await screenshot(page, 'training-results');

    await page.getByTestId('training-tabs').getByRole('tab', { name: 'Lớp học' }).click();
    const classes = page.getByTestId('classes-table');
    await expect.poll(() => classes.textContent()).toContain('Lớp Trung cấp lý luận chính trị khóa 2025');
    await expect.poll(() => classes.textContent()).toContain('3/30 học viên');
    await settled(page);
    await screenshot(page, 'training-classes');

    await page.getByTestId('training-tabs').getByRole('tab', { name: 'Chương trình' }).click();
    await expect.poll(() => page.getByTestId('programmes-table').textContent()).toContain('Lý luận chính trị: Trung cấp');
    await settled(page);
    await screenshot(page, 'training-programmes');

    await page.goto(`${server.baseUrl}/training?tab=calendar&month=2025-09`);
    const calendar = page.getByTestId('training-calendar');
    await expect.poll(() => calendar.getByText('Lớp Trung cấp lý luận chính trị khóa 2025').count()).toBe(3);
    await expect.poll(() => calendar.getByText('Hướng dẫn tại Xã Tiến Bộ').count()).toBe(1);
    await settled(page);
    await screenshot(page, 'training-calendar');
  });

  it('corrects an instructor and refuses to remove one who went guiding', async () => {
    await page.goto(`${server.baseUrl}/training?tab=instructors`);
    const row = page.getByTestId('instructors-table').locator('tr', { hasText: 'Vũ Minh Hướng' });
    await row.getByRole('button', { name: 'Sửa' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('Chức vụ').fill('Trưởng Ban Tổ chức Huyện ủy');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => row.textContent()).toContain('Trưởng Ban Tổ chức Huyện ủy');
    await row.getByRole('button', { name: 'Xóa' }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('Vũ Minh Hướng đã được phân công giảng dạy hoặc đi hướng dẫn nghiệp vụ');
    await expect.poll(() => row.count()).toBe(1);
  });

  it('revokes a certificate issued by mistake, with the reason', async () => {
    await page.goto(`${server.baseUrl}/training`);
    await page.getByTestId('classes-table').getByText('Lớp Trung cấp lý luận chính trị khóa 2025').click();
    await page.getByTestId('class-tabs').getByRole('tab', { name: 'Chứng chỉ' }).click();
    const row = page.getByTestId('certificates-table').locator('tr', { hasText: 'Số TCLLCT-2025-002' });
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Lý do thu hồi').fill('Ghi nhầm số chứng chỉ');
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('certificate-counts').textContent()).toBe('Đã cấp: 1 · Đủ điều kiện, chờ cấp: 1 · Chưa đủ điều kiện: 1');
    await expect.poll(() => row.getByRole('button', { name: 'Cấp chứng chỉ' }).isEnabled()).toBe(true);
  });

  it('shows a viewer the class and its certificates without a button that changes them', async () => {
    const viewerContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    const viewer = await viewerContext.newPage();
    viewer.setDefaultTimeout(15_000);
    await signInChangingPassword(viewer, { baseUrl: server.baseUrl, username: 'xemdaotao', password: OFFICER_PASSWORD, newPassword: OFFICER_NEW_PASSWORD });

    await viewer.goto(`${server.baseUrl}/training`);
    await viewer.getByTestId('classes-table').getByText('Lớp Trung cấp lý luận chính trị khóa 2025').click();
    await expect.poll(() => viewer.getByTestId('enrolments-table').textContent()).toContain('Lê Thị Hoa');
    expect(await viewer.getByTestId('open-enrol-plan').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Xóa lớp' }).count()).toBe(0);
    await viewer.getByTestId('class-tabs').getByRole('tab', { name: 'Chứng chỉ' }).click();
    await expect.poll(() => viewer.getByTestId('certificates-table').textContent()).toContain('Số TCLLCT-2025-001');
    expect(await viewer.getByTestId('certificates-table').getByRole('button').count()).toBe(0);
    expect(await viewer.getByTestId('issue-all').count()).toBe(0);
    await viewerContext.close();
  });
});
