import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on an ephemeral port that keeps what it accepted, parsed. It can be stopped
 * and started again on the same port (SMTP down), and made to hold its answer to a message.
 */
export class SmtpSink {
  readonly mails: ParsedMail[] = [];
  /**
   * While set, a message's answer waits for it (the sender sits mid-transaction), then refuses the
   * message (a temporary failure): its sender was meant to die meanwhile.
   */
  hold?: Promise<void>;
  /** Resolves when a message arrived and is being held. */
  onHeld?: () => void;
  private server?: SMTPServer;
  port = 0;

  async start(port = this.port): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          async (mail) => {
            if (this.hold) {
              this.onHeld?.();
              await this.hold;
              return callback(Object.assign(new Error('held'), { responseCode: 451 }));
            }
            this.mails.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Accepted messages to `address`. */
  to(address: string): ParsedMail[] {
    return this.mails.filter((mail) => JSON.stringify(mail.to).includes(address));
  }
}
