import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { ensureOrganisation } from '../platform/index.ts';
import * as repo from './directory.repository.ts';
import type { ServiceInput } from './directory.model.ts';
import { CATEGORIES } from './directory.terms.ts';
import { insertServiceRecord } from './records.ts';

const translated = z.record(z.string(), z.string());
const demoSchema = z.object({
  organizations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      districtId: z.string().nullable(),
      email: z.string().nullable().optional(),
      website: z.string().nullable().optional(),
      description: translated.nullable().optional(),
    }),
  ),
  services: z.array(
    z.object({
      id: z.string(),
      organizationId: z.string(),
      categories: z.array(z.enum(CATEGORIES)),
      name: translated,
      description: translated,
      eligibility: translated.nullable().optional(),
      fees: translated.nullable().optional(),
      free: z.boolean(),
      requiredDocuments: translated.nullable().optional(),
      targetGroups: z.array(z.string()),
      languages: z.array(z.string()),
      location: z.object({
        name: z.string(),
        address: z.string(),
        postcode: z.string(),
        ortsteilId: z.string(),
        lat: z.number(),
        lon: z.number(),
        accessible: z.boolean(),
        accessibilityNote: translated.nullable().optional(),
      }),
      phone: z.string().nullable().optional(),
      email: z.string().nullable().optional(),
      url: z.string().nullable().optional(),
      schedule: z
        .array(z.object({ days: z.array(z.string()), opens: z.string(), closes: z.string() }))
        .default([]),
      courseDates: z
        .array(z.object({ start: z.string(), end: z.string(), title: translated.nullable().optional() }))
        .default([]),
      capacity: z.object({ free: z.number().int(), waitingList: z.number().int() }).nullable().optional(),
      lastChecked: z.string(),
      outdated: z.array(z.string()).default([]),
      /** Languages whose texts of this offer were made by a machine, not by a person: shown as such. */
      machineTranslated: z.array(z.string()).default([]),
    }),
  ),
});

/** The city's demo offers (cities/<CITY>/directory-demo.json), if the profile has them. */
export async function seedDirectoryDemo(ctx: Ctx): Promise<void> {
  const file = path.join(ctx.config.cityDir, 'directory-demo.json');
  if (!existsSync(file) || (await repo.countServices(ctx.db)) > 0) return;
  const demo = demoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const names = new Map<string, string>();
  for (const organisation of demo.organizations) {
    await ensureOrganisation(ctx, organisation);
    await repo.upsertDirectoryOrganization(ctx.db, {
      organisationId: organisation.id,
      email: organisation.email ?? null,
      website: organisation.website ?? null,
    });
    names.set(organisation.id, organisation.name);
    await repo.insertTexts(
      ctx.db,
      Object.entries(organisation.description ?? {}).map(([lang, value]) => ({
        entityType: 'organization',
        entityId: organisation.id,
        field: 'description',
        lang,
        value,
        status: lang === 'de' ? 'source' : 'up_to_date',
        updatedAt: ctx.now,
      })),
    );
  }
  for (const offer of demo.services) {
    const input: ServiceInput = {
      slug: offer.id,
      organisationId: offer.organizationId,
      status: 'published',
      categories: offer.categories,
      targetGroups: offer.targetGroups,
      languages: offer.languages,
      free: offer.free,
      url: offer.url ?? null,
      email: offer.email ?? null,
      phone: offer.phone ?? null,
      capacity: offer.capacity ?? null,
      lastCheckedAt: offer.lastChecked,
      texts: {
        name: offer.name,
        description: offer.description,
        eligibility: offer.eligibility ?? null,
        fees: offer.fees ?? null,
        requiredDocuments: offer.requiredDocuments ?? null,
      },
      outdated: offer.outdated,
      location: { ...offer.location, accessibilityNote: offer.location.accessibilityNote ?? null },
      schedule: offer.schedule,
      events: offer.courseDates.map((d) => ({ start: d.start, end: d.end, title: d.title ?? null })),
    };
    const id = await insertServiceRecord(ctx, input, names.get(offer.organizationId) ?? '');
    await repo.markTextsMachineMade(ctx.db, 'service', id, offer.machineTranslated);
    await repo.insertRevision(ctx.db, {
      serviceId: id,
      status: 'published',
      snapshot: input,
      changedBy: null,
      changedAt: ctx.now,
    });
  }
}
