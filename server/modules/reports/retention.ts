import type { RetentionHandler } from '../../core/module.ts';
import * as repo from './reports.repository.ts';

/** A reporter's contact and photos are deleted the profile's number of days after the case was closed. */
export const reportsRetention: Record<string, RetentionHandler> = {
  'reports.contacts': async (ctx, rule) =>
    repo.deleteContactsClosedBefore(ctx.db, new Date(ctx.now.getTime() - rule.days * 86_400_000)),
  'reports.photos': async (ctx, rule) =>
    repo.deletePhotosClosedBefore(ctx.db, new Date(ctx.now.getTime() - rule.days * 86_400_000)),
};
