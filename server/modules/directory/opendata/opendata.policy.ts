import { anyone, type Policies } from '../../../core/policy.ts';

/** Open data: anyone may download the published directory, its description and an offer's dates. */
export const opendataPolicies: Policies = {
  'directory.export': anyone,
  'directory.calendar': anyone,
};
