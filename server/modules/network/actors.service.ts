// The register of actors: list, one's own entry, new entries (approved by the KI), changes, contact persons.
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../core/context.ts';
import { inTransaction } from '../../core/context.ts';
import { audit } from '../../core/audit.ts';
import { AppError, errors } from '../../core/errors.ts';
import { authorize, can } from '../../core/policy.ts';
import type { Category, TargetGroup } from '../directory/index.ts';
import {
  ensureOrganisation,
  findAccountByEmail,
  findOrganisationById,
  organisationNames,
} from '../platform/index.ts';
import { checkDistricts } from './common.ts';
import type { ActorBody } from './network.schema.ts';
import * as repo from './network.repository.ts';
import { type ActorKind, type ActorStatus, ORGANISATION_KIND_OF } from './network.terms.ts';

type ContactInput = ActorBody['contacts'][number];

/** An actor with its name and its contact persons, as the API shows it. */
function actorView(actor: repo.ActorRow, name: string, contacts: repo.ContactRow[]) {
  return {
    id: actor.id,
    organisationId: actor.organisationId,
    name,
    kind: actor.kind as ActorKind,
    status: actor.status as ActorStatus,
    description: actor.description,
    districts: actor.districts,
    topics: actor.topics as Category[],
    languages: actor.languages,
    targetGroups: actor.targetGroups as TargetGroup[],
    public: actor.public,
    contacts: contacts
      .filter((c) => c.actorId === actor.id)
      .map((c) => ({
        id: c.id,
        name: c.name,
        role: c.role,
        email: c.email,
        phone: c.phone,
        consentAt: c.consentAt.toISOString(),
      })),
    updatedAt: actor.updatedAt.toISOString(),
  };
}

/** Actors with their names and contacts: one query each for the names and the contacts. */
async function views(ctx: Ctx, actors: repo.ActorRow[]) {
  const names = await organisationNames(
    ctx.db,
    actors.map((a) => a.organisationId),
  );
  const contacts = await repo.listContacts(
    ctx.db,
    actors.map((a) => a.id),
  );
  return actors.map((a) => actorView(a, names.get(a.organisationId) ?? '', contacts));
}

/** The register: approved actors; pending ones for the coordinators and for their own organisation. */
export async function listActors(ctx: Ctx, filter: Omit<repo.ActorFilter, 'pendingOf'>) {
  authorize(ctx, 'network.register.read');
  const actors = await repo.listActors(ctx.db, {
    ...filter,
    pendingOf: can(ctx.actor, 'network.actors.approve') ? 'all' : ctx.actor.organisationId,
  });
  return { items: await views(ctx, actors) };
}

/** The caller's organisation's entry, or null. */
export async function myActor(ctx: Ctx) {
  authorize(ctx, 'network.register.read');
  const actor = ctx.actor.organisationId
    ? await repo.findActorOfOrganisation(ctx.db, ctx.actor.organisationId)
    : undefined;
  return { actor: actor ? ((await views(ctx, [actor]))[0] ?? null) : null };
}

export async function getActor(ctx: Ctx, id: string) {
  authorize(ctx, 'network.register.read');
  const actor = await repo.findActor(ctx.db, id);
  const visible =
    actor &&
    (actor.status === 'approved' ||
      can(ctx.actor, 'network.actors.approve') ||
      actor.organisationId === ctx.actor.organisationId);
  if (!visible) throw errors.notFound('params.id');
  return (await views(ctx, [actor]))[0] as ReturnType<typeof actorView>;
}

