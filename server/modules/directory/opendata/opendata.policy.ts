import { anyone, type Policies } from '../../../core/policy.ts';

/** Open data: anyone may download the published directory, its description and an offer's dates. */
export const opendataPolicies = {
  'directory.export': anyone,
  'directory.calendar': anyone,
} satisfies Policies;

type OpendataRules = typeof opendataPolicies;
declare module '../../../core/policy.ts' {
  interface PolicyRules extends OpendataRules {}
}
