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
import { localDate } from '../../core/time.ts';
import { createNews, publishNews } from './news.service.ts';

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
  await seedNewsDemo(ctx);
}

/** Two current news items for the home page (shown for 60 days from the first start), one for Hamborn. */
async function seedNewsDemo(ctx: Ctx): Promise<void> {
  const endsOn = localDate(new Date(ctx.now.getTime() + 60 * 86_400_000), ctx.city.profile.timezone);
  const items = [
    {
      topic: 'authorities' as const,
      district: 'hamborn',
      texts: {
        de: {
          title: 'Bürgeramt Hamborn: Termine auch am Samstag',
          text: 'Im Bürgeramt Hamborn können Sie sich jetzt auch samstags von 9 bis 12 Uhr anmelden. Bitte buchen Sie vorher einen Termin.',
        },
        en: {
          title: 'Bürgeramt Hamborn: appointments on Saturdays too',
          text: 'You can now also register your address at the Bürgeramt Hamborn on Saturdays from 9 to 12. Please book an appointment first.',
        },
        ar: {
          title: 'مكتب المواطنين (Bürgeramt) في هامبورن: مواعيد يوم السبت أيضًا',
          text: 'يمكنك الآن تسجيل السكن في مكتب المواطنين في هامبورن يوم السبت أيضًا من 9 إلى 12. يرجى حجز موعد مسبقًا.',
        },
        tr: {
          title: 'Bürgeramt Hamborn: Cumartesi günleri de randevu',
          text: 'Bürgeramt Hamborn’da artık cumartesi günleri 9–12 arası da adres kaydı yaptırabilirsiniz. Lütfen önceden randevu alın.',
        },
      },
    },
    {
      topic: 'courses' as const,
      district: null,
      texts: {
        de: {
          title: 'Neue Integrationskurse ab nächstem Monat',
          text: 'Die Volkshochschule beginnt neue Integrationskurse am Vormittag und am Abend. Beratung im Kommunalen Integrationszentrum.',
        },
        en: {
          title: 'New integration courses from next month',
          text: 'The adult education centre starts new integration courses in the morning and in the evening. Advice at the Kommunales Integrationszentrum.',
        },
        ar: {
          title: 'دورات اندماج جديدة ابتداءً من الشهر القادم',
          text: 'تبدأ الجامعة الشعبية دورات اندماج جديدة صباحًا ومساءً. الاستشارة في مركز الاندماج البلدي.',
        },
      },
    },
  ];
  for (const item of items) {
    const created = await createNews(ctx, { ...item, endsOn });
    await publishNews(ctx, created.id);
  }
}
