import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../server/core/config.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const TMP_DIR = path.join(ROOT, '.tmp');
mkdirSync(TMP_DIR, { recursive: true });

/** Settings for tests: demo data on, logs silent, jobs not polling (tests call tick()). */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig(
    { DEMO: 'true', LOG_LEVEL: 'silent', JOBS: 'false', DATA_DIR: path.join(TMP_DIR, 'unused'), ...env },
    ROOT,
  );
}

export const DEMO_PASSWORD = 'lotse-demo-2026';
export const demoEmail = (role: string) => `${role}@demo.lotse.example`;
