import { anyone, hasRole, type Policies } from '../../core/policy.ts';

/** Who may do what in the directory. */
export const directoryPolicies: Policies = {
  'directory.search': anyone,
  'directory.read': anyone,
  'directory.feedback': anyone,
  'directory.unmet': hasRole('coordinator', 'admin'),
};
