// Request and response schemas of the /client-invitations endpoints (SPEC.md §4).
import { z } from "zod";
import { emailSchema, passwordSchema } from "./auth.ts";
import { INVITATION_SORTS, MESSAGE_PERSONNALISE_MAX } from "./constants.ts";
import {
  localeSchema,
  statutInvitationSchema,
  statutTransactionSchema,
  typeProjetSchema,
} from "./enums.ts";
import { pageSchema, paginationQuerySchema } from "./pagination.ts";

export { ACCESS_FLAGS, INVITATION_SORTS, MESSAGE_PERSONNALISE_MAX } from "./constants.ts";

const nameSchema = z.string().trim().min(1).max(100);
const telephoneSchema = z.string().trim().max(30);
const messageSchema = z.string().trim().max(MESSAGE_PERSONNALISE_MAX);
const timestamp = z.string().meta({ format: "date-time", example: "2026-11-24T14:30:00.000Z" });

export const invitationCreateBodySchema = z
  .object({
    prenom: nameSchema.meta({ example: "Sophie" }),
    nom: nameSchema.meta({ example: "Tremblay" }),
    email: emailSchema.meta({ example: "sophie.tremblay@example.com" }),
    telephone: telephoneSchema.optional().meta({ example: "514-555-0199" }),
    type_projet: typeProjetSchema,
    message_personnalise: messageSchema
      .optional()
      .meta({ example: "Bonjour Sophie, voici votre portail pour suivre votre achat." }),
    acces_documents: z.boolean().default(true),
    acces_messagerie: z.boolean().default(true),
    acces_taches: z.boolean().default(true),
    acces_calendrier: z.boolean().default(true),
    acces_proprietes: z.boolean().default(true),
    locale: localeSchema.optional().meta({
      description: "Language of the email and of the seeded étapes; the broker's by default",
    }),
  })
  .meta({ id: "InvitationCreate" });
export type InvitationCreateBody = z.input<typeof invitationCreateBodySchema>;

export const invitationUpdateBodySchema = z
  .object({
    prenom: nameSchema.optional(),
    nom: nameSchema.optional(),
    email: emailSchema.optional(),
    telephone: telephoneSchema.nullable().optional(),
    type_projet: typeProjetSchema.optional(),
    message_personnalise: messageSchema.nullable().optional(),
    statut: z
      .enum(["actif", "inactif"])
      .optional()
      .meta({ description: "`inactif` cuts the client off at once; `actif` lets them back in" }),
    acces_documents: z.boolean().optional(),
    acces_messagerie: z.boolean().optional(),
    acces_taches: z.boolean().optional(),
    acces_calendrier: z.boolean().optional(),
    acces_proprietes: z.boolean().optional(),
  })
  .meta({
    id: "InvitationUpdate",
    description:
      "Contact fields change only while the invitation is `invite` (409 otherwise); statut only " +
      "between `actif` and `inactif` once activated; access flags at any time.",
    example: { acces_messagerie: false },
  });
export type InvitationUpdateBody = z.input<typeof invitationUpdateBodySchema>;

/** What the broker sees of the client's current transaction, computed with the list. */
export const invitationActivitySchema = z
  .object({
    progression: z.number().int().nullable().meta({ example: 65 }),
    transaction_statut: statutTransactionSchema.nullable(),
    documents: z.number().int().meta({ example: 4 }),
    messages_non_lus: z
      .number()
      .int()
      .meta({ description: "Messages from the client the broker has not read", example: 2 }),
    taches_completees: z.number().int().meta({ example: 3 }),
    taches_total: z.number().int().meta({ example: 5 }),
  })
  .meta({ id: "InvitationActivity" });
export type InvitationActivity = z.infer<typeof invitationActivitySchema>;

