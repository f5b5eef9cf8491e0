import { z } from 'zod';
import { type CitySection, citySection } from '../../core/city.ts';
import type { Ctx } from '../../core/context.ts';

const paragraphs = z.array(z.string().min(1)).min(1);

/**
 * The notice letter's template (Zuwendungsbescheid), in German: paragraphs with placeholders {organisation},
 * {title}, {call}, {amount}, {requested}, {reason}, {conditions}, {from}, {to}. A city replaces them in its profile
 * (its legal office's wording); the defaults follow the usual structure of a municipal grant notice in NRW.
 */
const noticeSchema = z.object({
  /** The issuing office, first line of the letterhead (default: the profile's contact organisation). */
  authority: z.string().min(1).optional(),
  subject: z.string().min(1).default('Zuwendungsbescheid'),
  approved: paragraphs.default([
    'auf Ihren Antrag im Förderprogramm „{call}“ bewillige ich Ihnen für das Projekt „{title}“ eine Zuwendung in Höhe von {amount} als Projektförderung im Wege der Festbetragsfinanzierung.',
    'Bewilligungszeitraum: {from} bis {to}.',
    'Begründung: {reason}',
  ]),
  partly: paragraphs.default([
    'auf Ihren Antrag im Förderprogramm „{call}“ bewillige ich Ihnen für das Projekt „{title}“ eine Zuwendung in Höhe von {amount} als Projektförderung im Wege der Festbetragsfinanzierung. Beantragt waren {requested}; im Übrigen lehne ich den Antrag ab.',
    'Bewilligungszeitraum: {from} bis {to}.',
    'Begründung: {reason}',
  ]),
  rejected: paragraphs.default([
    'Ihren Antrag im Förderprogramm „{call}“ auf eine Zuwendung für das Projekt „{title}“ in Höhe von {requested} lehne ich ab.',
    'Begründung: {reason}',
  ]),
  /** Printed under "Nebenbestimmungen" when the decision has conditions. */
  conditionsTitle: z.string().min(1).default('Nebenbestimmungen'),
  /** For approvals: what follows (payment, proof of use). */
  obligations: paragraphs.default([
    'Die Allgemeinen Nebenbestimmungen für Zuwendungen zur Projektförderung (ANBest-P) sind Bestandteil dieses Bescheides. Die Mittel dürfen nur für den bewilligten Zweck verwendet werden.',
    'Die Verwendung ist innerhalb von drei Monaten nach Ende des Bewilligungszeitraums mit einem Verwendungsnachweis (Sachbericht und zahlenmäßiger Nachweis) zu belegen.',
  ]),
  remedy: z
    .string()
    .min(1)
    .default(
      'Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim Verwaltungsgericht Düsseldorf, Bastionstraße 39, 40213 Düsseldorf, erhoben werden.',
    ),
  closing: z.string().min(1).default('Mit freundlichen Grüßen\nIm Auftrag'),
});

const settingsSchema = z.object({
  notice: noticeSchema.default(noticeSchema.parse({})),
  /** Reminders go this many days before a call's deadline (to drafts), a tranche, the proof of use, a claim. */
  reminderDays: z.array(z.number().int().min(1).max(90)).min(1).max(5).default([14, 3]),
  /** ClamAV's daemon (clamd, TCP) that scans every uploaded document and receipt; absent: no scan (the default). */
  virusScan: z
    .object({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65_535).default(3310),
      timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
    })
    .optional(),
});

/** The city profile's `funding` section: the notice letter's template, the reminders' lead days. */
export type FundingSettings = z.infer<typeof settingsSchema>;

const section = citySection('funding', settingsSchema);

/** The `funding` section of the city profile, for the manifest: checked when the app is built. */
export const fundingSettingsSection: CitySection<FundingSettings> = section;

export function fundingSettings(ctx: Pick<Ctx, 'city'>): FundingSettings {
  return section.of(ctx);
}
