import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { RenderedEmail } from './email-templates';

export interface OutgoingEmail extends RenderedEmail {
  to: string;
  /** Derived from the job: a message sent twice (a crash after SMTP took it) shows as one id. */
  id: string;
}

/**
 * Sends through SMTP at SMTP_URL; without it (development), writes each email as an .eml file to
 * EMAIL_DIR, where any mail program opens it. A failure throws, and the email job retries.
 */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly logger = new Logger('MailerService');
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.email.smtpUrl
      ? nodemailer.createTransport(config.email.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(email: OutgoingEmail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${email.id}@mindsp.local>`,
    });
    if (this.config.email.smtpUrl) return;
    await mkdir(this.config.email.dir, { recursive: true });
    const file = join(this.config.email.dir, `${email.id}.eml`);
    await writeFile(file, (info as unknown as { message: Buffer }).message);
    this.logger.log(`email to ${email.to} written to ${file}`);
  }

  onApplicationShutdown() {
    this.transport.close();
  }
}
