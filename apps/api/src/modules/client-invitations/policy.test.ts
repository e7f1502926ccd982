import { describe, expect, it } from "vitest";
import type { Actor } from "../../types.ts";
import {
  authorizeContactEdit,
  authorizeResend,
  authorizeStatutChange,
  canChangeStatut,
  canEditContact,
  canManageInvitation,
  canResend,
} from "./policy.ts";

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  id: 7,
  role: "courtier",
  email: "marie@example.com",
  first_name: "Marie",
  last_name: "Dubois",
  locale: "fr",
  client_invitation_id: null,
  session_id: "s",
  ...overrides,
});
const invitation = (statut: "invite" | "actif" | "inactif", courtier_id = 7) => ({
  statut,
  courtier_id,
});

describe("invitation policy", () => {
  it("lets only the broker who invited manage the invitation", () => {
    expect(canManageInvitation(actor(), invitation("invite"))).toBe(true);
    expect(canManageInvitation(actor({ id: 8 }), invitation("invite"))).toBe(false);
    expect(
      canManageInvitation(actor({ role: "client", client_invitation_id: 1 }), invitation("actif")),
    ).toBe(false);
    expect(canManageInvitation(actor({ role: "admin" }), invitation("actif"))).toBe(false);
  });

  it.each([
    ["invite", true, false, true],
    ["actif", false, true, false],
    ["inactif", false, true, false],
  ] as const)(
    "for an %s invitation: contact %s, statut %s, resend %s",
    (statut, contact, change, resend) => {
      expect(canEditContact(invitation(statut))).toBe(contact);
      expect(canChangeStatut(invitation(statut))).toBe(change);
      expect(canResend(invitation(statut))).toBe(resend);
    },
  );

  it("answers a refused state change with a 409 CONFLICT", () => {
    for (const check of [
      () => authorizeContactEdit(invitation("actif")),
      () => authorizeStatutChange(invitation("invite")),
      () => authorizeResend(invitation("inactif")),
    ]) {
      expect(check).toThrowError(expect.objectContaining({ code: "CONFLICT", statusCode: 409 }));
    }
    expect(() => authorizeContactEdit(invitation("invite"))).not.toThrow();
  });
});
