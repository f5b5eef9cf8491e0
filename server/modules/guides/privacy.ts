import type { PersonalData, RetentionHandler } from '../../core/module.ts';
import * as repo from './guides.repository.ts';

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** The guides module's retention rules, by their key in the city profile. */
export const guidesRetention: Record<string, RetentionHandler> = {
  // Newcomers' personal fields (first name, contact, notes, address, e-mail, case reference) after the appointment.
  'guides.requests': (ctx, rule) => repo.erasePersonalFields(ctx.db, daysBefore(ctx.now, rule.days), ctx.now),
  'guides.proposals': (ctx, rule) => repo.deleteOldProposals(ctx.db, daysBefore(ctx.now, rule.days)),
  'guides.feeds': (ctx, rule) => repo.deleteUnusedFeeds(ctx.db, daysBefore(ctx.now, rule.days)),
};

/** What the guides module holds about a person: their guide profile, onboarding, proposals, assignments. */
export const guidesPersonalData: PersonalData = {
  async export(ctx, userId) {
    const profile = await repo.findProfile(ctx.db, userId);
    const requests = await repo.listRequestsCreatedBy(ctx.db, userId);
    // What the person did, not whom it concerned: counts and own rows, never other people's record ids.
    if (!profile) return requests.length ? { guideRequestsCreated: requests.length } : {};
    return {
      guideProfile: profile,
      guideOnboarding: await repo.listOnboarding(ctx.db, [userId]),
      guideProposals: (await repo.listProposalsOfGuideForExport(ctx.db, userId)).map((p) => ({
        id: p.id,
        status: p.status,
        createdAt: p.createdAt,
        declineReason: p.declineReason,
      })),
      guideAssignments: (await repo.listAssignmentsOfGuideForExport(ctx.db, userId)).map((a) => ({
        id: a.id,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        state: a.state,
      })),
      guideRequestsCreated: requests.length,
    };
  },
  async erase(ctx, userId) {
    const profile = await repo.findProfile(ctx.db, userId);
    if (!profile) return;
    // Assignments stay (hours and pay are accounted for); what describes the person goes.
    await repo.deleteFeedsOfGuide(ctx.db, userId);
    await repo.updateProfile(ctx.db, userId, {
      active: false,
      privatePhone: null,
      privateEmail: null,
      gender: null,
      homeLat: ctx.city.profile.centre.lat,
      homeLon: ctx.city.profile.centre.lon,
      weekly: [],
      exceptions: [],
      languages: [],
      districts: [],
      updatedAt: ctx.now,
    });
  },
};
