/**
 * The policy mechanism with a real module's rules: typed resources (the @ts-expect-error lines are checked by
 * tsc, not at run time), 401 for the public and 403 for the signed-in, list scopes and their where-clause.
 */
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { guidesPolicies } from './modules/guides/guides.policy.ts';
import { guideRequests } from './modules/guides/guides.tables.ts';
import { type Actor, PUBLIC_ACTOR, SYSTEM_ACTOR } from './core/context.ts';
import { ALL, authorize, can, registerPolicies, scopeOf, scopeWhere } from './core/policy.ts';

registerPolicies(guidesPolicies);

const staff = (role: 'institution' | 'guide' | 'coordinator', organisationId: string | null): Actor => ({
  kind: 'user',
  role,
  id: `${role}-1`,
  organisationId,
  organisationKind: organisationId ? 'clinic' : null,
  sessionId: null,
});
const clinic = { actor: staff('institution', 'clinic-a') };
const codeOf = (work: () => unknown) => {
  try {
    work();
    return 'allowed';
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  }
};

describe('authorize', () => {
  it('lets staff read their organisation’s request; 403 for another’s, 401 for the public', () => {
    expect(codeOf(() => authorize(clinic, 'guides.requests.read', { organisationId: 'clinic-a' }))).toBe(
      'allowed',
    );
    expect(codeOf(() => authorize(clinic, 'guides.requests.read', { organisationId: 'clinic-b' }))).toBe(
      'auth.forbidden',
    );
    expect(codeOf(() => authorize(clinic, 'guides.requests.read', undefined))).toBe('auth.forbidden');
    expect(
      codeOf(() =>
        authorize({ actor: PUBLIC_ACTOR }, 'guides.requests.read', { organisationId: 'clinic-a' }),
      ),
    ).toBe('auth.unauthenticated');
    expect(can(clinic.actor, 'guides.requests.change', { organisationId: 'clinic-a' })).toBe(true);
  });

  it('does not compile with a wrong or missing resource, or an action no module declares', () => {
    // @ts-expect-error a request is judged by its organisation: a bare id is the wrong resource
    expect(codeOf(() => authorize(clinic, 'guides.requests.read', 'request-1'))).toBe('auth.forbidden');
    // @ts-expect-error the rule needs the request
    expect(codeOf(() => authorize(clinic, 'guides.requests.read'))).toBe('auth.forbidden');
    // @ts-expect-error a rule without a resource takes none
    expect(codeOf(() => authorize(clinic, 'guides.matching', { organisationId: 'clinic-a' }))).toBe(
      'auth.forbidden',
    );
    // @ts-expect-error a list is asked for its scope (scopeOf), not for yes or no
    expect(codeOf(() => authorize(clinic, 'guides.requests.list'))).toBe('auth.forbidden');
    // @ts-expect-error no module declares this action
    expect(codeOf(() => authorize(clinic, 'guides.nothing'))).toBe('no policy declared for guides.nothing');
  });
});

describe('scopeOf', () => {
  it('gives staff their organisation’s rows, coordinators and the system every row', () => {
    expect(scopeOf(clinic, 'guides.requests.list')).toEqual({ organisationId: 'clinic-a' });
    expect(scopeOf({ actor: staff('coordinator', null) }, 'guides.requests.list')).toEqual(ALL);
    expect(scopeOf({ actor: SYSTEM_ACTOR }, 'guides.requests.list')).toEqual(ALL);
  });

  it('refuses those who may see no row: 403 signed in (also staff without an organisation), 401 public', () => {
    expect(codeOf(() => scopeOf({ actor: staff('guide', null) }, 'guides.requests.list'))).toBe(
      'auth.forbidden',
    );
    expect(codeOf(() => scopeOf({ actor: staff('institution', null) }, 'guides.requests.list'))).toBe(
      'auth.forbidden',
    );
    expect(codeOf(() => scopeOf({ actor: PUBLIC_ACTOR }, 'guides.requests.list'))).toBe(
      'auth.unauthenticated',
    );
    // @ts-expect-error reading one request is yes or no, not a scope
    expect(codeOf(() => scopeOf(clinic, 'guides.requests.read', { organisationId: 'clinic-a' }))).toBe(
      'auth.forbidden',
    );
  });

  it('becomes the where-clause on the organisation column: none for every row', () => {
    expect(scopeWhere(ALL, guideRequests.organisationId)).toBeUndefined();
    const where = scopeWhere({ organisationId: 'clinic-a' }, guideRequests.organisationId);
    expect(where && new PgDialect().sqlToQuery(where)).toMatchObject({
      sql: '"guide_requests"."organisation_id" = $1',
      params: ['clinic-a'],
    });
  });
});
