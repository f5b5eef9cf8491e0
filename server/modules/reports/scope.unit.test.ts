/**
 * The `reports` scope: an advice centre's caseworkers (counsellors) handle reports and nothing else of a
 * caseworker's, on the server (the policies' role helpers) and in the web app (nav entries and pages by audience).
 */
import { describe, expect, it } from 'vitest';
import { isInAudience } from '../../../web/src/app/modules.ts';
import type { Actor } from '../../core/context.ts';
import { hasRole, ofOrganisation, ownOrganisation } from '../../core/policy.ts';
import { type OrganisationKind, staffScope } from '../../core/roles.ts';
import { reportsPolicies } from './reports.policy.ts';

const caseworkerOf = (organisationKind: OrganisationKind): Actor => ({
  kind: 'user',
  role: 'caseworker',
  id: `caseworker-${organisationKind}`,
  organisationId: `org-${organisationKind}`,
  organisationKind,
  sessionId: null,
});
const counsellor = caseworkerOf('advice');
const kiCaseworker = caseworkerOf('ki');

describe('the reports scope', () => {
  it('is an advice centre’s caseworker’s, and nobody else’s', () => {
    expect(staffScope('caseworker', 'advice')).toBe('reports');
    expect(staffScope('caseworker', 'ki')).toBeNull();
    expect(staffScope('institution', 'advice')).toBeNull();
    expect(staffScope('coordinator', null)).toBeNull();
  });

  it('lets counsellors handle reports and refuses the KI’s caseworker', () => {
    expect(reportsPolicies['reports.cases'](counsellor)).toBe(true);
    expect(reportsPolicies['reports.intake'](counsellor)).toBe(true);
    expect(reportsPolicies['reports.cases'](kiCaseworker)).toBe(false);
    expect(reportsPolicies['reports.case.write'](kiCaseworker)).toBe(false);
  });

  it('gives counsellors none of a caseworker’s other rights through the role helpers', () => {
    const caseworkers = hasRole('caseworker', 'coordinator');
    expect(caseworkers(kiCaseworker)).toBe(true);
    expect(caseworkers(counsellor)).toBe(false);
    expect(ofOrganisation(kiCaseworker, ['caseworker'], 'org-ki')).toBe(true);
    expect(ofOrganisation(counsellor, ['caseworker'], 'org-advice')).toBe(false);
    expect(ownOrganisation(kiCaseworker, ['caseworker'])).toEqual({ organisationId: 'org-ki' });
    expect(ownOrganisation(counsellor, ['caseworker'])).toBeNull();
  });

  it('shows counsellors the reports pages and not the caseworkers’ pages, and the other way round', () => {
    const counsellorViewer = { role: 'caseworker', organisationKind: 'advice' } as const;
    const kiViewer = { role: 'caseworker', organisationKind: 'ki' } as const;
    const reportsPages = { scope: 'reports' } as const;
    const bookers = ['institution', 'caseworker', 'coordinator', 'admin'] as const;
    const schoolingRecords = { roles: ['caseworker'], organisationKinds: ['ki'] } as const;
    expect(isInAudience(reportsPages, counsellorViewer)).toBe(true);
    expect(isInAudience(reportsPages, kiViewer)).toBe(false);
    expect(isInAudience(reportsPages, null)).toBe(false);
    expect(isInAudience(bookers, counsellorViewer)).toBe(false);
    expect(isInAudience(bookers, kiViewer)).toBe(true);
    expect(isInAudience(schoolingRecords, counsellorViewer)).toBe(false);
    expect(isInAudience('authenticated', counsellorViewer)).toBe(true);
  });
});
