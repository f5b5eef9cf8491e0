import type { Category } from './directory.terms.ts';
import type { Translated } from './texts.ts';

/** Everything one offer consists of, as editors and the demo data give it. */
export type ServiceInput = {
  slug: string;
  organisationId: string;
  status: 'draft' | 'review' | 'published' | 'archived';
  categories: Category[];
  targetGroups: string[];
  languages: string[];
  free: boolean;
  url: string | null;
  email: string | null;
  phone: string | null;
  capacity: { free: number; waitingList: number } | null;
  lastCheckedAt: string;
  texts: {
    name: Translated;
    description: Translated;
    eligibility: Translated | null;
    fees: Translated | null;
    requiredDocuments: Translated | null;
  };
  /** Languages whose translations are older than the German text. */
  outdated: string[];
  location: {
    name: string;
    address: string;
    postcode: string;
    ortsteilId: string;
    lat: number;
    lon: number;
    accessible: boolean;
    accessibilityNote: Translated | null;
  };
  schedule: { days: string[]; opens: string; closes: string }[];
  events: { start: string; end: string; title: Translated | null }[];
};

export const SERVICE_TEXT_FIELDS = [
  'name',
  'description',
  'eligibility',
  'fees',
  'requiredDocuments',
] as const;
export type ServiceTextField = (typeof SERVICE_TEXT_FIELDS)[number];
