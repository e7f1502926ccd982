import { AppError } from "../../lib/errors.ts";
import { authorize, isOwnerBroker } from "../../lib/policy.ts";
import type { Actor } from "../../types.ts";

// What a broker may do with one of their invitations, depending on where it stands. Loading is
// already scoped to the broker (another broker's invitation is not found → 404); these rules
// answer 409 for a legitimate owner asking for something the invitation's state forbids.

type InvitationState = { courtier_id: number; statut: "invite" | "actif" | "inactif" };

export const canManageInvitation = (actor: Actor, invitation: { courtier_id: number }) =>
  isOwnerBroker(actor, invitation);

/** Name, email, phone, project and message belong to the invitation until the client takes over. */
export const canEditContact = (invitation: InvitationState) => invitation.statut === "invite";

/** Only an activated client can be switched off and on again. */
export const canChangeStatut = (invitation: InvitationState) => invitation.statut !== "invite";

/** A new link makes sense only while nobody has used one. */
export const canResend = (invitation: InvitationState) => invitation.statut === "invite";

export function authorizeManage(actor: Actor, invitation: InvitationState) {
  authorize(
    canManageInvitation(actor, invitation),
    new AppError("NOT_FOUND", "Invitation not found"),
  );
}

export function authorizeContactEdit(invitation: InvitationState) {
  authorize(
    canEditContact(invitation),
    new AppError(
      "CONFLICT",
      "Contact details can only change before the client activates the invitation",
    ),
  );
}

export function authorizeStatutChange(invitation: InvitationState) {
  authorize(
    canChangeStatut(invitation),
    new AppError(
      "CONFLICT",
      "The statut can only change once the client has activated the invitation",
    ),
  );
}

export function authorizeResend(invitation: InvitationState) {
  authorize(
    canResend(invitation),
    new AppError("CONFLICT", "This invitation was already activated; there is nothing to resend"),
  );
}
