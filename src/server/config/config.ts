import path from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  loadDemo: boolean;
  trustProxy: boolean;
  secureCookies: boolean;
  sessionTtlHours: number;
  loginAttemptsPerMinutePerAddress: number;
  webDistDir: string;
  logLevel: string;
}

function envFlag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

function envInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`Biến môi trường ${name} phải là số nguyên không âm (đang là "${value}")`);
  }
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  return {
    port: envInt('PORT', env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(cwd, env.CANBOXA_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    loadDemo: envFlag(env.CANBOXA_DEMO, true),
    trustProxy: envFlag(env.CANBOXA_TRUST_PROXY, false),
    secureCookies: envFlag(env.CANBOXA_SECURE_COOKIES, false),
    sessionTtlHours: envInt('CANBOXA_SESSION_HOURS', env.CANBOXA_SESSION_HOURS, 12),
    loginAttemptsPerMinutePerAddress: envInt('CANBOXA_LOGIN_RATE_LIMIT', env.CANBOXA_LOGIN_RATE_LIMIT, 20),
    webDistDir: path.resolve(cwd, env.CANBOXA_WEB_DIR ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'warn',
  };
}
