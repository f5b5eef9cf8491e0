import { anyone, type Policies } from '../../../core/policy.ts';

/** The HSDS API is open data: anyone may read what the directory publishes. */
export const hsdsPolicies: Policies = {
  'directory.hsds': anyone,
};
