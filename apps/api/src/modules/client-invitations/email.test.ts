import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../../test/context.ts";
import { createBroker, uniqueEmail } from "../../../test/factories.ts";
import { startSmtpServer } from "../../../test/smtp.ts";
import { byToken, invite } from "./testing.ts";

// The invitation email as a client receives it, through a real SMTP server.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});
const ctx = useTestApp(() => ({
  MAIL_SERVER: "127.0.0.1",
  MAIL_PORT: String(smtp.port),
  INVITATION_TTL_DAYS: "5",
  FRONTEND_URL: "https://portail.example.com",
}));

const HOSTILE_PRENOM = '<script>alert("prénom")</script>';
const HOSTILE_NOM = "O'Brien & <b>Fils</b>";
const HOSTILE_MESSAGE =
  'Bonjour <img src=x onerror="alert(1)">,\nVoici votre portail.\n\n<a href="http://evil.example.com">Cliquez ici</a>';

async function receive(email: string) {
  await ctx.app.mailer.worker.drain();
  const mail = smtp.received.find((m) => m.to.includes(email));
  expect(mail, `no email received for ${email}`).toBeDefined();
  return mail!.parsed;
}

async function hostileInvitation(locale: "fr" | "en") {
  const broker = await createBroker(ctx, {
    first_name: "Marie",
    last_name: "Dubois",
    telephone: "514-555-0123",
  });
  const email = uniqueEmail(`accueil-${locale}`);
  await invite(ctx, broker, {
    email,
    prenom: HOSTILE_PRENOM,
    nom: HOSTILE_NOM,
    message_personnalise: HOSTILE_MESSAGE,
    locale,
  });
  return { broker, email, mail: await receive(email) };
}

function activationLink(html: string, locale: string) {
  const match = new RegExp(
    `href="(https://portail\\.example\\.com/${locale}/portail-client/activation/([A-Za-z0-9_-]{43}))"`,
  ).exec(html);
  expect(match, html).not.toBeNull();
  return { link: match![1]!, token: match![2]! };
}

function expectEscaped(html: string) {
  expect(html).not.toContain("<script");
  expect(html).not.toContain("<img");
  expect(html).not.toContain("<b>Fils");
  expect(html).not.toContain('href="http://evil.example.com"');
  expect(html).toContain("&lt;script&gt;alert(&quot;prénom&quot;)&lt;/script&gt;");
  expect(html).toContain("O&#39;Brien &amp; &lt;b&gt;Fils&lt;/b&gt;");
  expect(html).toContain(
    "Bonjour &lt;img src=x onerror=&quot;alert(1)&quot;&gt;,<br>Voici votre portail.<br><br>&lt;a href=",
  );
}

describe("the invitation email", () => {
  it("reaches the client in French with everything they need, hostile input escaped", async () => {
    const { broker, email, mail } = await hostileInvitation("fr");
    expect(mail.subject).toBe("Marie Dubois vous invite à votre portail client");
    const html = String(mail.html);
    expect(html).toContain('lang="fr"');
    expectEscaped(html);
    expect(html).toContain("Marie Dubois");
    expect(html).toContain(`mailto:${broker.user.email}`);
    expect(html).toContain("514-555-0123");
    expect(html).toContain("Activer mon compte");
    expect(html).toContain("Ce lien est valide pendant 5 jours");
    const { link, token } = activationLink(html, "fr");
    // The button and the plain link carry the same URL.
    expect(html.split(link).length - 1).toBeGreaterThanOrEqual(3);

    const text = mail.text ?? "";
    expect(text).toContain(`Bonjour ${HOSTILE_PRENOM} ${HOSTILE_NOM},`);
    expect(text).toContain(HOSTILE_MESSAGE);
    expect(text).toContain(`Activer mon compte : ${link}`);
    expect(text).toContain("5 jours");
    expect(text).toContain("514-555-0123");

    // The link works: the activation page finds the invitation.
    const check = await byToken(ctx, token);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().email).toBe(email);
  });

  it("reaches the client in English when the invitation is in English", async () => {
    const { mail } = await hostileInvitation("en");
    expect(mail.subject).toBe("Marie Dubois invites you to your client portal");
    const html = String(mail.html);
    expect(html).toContain('lang="en"');
    expectEscaped(html);
    expect(html).toContain("Activate my account");
    expect(html).toContain("This link is valid for 5 days");
    expect(html).toContain("Message from Marie Dubois:");
    const { link } = activationLink(html, "en");
    expect(mail.text).toContain(`Activate my account: ${link}`);
    expect(mail.text).not.toMatch(/Bonjour [^<]/);
  });

  it("leaves out the message block when the broker wrote none", async () => {
    const broker = await createBroker(ctx, { telephone: null });
    const email = uniqueEmail("sans-message");
    await invite(ctx, broker, { email, message_personnalise: undefined });
    const mail = await receive(email);
    expect(String(mail.html)).not.toContain("Message de");
    expect(String(mail.html)).not.toContain("<blockquote");
    expect(mail.text).not.toContain("Message de");
  });

  it("is sent again with a new link on resend", async () => {
    const broker = await createBroker(ctx);
    const email = uniqueEmail("relance");
    const created = await invite(ctx, broker, { email });
    const first = activationLink(String((await receive(email)).html), "fr");
    const resent = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/client-invitations/${created.id}/resend`,
      headers: broker.auth,
    });
    expect(resent.statusCode).toBe(200);
    await ctx.app.mailer.worker.drain();
    const mails = smtp.received.filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(2);
    const second = activationLink(String(mails[1]!.parsed.html), "fr");
    expect(second.token).not.toBe(first.token);
  });
});
