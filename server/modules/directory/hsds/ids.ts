import { createHash } from 'node:crypto';

/**
 * The namespace of Lotse's derived HSDS ids. Never change it: every published id (organisations, phones,
 * languages, taxonomy terms …) is computed from it, and consumers keep those ids.
 */
export const LOTSE_HSDS_NAMESPACE = '8e6343df-13da-474f-97d1-d4f27ee6357c';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A name-based UUID (RFC 9562 version 5, SHA-1): the same name gives the same id, on every server. */
export function uuidV5(name: string, namespace = LOTSE_HSDS_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Stable HSDS ids for what Lotse keys by slug or does not store as a record of its own. */
export const hsdsId = {
  organization: (slug: string) => uuidV5(`organization:${slug}`),
  organizationIdentifier: (slug: string) => uuidV5(`organization_identifier:${slug}`),
  taxonomy: (name: string) => uuidV5(`taxonomy:${name}`),
  taxonomyTerm: (code: string) => uuidV5(`taxonomy_term:${code}`),
  attribute: (serviceId: string, code: string) => uuidV5(`attribute:${serviceId}:${code}`),
  phone: (serviceId: string) => uuidV5(`phone:${serviceId}`),
  language: (serviceId: string, code: string) => uuidV5(`language:${serviceId}:${code}`),
  costOption: (serviceId: string) => uuidV5(`cost_option:${serviceId}`),
  requiredDocument: (serviceId: string) => uuidV5(`required_document:${serviceId}`),
  address: (locationId: string) => uuidV5(`address:${locationId}`),
  accessibility: (locationId: string) => uuidV5(`accessibility:${locationId}`),
};
