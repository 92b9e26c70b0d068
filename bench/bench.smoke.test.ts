import { describe, expect, it } from 'vitest';
import { formatTable, runBench } from './run.js';

/** `npm run bench` at a tiny scale, so that it cannot rot between the runs someone reads. */
describe('npm run bench (chạy thử quy mô nhỏ)', () => {
  it('measures every figure with its baseline and prints the table', async () => {
    const rows = await runBench({ scale: 0.01, durationMs: 500, log: () => undefined });
    const figures = rows.map((item) => item.figure).join('\n');
    for (const expected of [
      'Khởi động lần đầu',
      'Khởi động lại',
      'Nạp toàn bộ danh mục',
      'Cây',
      'Sinh dữ liệu toàn quốc',
      'Tổng hợp đạt chuẩn cả nước',
      'Hộp đơn của một xã',
      'Hộp đơn của một tỉnh',
      'Báo cáo đơn thư cả nước',
      'Tỉ lệ giải quyết vấn đề ở cơ sở',
      'Dự sinh hoạt chi bộ của một tỉnh',
      'Danh sách cán bộ trên',
      'nghỉ hưu trong 24 tháng',
      '32 máy khách',
      'Nhập Excel',
      'Bộ nhớ',
    ]) {
      expect(figures).toContain(expected);
    }
    for (const item of rows) {
      expect(item.value, item.figure).toBeGreaterThan(0);
      if (item.baseline !== null) expect(item.ratio, item.figure).toBeGreaterThan(0);
    }
    const throughput = rows.find((item) => item.figure.includes('32 máy khách'))!;
    expect(throughput.baseline).toBeGreaterThan(0);
    expect(formatTable(rows)).toContain('| Chỉ số');
  }, 600_000);
});
