/** Invented children for tests and demo data: a valid intake with sensible defaults, overridable field by field. */
import type { CreateChildBody, RegistrationBody } from './schooling.schema.ts';

type ChildInput = RegistrationBody['children'][number];

/** A child's intake fields (a 12-year-old from Syria living in Marxloh) with overrides. */
export function buildChild(overrides: Partial<ChildInput> = {}): ChildInput {
  return {
    givenName: 'Rana',
    familyName: 'Haddad',
    birthDate: '2014-03-02',
    languages: ['ara'],
    schoolYears: 4,
    lastGrade: 4,
    literateLatin: false,
    arrivalDate: '2026-01-15',
    address: { street: 'Weseler Straße 20', postcode: '47169', ortsteilId: 'marxloh' },
    specialNeeds: null,
    preferredSchoolId: null,
    ...overrides,
  };
}

/** A caseworker's intake body: the child, a new family's contact, and both consents. */
export function buildIntake(
  overrides: Partial<ChildInput> & Partial<Pick<CreateChildBody, 'familyId' | 'contact' | 'consents'>> = {},
): CreateChildBody {
  const { familyId, contact, consents, ...child } = overrides;
  return {
    ...buildChild(child),
    ...(familyId
      ? { familyId }
      : {
          contact: contact ?? {
            guardianName: 'Samira Haddad',
            email: 'familie.haddad@example.org',
            phone: '+49 203 555 0101',
            letterLanguage: 'ar',
          },
        }),
    consents: consents ?? { counselling: true, shareWithSchool: true },
  };
}

/** A tiny deterministic random source (mulberry32), so demo data is the same on every first start. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
