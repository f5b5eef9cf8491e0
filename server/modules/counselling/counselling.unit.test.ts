/**
 * The `counselling` scope (a counselling service's caseworkers handle its cases and nothing else of a caseworker's;
 * the clinic's staff only its step), and COUNSELLING_KEY: the setting is checked, a value opens only with its key
 * or an old key named in COUNSELLING_OLD_KEYS.
 */
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/config.ts';
import { isInAudience } from '../../../web/src/app/modules.ts';
import { ConfigError, loadConfig } from '../../core/config.ts';
import type { Actor } from '../../core/context.ts';
import { hasRole } from '../../core/policy.ts';
import { type OrganisationKind, staffScope } from '../../core/roles.ts';
import { counsellingPolicies } from './counselling.policy.ts';
import { CounsellingSealError, seal, unseal } from './seal.ts';

const staff = (role: 'caseworker' | 'institution', organisationKind: OrganisationKind): Actor => ({
  kind: 'user',
  role,
  id: `${role}-${organisationKind}`,
  organisationId: `org-${organisationKind}`,
  organisationKind,
  sessionId: null,
});
const counsellor = staff('caseworker', 'counselling');

describe('the counselling scope', () => {
  it('is a counselling service’s caseworker’s: they reach cases of their own organisation only, and no other caseworker’s rights', () => {
    expect(staffScope('caseworker', 'counselling')).toBe('counselling');
    expect(staffScope('institution', 'counselling')).toBeNull();
    expect(counsellingPolicies['counselling.staff'](counsellor)).toBe(true);
    for (const other of [
      staff('caseworker', 'ki'),
      staff('caseworker', 'advice'),
      staff('institution', 'school'),
    ])
      expect(counsellingPolicies['counselling.staff'](other)).toBe(false);
    expect(
      counsellingPolicies['counselling.case.read'](counsellor, { organisationId: 'org-counselling' }),
    ).toBe(true);
    expect(counsellingPolicies['counselling.case.read'](counsellor, { organisationId: 'another' })).toBe(
      false,
    );
    expect(hasRole('caseworker')(counsellor)).toBe(false);
  });

  it('lets the clinic’s staff see referrals to their own clinic only', () => {
    const clinic = staff('institution', 'clinic');
    expect(counsellingPolicies['counselling.clinic'](clinic)).toBe(true);
    expect(counsellingPolicies['counselling.clinic'](staff('institution', 'school'))).toBe(false);
    expect(counsellingPolicies['counselling.referral.recipient'](clinic, { recipientId: 'org-clinic' })).toBe(
      true,
    );
    expect(
      counsellingPolicies['counselling.referral.recipient'](clinic, { recipientId: 'other-clinic' }),
    ).toBe(false);
  });

  it('shows the web’s counsellors’ pages to the scope and the clinic’s page to the clinic', () => {
    const viewer = (role: 'caseworker' | 'institution', organisationKind: OrganisationKind) => ({
      role,
      organisationKind,
    });
    expect(isInAudience({ scope: 'counselling' }, viewer('caseworker', 'counselling'))).toBe(true);
    expect(isInAudience({ scope: 'counselling' }, viewer('caseworker', 'ki'))).toBe(false);
    expect(isInAudience(['caseworker'], viewer('caseworker', 'counselling'))).toBe(false);
  });
});

describe('COUNSELLING_KEY', () => {
  it('is read as 32 bytes and refused otherwise with a message naming it; old keys likewise', () => {
    const key = 'b2'.repeat(32);
    expect(loadConfig({ COUNSELLING_KEY: key }, ROOT).counsellingKey?.equals(Buffer.from(key, 'hex'))).toBe(
      true,
    );
    expect(() => loadConfig({ COUNSELLING_KEY: 'geheim' }, ROOT)).toThrow(
      new ConfigError(
        'COUNSELLING_KEY must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)',
      ),
    );
    expect(() => loadConfig({ COUNSELLING_OLD_KEYS: `${key},kurz` }, ROOT)).toThrow(
      /^COUNSELLING_OLD_KEYS must be/,
    );
    expect(
      loadConfig({ COUNSELLING_OLD_KEYS: `${key}, ${'c3'.repeat(32)}` }, ROOT).counsellingOldKeys,
    ).toHaveLength(2);
  });

  it('opens a value with the key it was sealed with, also as an old key, and never with another', () => {
    const base = loadConfig({}, ROOT);
    const first = { ...base, counsellingKey: Buffer.alloc(32, 1) };
    const sealed = seal(first, 'Notiz');
    expect(sealed).not.toContain('Notiz');
    expect(unseal(first, sealed)).toBe('Notiz');
    const rotated = {
      ...base,
      counsellingKey: Buffer.alloc(32, 2),
      counsellingOldKeys: [Buffer.alloc(32, 1)],
    };
    expect(unseal(rotated, sealed)).toBe('Notiz');
    const other = { ...base, counsellingKey: Buffer.alloc(32, 2) };
    expect(() => unseal(other, sealed)).toThrow(CounsellingSealError);
    // The same key id with a changed ciphertext fails too (GCM's tag).
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => unseal(first, tampered)).toThrow(CounsellingSealError);
  });
});