export const invitationSchema = z
  .object({
    id: z.number().int(),
    courtier_id: z.number().int(),
    prenom: z.string(),
    nom: z.string(),
    email: z.string(),
    telephone: z.string().nullable(),
    type_projet: typeProjetSchema,
    statut: statutInvitationSchema,
    locale: localeSchema,
    message_personnalise: z.string().nullable(),
    acces_documents: z.boolean(),
    acces_messagerie: z.boolean(),
    acces_taches: z.boolean(),
    acces_calendrier: z.boolean(),
    acces_proprietes: z.boolean(),
    date_invitation: timestamp,
    expires_at: timestamp
      .nullable()
      .meta({ description: "When the activation link stops working; null once activated" }),
    date_activation: timestamp.nullable(),
    derniere_connexion: timestamp.nullable(),
    transaction_id: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The client's current transaction", example: 12 }),
    activite: invitationActivitySchema,
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Invitation" });
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationFilterQuerySchema = z.object({
  statut: statutInvitationSchema.optional(),
  type_projet: typeProjetSchema.optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: "Name or email; ignores case and accents", example: "cote" }),
  sort: z.enum(INVITATION_SORTS).default("date_invitation"),
  order: z
    .enum(["asc", "desc"])
    .optional()
    .meta({ description: "Default: desc for dates and progression, asc for nom and statut" }),
});
export type InvitationFilterQuery = z.input<typeof invitationFilterQuerySchema>;

export const invitationListQuerySchema = invitationFilterQuerySchema.extend(
  paginationQuerySchema.shape,
);
export type InvitationListQuery = z.input<typeof invitationListQuerySchema>;

/** The stats cards of the clients list: all the broker's invitations, whatever the filters. */
export const invitationStatsSchema = z
  .object({
    total: z.number().int(),
    invites: z.number().int(),
    actifs: z.number().int(),
    inactifs: z.number().int(),
  })
  .meta({ id: "InvitationStats", example: { total: 6, invites: 2, actifs: 3, inactifs: 1 } });
export type InvitationStats = z.infer<typeof invitationStatsSchema>;

export const invitationPageSchema = pageSchema(invitationSchema)
  .extend({ stats: invitationStatsSchema })
  .meta({ id: "InvitationPage" });
export type InvitationPage = z.infer<typeof invitationPageSchema>;

export const invitationTokenParamsSchema = z.object({
  token: z.string().min(1).max(100).meta({ description: "The token of the emailed link" }),
});

/** The inviting broker as the client may see them: whom to contact about the link. */
export const courtierContactSchema = z
  .object({
    first_name: z.string(),
    last_name: z.string(),
    email: z.string(),
    telephone: z.string().nullable(),
  })
  .meta({
    id: "CourtierContact",
    example: {
      first_name: "Marie",
      last_name: "Dubois",
      email: "marie.dubois@example.com",
      telephone: "514-555-0123",
    },
  });
export type CourtierContact = z.infer<typeof courtierContactSchema>;

/** What the activation page shows before the client chooses a password. */
export const invitationPublicSchema = z
  .object({
    prenom: z.string(),
    nom: z.string(),
    email: z.string(),
    type_projet: typeProjetSchema,
    locale: localeSchema,
    courtier: courtierContactSchema,
    expires_at: timestamp,
  })
  .meta({
    id: "InvitationPublic",
    example: {
      prenom: "Sophie",
      nom: "Tremblay",
      email: "sophie.tremblay@example.com",
      type_projet: "achat",
      locale: "fr",
      courtier: {
        first_name: "Marie",
        last_name: "Dubois",
        email: "marie.dubois@example.com",
        telephone: "514-555-0123",
      },
      expires_at: "2026-12-01T14:30:00.000Z",
    },
  });
export type InvitationPublic = z.infer<typeof invitationPublicSchema>;

export const activationBodySchema = z
  .object({
    password: passwordSchema,
    first_name: nameSchema.optional().meta({ description: "Defaults to the invitation's prenom" }),
    last_name: nameSchema.optional().meta({ description: "Defaults to the invitation's nom" }),
  })
  .meta({ id: "InvitationActivation" });
export type ActivationBody = z.input<typeof activationBodySchema>;
