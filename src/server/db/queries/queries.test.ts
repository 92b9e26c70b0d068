import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateQueryFiles } from './catalogue.js';

describe('câu lệnh SQL được lưu để duyệt (src/server/db/queries)', () => {
  it('matches what the repositories send now; run `npm run sql` after changing a query and review the diff', async () => {
    for (const [file, text] of await generateQueryFiles()) {
      const committed = await readFile(new URL(`./${file}`, import.meta.url), 'utf8').catch(() => '(tệp chưa có)');
      expect(committed, `src/server/db/queries/${file} is out of date: run npm run sql`).toBe(text);
    }
  });
});
