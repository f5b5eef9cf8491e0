/**
 * Demo pages for the city (cities/<CITY>/pages-demo.json), loaded on the first start: written in German, some in
 * Leichte Sprache, the other languages stored as machine-made. Every page is published through the same steps an
 * editor takes (save, submit, publish), so each has its history.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Ctx } from '../../core/context.ts';
import { createPage, publishPage, submitPage } from './editing.service.ts';
import { editablePages } from './pages.repository.ts';
import { pageBody } from './pages.schema.ts';
import { ALL } from '../../core/policy.ts';

const variant = z.looseObject({ title: z.string() });
const demoSchema = z.object({
  pages: z.array(
    z.looseObject({
      slug: z.string(),
      parent: z.string().nullable(),
      position: z.number().int(),
      de: variant,
      'de-x-ls': variant.optional(),
      translations: z.record(z.string(), variant).default({}),
      machineTranslated: z.array(z.string()).default([]),
    }),
  ),
});

export async function seedPagesDemo(ctx: Ctx): Promise<void> {
  const file = path.join(ctx.config.cityDir, 'pages-demo.json');
  if (!existsSync(file) || (await editablePages(ctx.db, ALL)).length > 0) return;
  const demo = demoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const ids = new Map<string, string>();
  for (const page of demo.pages) {
    const variants: Record<string, unknown> = { de: page.de };
    if (page['de-x-ls']) variants['de-x-ls'] = page['de-x-ls'];
    for (const [lang, texts] of Object.entries(page.translations))
      variants[lang] = { ...texts, machine: page.machineTranslated.includes(lang) };
    const input = pageBody.parse({
      slug: page.slug,
      parentId: page.parent ? (ids.get(page.parent) ?? null) : null,
      position: page.position,
      variants,
    });
    const created = await createPage(ctx, input);
    ids.set(page.slug, created.id);
    await submitPage(ctx, created.id);
    await publishPage(ctx, created.id);
  }
}