/** A lower-case id for a new organisation, from its name (and a few random letters against clashes). */
function organisationIdFor(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'akteur'}-${randomBytes(3).toString('hex')}`;
}

/**
 * A new entry. Staff enter their own organisation's (pending until the KI approves it; one per organisation);
 * the KI's coordinators enter a new organisation's, approved at once.
 */
export async function createActor(ctx: Ctx, input: ActorBody) {
  authorize(ctx, 'network.actors.create');
  checkDistricts(ctx, input.districts, 'body.districts');
  const byCoordinator = can(ctx.actor, 'network.actors.approve');
  let organisationId = ctx.actor.organisationId;
  if (!byCoordinator) {
    if (!organisationId) throw errors.forbidden();
    if (await repo.findActorOfOrganisation(ctx.db, organisationId))
      throw new AppError('conflict.exists', { field: 'body.name' });
  }
  return inTransaction(ctx, async (tx) => {
    if (byCoordinator) {
      organisationId = organisationIdFor(input.name);
      await ensureOrganisation(tx, {
        id: organisationId,
        name: input.name,
        kind: ORGANISATION_KIND_OF[input.kind],
        districtId: input.districts[0] ?? null,
      });
    } else if (!(await findOrganisationById(tx.db, organisationId as string))) throw errors.forbidden();
    const actor = await repo.insertActor(tx.db, {
      organisationId: organisationId as string,
      kind: input.kind,
      status: byCoordinator ? 'approved' : 'pending',
      description: input.description ?? null,
      districts: [...new Set(input.districts)],
      topics: [...new Set(input.topics)],
      languages: [...new Set(input.languages)],
      targetGroups: [...new Set(input.targetGroups)],
      public: input.public,
      createdBy: tx.actor.id,
      approvedBy: byCoordinator ? tx.actor.id : null,
      approvedAt: byCoordinator ? tx.now : null,
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    for (const contact of input.contacts) await addContactRow(tx, actor.id, contact);
    await audit(tx, { action: 'network.actor.create', entityType: 'network_actor', entityId: actor.id });
    return (await views(tx, [actor]))[0] as ReturnType<typeof actorView>;
  });
}

/** A contact person; one with an account (by e-mail) is linked to it, so export and erasure find the entry. */
async function addContactRow(ctx: Ctx, actorId: string, contact: ContactInput) {
  const account = contact.email ? await findAccountByEmail(ctx.db, contact.email) : undefined;
  return repo.insertContact(ctx.db, {
    actorId,
    userId: account?.id ?? null,
    name: contact.name,
    role: contact.role ?? null,
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    consentAt: ctx.now,
    createdAt: ctx.now,
  });
}

async function writableActor(ctx: Ctx, id: string) {
  const actor = await repo.findActor(ctx.db, id);
  if (!actor) throw errors.notFound('params.id');
  authorize(ctx, 'network.actor.write', actor);
  return actor;
}

/** Changes an entry: its own staff or the coordinators. */
export async function updateActor(
  ctx: Ctx,
  id: string,
  input: Partial<Omit<ActorBody, 'name' | 'contacts'>>,
) {
  await writableActor(ctx, id);
  if (input.districts) checkDistricts(ctx, input.districts, 'body.districts');
  return inTransaction(ctx, async (tx) => {
    const actor = await repo.updateActor(tx.db, id, {
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.districts ? { districts: [...new Set(input.districts)] } : {}),
      ...(input.topics ? { topics: [...new Set(input.topics)] } : {}),
      ...(input.languages ? { languages: [...new Set(input.languages)] } : {}),
      ...(input.targetGroups ? { targetGroups: [...new Set(input.targetGroups)] } : {}),
      ...(input.public !== undefined ? { public: input.public } : {}),
      updatedAt: tx.now,
    });
    await audit(tx, { action: 'network.actor.update', entityType: 'network_actor', entityId: id });
    return (await views(tx, [actor]))[0] as ReturnType<typeof actorView>;
  });
}

/** The KI approves a new entry: from then on it is in the register, and public ones in the calendar. */
export async function approveActor(ctx: Ctx, id: string) {
  authorize(ctx, 'network.actors.approve');
  const existing = await repo.findActor(ctx.db, id);
  if (!existing) throw errors.notFound('params.id');
  return inTransaction(ctx, async (tx) => {
    const actor =
      existing.status === 'approved'
        ? existing
        : await repo.updateActor(tx.db, id, {
            status: 'approved',
            approvedBy: tx.actor.id,
            approvedAt: tx.now,
            updatedAt: tx.now,
          });
    await audit(tx, { action: 'network.actor.approve', entityType: 'network_actor', entityId: id });
    return (await views(tx, [actor]))[0] as ReturnType<typeof actorView>;
  });
}

/** Adds a contact person who agreed to be listed internally (the consent's time is recorded). */
export async function addContact(ctx: Ctx, actorId: string, input: ContactInput) {
  await writableActor(ctx, actorId);
  return inTransaction(ctx, async (tx) => {
    const contact = await addContactRow(tx, actorId, input);
    await audit(tx, { action: 'network.contact.add', entityType: 'network_contact', entityId: contact.id });
    return getActor(tx, actorId);
  });
}

/** Removes a contact person (also when they withdraw their consent): the row is deleted. */
export async function removeContact(ctx: Ctx, actorId: string, contactId: string): Promise<void> {
  await writableActor(ctx, actorId);
  await inTransaction(ctx, async (tx) => {
    if ((await repo.deleteContact(tx.db, actorId, contactId)) === 0)
      throw errors.notFound('params.contactId');
    await audit(tx, { action: 'network.contact.remove', entityType: 'network_contact', entityId: contactId });
  });
}

/** The working groups with their member actors' names. */
export async function workingGroups(ctx: Ctx) {
  authorize(ctx, 'network.register.read');
  const groups = await repo.listWorkingGroups(ctx.db);
  const members = await repo.listWorkingGroupMembers(ctx.db);
  const actors = await repo.actorsByIds(ctx.db, [...new Set(members.map((m) => m.actorId))]);
  const names = await organisationNames(
    ctx.db,
    actors.map((a) => a.organisationId),
  );
  const nameOf = new Map(actors.map((a) => [a.id, names.get(a.organisationId) ?? '']));
  return {
    items: groups.map((g) => ({
      id: g.id,
      name: g.name,
      topic: g.topic as Category,
      members: members
        .filter((m) => m.groupId === g.id)
        .map((m) => ({ actorId: m.actorId, name: nameOf.get(m.actorId) ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name, 'de')),
    })),
  };
}
