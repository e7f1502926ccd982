import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Config } from "../config.ts";

export interface OutgoingEmail {
  id: number;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface MailTransport {
  kind: "smtp" | "file";
  send(email: OutgoingEmail): Promise<{ messageId: string; file?: string }>;
  close(): void;
}

/**
 * SMTP when MAIL_SERVER is set; otherwise nodemailer still builds the real message but it is
 * written as an .eml file under DATA_DIR/mail/, so local use needs no mail server.
 */
export function createMailTransport(config: Config): MailTransport {
  const { mail } = config;
  if (mail.server) {
    const transporter = nodemailer.createTransport({
      host: mail.server,
      port: mail.port,
      secure: mail.secure,
      auth: mail.username ? { user: mail.username, pass: mail.password ?? "" } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return {
      kind: "smtp",
      async send(email) {
        const info = await transporter.sendMail({ from: mail.from, ...email });
        return { messageId: info.messageId };
      },
      close: () => transporter.close(),
    };
  }

  const dir = path.resolve(config.dataDir, "mail");
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    kind: "file",
    async send(email) {
      const info = await transporter.sendMail({ from: mail.from, ...email });
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const file = path.join(dir, `${stamp}-${email.id}.eml`);
      await writeFile(file, info.message as Buffer);
      return { messageId: info.messageId, file };
    },
    close: () => transporter.close(),
  };
}
