import type { RetentionHandler } from '../../../core/module.ts';
import * as repo from './after.repository.ts';

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** Retention of what follows an appointment: feedback comments, and the logged time behind statements. */
export const afterRetention: Record<string, RetentionHandler> = {
  'guides.feedback': (ctx, rule) => repo.deleteFeedbackBefore(ctx.db, daysBefore(ctx.now, rule.days)),
  'guides.time_logs': (ctx, rule) => repo.deleteTimeLogsBefore(ctx.db, daysBefore(ctx.now, rule.days)),
};
