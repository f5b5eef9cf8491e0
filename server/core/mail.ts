import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { outbox } from './core.tables.ts';
import type { AppServices, Ctx } from './context.ts';
import { rows } from './db.ts';

export type MailAttachment = { filename: string; contentType: string; content: string };
export type Mail = { to: string; subject: string; text: string; attachments?: MailAttachment[] };

/**
 * Queues a mail in the caller's transaction. With SMTP_URL it is sent by the mail job;
 * without, it is held in the outbox table for an admin to see, and only its id is logged.
 */
export async function queueMail(ctx: Ctx, mail: Mail): Promise<string> {
  const held = !ctx.config.smtpUrl;
  const [row] = await ctx.db
    .insert(outbox)
    .values({
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      attachments: mail.attachments ?? [],
      status: held ? 'held' : 'pending',
    })
    .returning({ id: outbox.id });
  const id = row?.id ?? '';
  if (held) ctx.logger.info({ outboxId: id }, 'mail held in outbox (SMTP_URL is not set)');
  return id;
}

type PendingMail = {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  attachments: MailAttachment[];
  attempts: number;
};

let transport: { url: string; transporter: Transporter } | null = null;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/** Sends pending mail through SMTP. Rows are claimed with SKIP LOCKED so parallel servers never send one twice. */
export async function deliverPendingMail(services: AppServices): Promise<{ sent: number; failed: number }> {
  const { smtpUrl, mailFrom } = services.config;
  if (!smtpUrl) return { sent: 0, failed: 0 };
  const batch = await rows<PendingMail>(
    services.database.db,
    sql`update outbox set locked_until = now() + interval '2 minutes', attempts = attempts + 1
        where id in (select id from outbox where status = 'pending' and (locked_until is null or locked_until < now())
                     order by created_at limit 20 for update skip locked)
        returning id, to_address, subject, text_body, attachments, attempts`,
  );
  let sent = 0;
  let failed = 0;
  for (const mail of batch) {
    try {
      await transporterFor(smtpUrl).sendMail({
        from: mailFrom,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, 'base64'),
        })),
      });
      await services.database.db.execute(
        sql`update outbox set status = 'sent', sent_at = now(), locked_until = null, last_error = null where id = ${mail.id}`,
      );
      sent++;
    } catch (error) {
      const code = String((error as { code?: string }).code ?? 'send_failed');
      const status = mail.attempts >= 5 ? 'failed' : 'pending';
      await services.database.db.execute(
        sql`update outbox set status = ${status}, locked_until = now() + make_interval(secs => ${30 * mail.attempts}),
            last_error = ${code} where id = ${mail.id}`,
      );
      failed++;
    }
  }
  return { sent, failed };
}
