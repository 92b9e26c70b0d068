import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * One app process owns an embedded data folder. The lock tells a second
 * `npm start` to stop, and tells recovery that a postmaster whose owner is
 * gone is an orphan it may shut down.
 */
export class InstanceLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isNodeProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
    return /(^|\/)node(\0|$)/.test(cmdline.split('\0')[0] ?? '') || cmdline.includes('canboxa');
  } catch {
    return false;
  }
}

export async function acquireInstanceLock(dataDir: string): Promise<() => Promise<void>> {
  await fs.mkdir(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'canboxa.pid');
  if (existsSync(lockFile)) {
    const pid = Number((await fs.readFile(lockFile, 'utf8')).trim());
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid) && (await isNodeProcess(pid))) {
      throw new InstanceLockedError(
        `Thư mục dữ liệu ${dataDir} đang được một tiến trình Cán bộ xã khác sử dụng (PID ${pid}). ` + 'Hãy dừng tiến trình đó, hoặc đặt CANBOXA_DATA_DIR khác.',
      );
    }
  }
  await fs.writeFile(lockFile, `${process.pid}\n`);
  return async () => {
    const current = existsSync(lockFile) ? (await fs.readFile(lockFile, 'utf8')).trim() : '';
    if (current === String(process.pid)) await fs.rm(lockFile, { force: true });
  };
}
