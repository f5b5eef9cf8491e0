import type { PersonalData, RetentionHandler } from '../../core/module.ts';
import * as repo from './funding.repository.ts';

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * The funding module's retention rules, by their key in the city profile: drafts nobody submitted are deleted
 * after the profile's days without a change; decided or withdrawn applications (with versions, documents and
 * reviews) after the audit period.
 */
export const fundingRetention: Record<string, RetentionHandler> = {
  'funding.drafts': (ctx, rule) => repo.deleteDraftsUntouchedBefore(ctx.db, daysBefore(ctx.now, rule.days)),
  'funding.applications': (ctx, rule) => repo.deleteClosedBefore(ctx.db, daysBefore(ctx.now, rule.days)),
};

/**
 * What funding holds about a person with an account: the applications they started for their organisation and the
 * scores and reasons they gave as a reviewer. Erasure removes them as the starter and as the filer of a proof of use (the
 * application is the organisation's and stays); the scores stay as part of the decision's file, under the erased account.
 */
export const fundingPersonalData: PersonalData = {
  async export(ctx, userId) {
    const [started, reviews] = await Promise.all([
      repo.listApplicationsStartedBy(ctx.db, userId),
      repo.reviewsBy(ctx.db, userId),
    ]);
    return {
      ...(started.length ? { fundingApplicationsStarted: started } : {}),
      ...(reviews.length
        ? {
            fundingReviews: reviews.map((r) => ({
              applicationId: r.applicationId,
              criterion: r.criterion,
              score: r.score,
              reason: r.reason,
              updatedAt: r.updatedAt,
            })),
          }
        : {}),
    };
  },
  async erase(ctx, userId) {
    await repo.forgetStarter(ctx.db, userId);
    await repo.forgetProofFiler(ctx.db, userId);
  },
};
