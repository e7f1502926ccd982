import type { InviteValues } from "./invite-input";

/** What the invitation action answers to its form (messages already translated). */
export interface InviteState {
  ok?: boolean;
  invitation?: { id: number; email: string; prenom: string; nom: string };
  formError?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, so a refused form keeps it (also without JavaScript). */
  values?: InviteValues;
}
