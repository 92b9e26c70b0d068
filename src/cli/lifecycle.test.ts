import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../server/db/embedded-postgres.js';
import { HttpSession, freePort, runCli, runCliToEnd, waitForHealth } from '../../test/processes.js';

/**
 * The product as an official runs it: `canboxa start` on its own embedded
 * PostgreSQL, killed with SIGKILL in the middle of writes, started again.
 */

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'canboxa-lifecycle-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function adminPasswordFrom(output: string): string {
  const match = /Mật khẩu:\s+(\S+)/.exec(output);
  if (!match) throw new Error(`no admin password printed:\n${output}`);
  return match[1]!;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('chạy, bị tắt đột ngột và chạy lại', () => {
  it('loses no acknowledged write after SIGKILL and recovers the embedded PostgreSQL by itself', async () => {
    const port = await freePort();
    const env = { PORT: String(port), CANBOXA_DATA_DIR: dataDir };
    const first = runCli(['start'], env);
    await waitForHealth(port, 150_000, first);
    const issuedPassword = adminPasswordFrom(first.output());
    const password = 'mat-khau-quan-tri-cua-toi-2026';
    expect(first.output()).toContain(`http://localhost:${port}`);

    const session = new HttpSession(`http://127.0.0.1:${port}`);
    expect((await session.login('admin', issuedPassword)).status).toBe(200);
    // The printed password is the administrator's first; the server lets it do nothing else until it is changed.
    const changed = await session.request('POST', '/api/auth/password', { currentPassword: issuedPassword, newPassword: password });
    expect(changed.status).toBe(204);
    const countryId = ((await (await session.request('GET', '/api/auth/me')).json()) as { user: { unit: { id: string } } }).user.unit.id;

    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing; index += 1) {
        const username = `ghi.${index}`;
        try {
          const response = await session.request('POST', '/api/users', {
            username,
            fullName: `Người ghi ${index}`,
            role: 'viewer',
            unitId: countryId,
            password: 'mat-khau-tam-thoi-1',
          });
          if (response.status === 201) acknowledged.push(username);
        } catch {
          return;
        }
      }
    })();
    while (acknowledged.length < 15) await new Promise((resolve) => setTimeout(resolve, 20));
    const postmasterPid = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.on('exit', resolve));
    writing = false;
    await writer;
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);

    const second = runCli(['start'], env);
    try {
      await waitForHealth(port, 150_000, second);
      expect(isAlive(postmasterPid)).toBe(false);
      expect(second.output()).not.toContain('Mật khẩu:');
      const again = new HttpSession(`http://127.0.0.1:${port}`);
      expect((await again.login('admin', password)).status).toBe(200);
      const listed = (await (await again.request('GET', '/api/users?pageSize=200')).json()) as { items: { username: string }[] };
      const stored = new Set(listed.items.map((user) => user.username));
      for (const username of acknowledged) expect(stored.has(username), username).toBe(true);

      const duplicate = await runCliToEnd(['start'], { ...env, PORT: String(await freePort()) });
      expect(duplicate.code).toBe(1);
      expect(duplicate.output).toContain('đang được một tiến trình Cán bộ xã khác sử dụng');
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.on('exit', resolve));
    }
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('backs up while the app serves and restores into a new data folder with identical row counts', async () => {
    const port = await freePort();
    const env = { PORT: String(port), CANBOXA_DATA_DIR: dataDir };
    const server = runCli(['start'], env);
    const backupFile = path.join(dataDir, 'sao-luu.canboxa.gz');
    const restoredDir = await mkdtemp(path.join(os.tmpdir(), 'canboxa-restored-'));
    try {
      await waitForHealth(port, 150_000, server);
      const backup = await runCliToEnd(['backup', backupFile], env);
      expect(backup.output).toContain('Đã sao lưu');
      expect(backup.code).toBe(0);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

      const restore = await runCliToEnd(['restore', backupFile], { CANBOXA_DATA_DIR: restoredDir });
      expect(restore.output).toContain('Đã khôi phục');
      expect(restore.code).toBe(0);
      const refused = await runCliToEnd(['restore', backupFile], { CANBOXA_DATA_DIR: restoredDir });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('--force');
      const forced = await runCliToEnd(['restore', backupFile, '--force'], { CANBOXA_DATA_DIR: restoredDir });
      expect(forced.code).toBe(0);
      // A copy cut short in transit is refused in Vietnamese.
      const cut = path.join(dataDir, 'sao-luu-cat-cut.canboxa.gz');
      const whole = await readFile(backupFile);
      await writeFile(cut, whole.subarray(0, Math.floor(whole.length / 2)));
      const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'canboxa-cut-'));
      const truncated = await runCliToEnd(['restore', cut], { CANBOXA_DATA_DIR: elsewhere });
      await rm(elsewhere, { recursive: true, force: true });
      expect(truncated.code).toBe(1);
      expect(truncated.output).toContain('Tệp sao lưu bị cắt cụt hoặc hỏng');
      expect(truncated.output).not.toMatch(/unexpected end of file/i);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('exit', resolve));
    }

    const counts = async (directory: string): Promise<Record<string, number>> => {
      const embedded = await startEmbeddedPostgres({ dataDir: directory, log: () => undefined });
      const client = new pg.Client({ connectionString: embedded.connectionString('canboxa') });
      await client.connect();
      try {
        const tables = await client.query<{ table_name: string }>(
          "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
        );
        const result: Record<string, number> = {};
        for (const { table_name } of tables.rows) {
          result[table_name] = (await client.query<{ n: number }>(`select count(*)::int as n from "${table_name}"`)).rows[0]!.n;
        }
        return result;
      } finally {
        await client.end();
        await embedded.stop();
      }
    };
    const original = await counts(dataDir);
    expect(original.app_user).toBeGreaterThan(10);
    expect(await counts(restoredDir)).toEqual(original);
    await rm(restoredDir, { recursive: true, force: true });
  });

  it('explains a wrong command in Vietnamese', async () => {
    const result = await runCliToEnd(['khoi-dong'], { CANBOXA_DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.output).toContain('Lệnh không rõ');
  });
});
