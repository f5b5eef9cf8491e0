import type { PersonalData, RetentionHandler } from '../../core/module.ts';
import * as repo from './network.repository.ts';

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** The network module's retention rules, by their key in the city profile. */
export const networkRetention: Record<string, RetentionHandler> = {
  // Contact persons whose consent to be listed was not renewed within the profile's days.
  'network.contacts': (ctx, rule) =>
    repo.deleteContactsConsentedBefore(ctx.db, daysBefore(ctx.now, rule.days)),
};

/**
 * What the network holds about a person with an account: the entries listing them as a contact person (linked
 * by their account, or by their account's e-mail address when they were entered).
 */
export const networkPersonalData: PersonalData = {
  async export(ctx, userId) {
    const contacts = await repo.contactsOfUser(ctx.db, userId);
    if (contacts.length === 0) return {};
    return {
      networkContactEntries: contacts.map((c) => ({
        actorId: c.actorId,
        name: c.name,
        role: c.role,
        email: c.email,
        phone: c.phone,
        consentAt: c.consentAt,
      })),
    };
  },
  async erase(ctx, userId) {
    await repo.deleteContactsOfUser(ctx.db, userId);
  },
};
