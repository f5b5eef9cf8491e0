/** Label keys of the directory's terms, written out in full so the i18n check sees them. */

import type { TargetGroup } from '../../../../server/modules/directory/directory.terms.ts';

// The category labels are the server's too (HSDS taxonomy, search words): one map for both.
export { CATEGORY_LABEL } from '../../../../server/modules/directory/directory.terms.ts';

export const TARGET_GROUP_LABEL: Record<TargetGroup, string> = {
  children: 'directory:targetGroups.children',
  parents: 'directory:targetGroups.parents',
  women: 'directory:targetGroups.women',
  newcomers: 'directory:targetGroups.newcomers',
  eu_citizens: 'directory:targetGroups.eu_citizens',
  refugees: 'directory:targetGroups.refugees',
  youth: 'directory:targetGroups.youth',
  seniors: 'directory:targetGroups.seniors',
};
