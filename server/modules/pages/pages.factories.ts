import type { PageInput } from './pages.schema.ts';

type Variant = NonNullable<PageInput['variants']['de']>;

/** A German variant with defaults; overrides replace whole fields. */
export function buildVariant(overrides: Partial<Variant> = {}): Variant {
  return {
    title: 'Wohngeld beantragen',
    summary: 'Mit wenig Einkommen hilft das Wohngeld bei der Miete.',
    body: '<p>Das Wohngeld ist ein Zuschuss zur Miete.</p>',
    steps: [
      {
        title: 'Antrag stellen',
        text: 'Stellen Sie den Antrag bei der Wohngeldstelle.',
        bring: ['Mietvertrag', 'Einkommensnachweise'],
        costs: 'kostenlos',
        duration: 'etwa 6 Wochen',
        offers: [],
      },
    ],
    machine: false,
    ...overrides,
  };
}

/** A new page's body (German only) with defaults. */
export function buildPage(overrides: Partial<PageInput> = {}): PageInput {
  return {
    slug: `wohngeld-${Math.random().toString(36).slice(2, 8)}`,
    parentId: null,
    position: 9,
    variants: { de: buildVariant() },
    minor: false,
    ...overrides,
  };
}
