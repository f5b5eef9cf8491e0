/** Sealing with SEAL_KEY: the setting is checked at start, a value opens only with its key. */
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/config.ts';
import { ConfigError, loadConfig } from '../../core/config.ts';
import { SealError, seal, sealBytes, unseal, unsealBytes } from './seal.ts';

const KEY_HEX = 'a1'.repeat(32);
const KEY_BASE64 = Buffer.alloc(32, 9).toString('base64');

describe('SEAL_KEY', () => {
  it('is read as 64 hex digits or base64 of 32 bytes, and refused otherwise with a message naming it', () => {
    expect(loadConfig({ SEAL_KEY: KEY_HEX }, ROOT).sealKey?.equals(Buffer.from(KEY_HEX, 'hex'))).toBe(true);
    expect(loadConfig({ SEAL_KEY: KEY_BASE64 }, ROOT).sealKey?.equals(Buffer.alloc(32, 9))).toBe(true);
    const message = 'SEAL_KEY must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)';
    for (const wrong of ['geheim', 'a1'.repeat(16), Buffer.alloc(16).toString('base64')])
      expect(() => loadConfig({ SEAL_KEY: wrong }, ROOT)).toThrow(new ConfigError(message));
  });

  it('is required in production; in development the key comes from SESSION_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }, ROOT)).toThrow(
      new ConfigError('SEAL_KEY must be set when NODE_ENV=production (32 bytes: openssl rand -base64 32)'),
    );
    expect(loadConfig({}, ROOT).sealKey).toBeNull();
  });

  it('opens a contact and a photo only with the key they were sealed with', () => {
    const config = loadConfig({ SEAL_KEY: KEY_HEX }, ROOT);
    const other = loadConfig({ SEAL_KEY: KEY_BASE64 }, ROOT);
    const fromSecret = loadConfig({}, ROOT);
    const contact = { kind: 'phone', value: '+49 203 5550100', language: 'uk' };
    const sealed = seal(config, contact);
    expect(sealed).not.toContain('5550100');
    expect(unseal(config, sealed)).toEqual(contact);
    expect(() => unseal(other, sealed)).toThrow(SealError);
    expect(() => unseal(fromSecret, sealed)).toThrow(SealError);
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const sealedPhoto = sealBytes(config, photo);
    expect(sealedPhoto.includes(photo)).toBe(false);
    expect(unsealBytes(config, sealedPhoto).equals(photo)).toBe(true);
    expect(() => unsealBytes(other, sealedPhoto)).toThrow(SealError);
  });
});
