/**
 * Appointment reminders (the job `counselling.reminders`, every 15 minutes): a day before a booked slot, a mail through
 * the outbox to the address the client gave, in the language they chose for the counselling (German where the UI has
 * no such language): the service, where and when, the mediator if asked for, and the link to the booking's page to
 * cancel or move it. Each booking is taken once (SKIP LOCKED, in the transaction that queues the mail); a booking
 * without an address is taken too and counted. Moving a booking makes its reminder due again.
 */
import { type Ctx, inTransaction } from '../../core/context.ts';
import { availableLocales, translate } from '../../core/i18n.ts';
import { queueMail } from '../../core/mail.ts';
import type { BookingContact } from './booking.service.ts';
import * as repo from './counselling.repository.ts';
import { unseal } from './seal.ts';

/** How long before the appointment the reminder goes. */
export const REMINDER_HOURS = 24;

export async function sendCounsellingReminders(ctx: Ctx) {
  const until = new Date(ctx.now.getTime() + REMINDER_HOURS * 3_600_000);
  return inTransaction(ctx, async (tx) => {
    const due = await repo.takeBookingsToRemind(tx.db, tx.now, until, tx.now);
    // The mail's locale: the counselling language where the UI has it, else German (the locales read once).
    const locales = new Set(availableLocales());
    const zone = tx.city.profile.timezone;
    let mailed = 0;
    for (const { booking, slot, service } of due) {
      const contact = unseal<BookingContact>(tx.config, booking.sealedContact);
      if (!contact.email) continue;
      const locale = locales.has(booking.language) ? booking.language : 'de';
      const params = {
        name: contact.name,
        service: service.name,
        address: service.address,
        date: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: zone }).format(slot.startsAt),
        time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }).format(slot.startsAt),
        link: contact.code
          ? `${tx.config.publicUrl}/beratung/code/${encodeURIComponent(contact.code)}`
          : `${tx.config.publicUrl}/beratung`,
      };
      const body = [
        translate(locale, 'counselling-mail:reminder.body', params),
        ...(booking.mediator ? [translate(locale, 'counselling-mail:reminder.mediator')] : []),
        translate(locale, 'counselling-mail:reminder.change', params),
      ].join('\n\n');
      await queueMail(tx, {
        to: contact.email,
        subject: translate(locale, 'counselling-mail:reminder.subject', params),
        text: body,
      });
      mailed++;
    }
    return { reminded: mailed, withoutAddress: due.length - mailed };
  });
}
