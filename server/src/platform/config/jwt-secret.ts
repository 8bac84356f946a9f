import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppConfig } from './app-config';
import { ConfigError } from './config-error';

/**
 * Embedded development without JWT_SECRET: keep a generated secret next to the SQLite file so tokens
 * survive restarts. In-memory databases get a throwaway secret (nothing persists anyway).
 */
export function resolveJwtSecret(database: AppConfig['database']): string {
  if (database.type !== 'sqlite') {
    throw new ConfigError('JWT_SECRET', '使用 DATABASE_URL (MySQL) 时必须设置 (至少 32 个字符)');
  }
  if (database.path === ':memory:') return randomBytes(48).toString('base64url');

  const file = join(dirname(database.path), '.jwt-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
