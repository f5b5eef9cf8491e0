import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The web app's request and reply types come from the server's zod schemas (web/src/app/contract.ts). This
 * proves the link: in a copy of the sources, a reply field changed on the server must fail typecheck in the web
 * file that reads it.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const COPY = path.join(ROOT, '.tmp/contract-check');
const TSC = path.join(ROOT, 'node_modules/.bin/tsc');
const SCHEMA = 'server/modules/guides/guides.schema.ts';
const READER = 'web/src/modules/guides/FollowPage.tsx';

async function typecheck(): Promise<{ ok: boolean; output: string }> {
  try {
    await promisify(execFile)(TSC, ['--noEmit', '-p', path.join(COPY, 'tsconfig.json')], {
      cwd: COPY,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { ok: true, output: '' };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${stdout}${stderr}` };
  }
}

describe('the contract between server and web', () => {
  beforeAll(() => {
    rmSync(COPY, { recursive: true, force: true });
    mkdirSync(COPY, { recursive: true });
    for (const dir of ['server', 'web/src'])
      cpSync(path.join(ROOT, dir), path.join(COPY, dir), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(COPY, 'node_modules'), 'dir');
    // The project's compiler options, checking the web app only: tsc follows its imports into the schemas.
    const config = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'));
    writeFileSync(path.join(COPY, 'tsconfig.json'), JSON.stringify({ ...config, include: ['web/src'] }));
  });

  it('typechecks the web app against the schemas as they are', { timeout: 120_000 }, async () => {
    const result = await typecheck();
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('fails in the web file that reads a reply field whose type the server changed', {
    timeout: 120_000,
  }, async () => {
    const file = path.join(COPY, SCHEMA);
    const source = readFileSync(file, 'utf8');
    const start = source.indexOf('export const publicRequestReply = z.object({');
    const field = "language: z.string().describe('Language'),";
    const at = source.indexOf(field, start);
    expect(start).toBeGreaterThan(-1);
    expect(at).toBeGreaterThan(start);
    // The follow page's language becomes a number: the page hands it to a function that takes a string.
    writeFileSync(file, `${source.slice(0, at)}language: z.number(),${source.slice(at + field.length)}`);
    try {
      const result = await typecheck();
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(
        new RegExp(`^${READER.replaceAll('.', '\\.')}\\(\\d+,\\d+\\): error TS`, 'm'),
      );
    } finally {
      writeFileSync(file, source);
    }
  });
});
