import { anyone, type Policies } from '../../../core/policy.ts';

/** The HSDS API is open data: anyone may read what the directory publishes. */
export const hsdsPolicies = {
  'directory.hsds': anyone,
} satisfies Policies;

type HsdsRules = typeof hsdsPolicies;
declare module '../../../core/policy.ts' {
  interface PolicyRules extends HsdsRules {}
}
