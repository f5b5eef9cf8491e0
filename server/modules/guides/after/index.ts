/** After the appointment: time and travel, confirmation, feedback, monthly statements (used by ../index.ts). */
export { afterPolicies } from './after.policy.ts';
export { afterRetention } from './after.retention.ts';
export { afterRoutes } from './after.routes.ts';
