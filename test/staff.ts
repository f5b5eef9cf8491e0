/** Staff accounts of organisations the demo does not have, for tests of what one organisation sees of another's. */
import { randomUUID } from 'node:crypto';
import type { Role } from '../server/core/roles.ts';
import { ensureOrganisation } from '../server/modules/platform/index.ts';
import { users } from '../server/modules/platform/platform.tables.ts';
import { systemContext } from '../server/core/context.ts';
import { hashPassword } from '../server/core/passwords.ts';
import { DEMO_PASSWORD } from './config.ts';
import type { Client, TestApp } from './harness.ts';

let passwordHash: Promise<string> | null = null;

/**
 * Signs in a new account of the role in the organisation (made when missing, of the given kind): e.g. a second
 * clinic's institution, or a caseworker of the Jobcenter.
 */
export async function signInStaff(
  t: TestApp,
  input: { role: Role; organisationId: string; kind: string },
): Promise<Client> {
  await ensureOrganisation(systemContext(t.services), {
    id: input.organisationId,
    name: `Test ${input.organisationId}`,
    kind: input.kind,
    districtId: null,
  });
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const email = `${input.role}-${randomUUID().slice(0, 8)}@${input.organisationId}.example.org`;
  await t.services.database.db.insert(users).values({
    email,
    displayName: `Test ${input.role}`,
    role: input.role,
    organisationId: input.organisationId,
    passwordHash: await passwordHash,
  });
  return t.login(email, DEMO_PASSWORD);
}
