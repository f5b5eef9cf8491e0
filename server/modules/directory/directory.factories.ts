import type { ServiceInput } from './directory.model.ts';

let counter = 0;

/** A valid published offer in Marxloh; tests, demo data and the benchmark override what they need. */
export function buildService(overrides: Partial<ServiceInput> = {}): ServiceInput {
  counter++;
  return {
    slug: `offer-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    organisationId: 'begegnungszentrum-marxloh',
    status: 'published',
    categories: ['language_learning'],
    targetGroups: ['newcomers'],
    languages: ['deu'],
    free: true,
    url: null,
    email: null,
    phone: '+49 203 5550100',
    capacity: null,
    lastCheckedAt: '2026-11-01',
    texts: {
      name: { de: `Angebot ${counter}` },
      description: { de: 'Ein Angebot für neu Zugewanderte.' },
      eligibility: null,
      fees: null,
      requiredDocuments: null,
    },
    outdated: [],
    location: {
      name: 'Begegnungszentrum Marxloh',
      address: 'Weseler Straße 49',
      postcode: '47169',
      ortsteilId: 'marxloh',
      lat: 51.501,
      lon: 6.775,
      accessible: true,
      accessibilityNote: null,
    },
    schedule: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '16:00' }],
    events: [],
    ...overrides,
  };
}
