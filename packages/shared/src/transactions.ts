// Request and response schemas of the /portail/transactions endpoints (SPEC.md §4).
import { z } from "zod";
import {
  prioriteSchema,
  roleSchema,
  statutEtapeSchema,
  statutInvitationSchema,
  statutTransactionSchema,
  typeDocumentSchema,
  typeProjetSchema,
} from "./enums.ts";
import { paginationQuerySchema } from "./pagination.ts";

/**
 * A calendar date 'YYYY-MM-DD' (no time, no zone): sent, stored and read back as the same
 * string, so it never shifts by a day in Québec's time zone. Impossible dates are refused.
 */
export const calendarDateSchema = z.iso
  .date({ message: "Expected a date YYYY-MM-DD" })
  .meta({ example: "2026-03-01" });

/** A time of day 'HH:MM' (or 'HH:MM:SS' on input). */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, "Expected a time HH:MM")
  .meta({ example: "14:30" });

/**
 * An amount of money as a decimal string ("450000.00"), never a float: >= 0, at most 10
 * digits before the point (numeric(12,2)) and 2 after.
 */
export const moneySchema = z
  .string()
  .trim()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'Expected an amount such as "450000.00"')
  .meta({ example: "450000.00" });

const addressSchema = z.string().trim().max(300);
const villeSchema = z.string().trim().max(120);

export const brokerContactSchema = z
  .object({
    id: z.number().int(),
    first_name: z.string(),
    last_name: z.string(),
    email: z.string(),
    telephone: z.string().nullable(),
  })
  .meta({ id: "BrokerContact" });
export type BrokerContact = z.infer<typeof brokerContactSchema>;

export const transactionClientSchema = z
  .object({
    invitation_id: z.number().int(),
    prenom: z.string(),
    nom: z.string(),
    email: z.string(),
    telephone: z.string().nullable(),
    statut: statutInvitationSchema,
  })
  .meta({ id: "TransactionClient" });

export const transactionSchema = z
  .object({
    id: z.number().int(),
    client_invitation_id: z.number().int(),
    courtier_id: z.number().int(),
    type: typeProjetSchema,
    statut: statutTransactionSchema,
    progression: z.number().int().min(0).max(100),
    date_debut: calendarDateSchema.nullable(),
    date_fin: calendarDateSchema.nullable(),
    adresse: z.string().nullable(),
    ville: z.string().nullable(),
    prix_offert: moneySchema.nullable(),
    prix_accepte: moneySchema.nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    client: transactionClientSchema,
    courtier: brokerContactSchema,
  })
  .meta({
    id: "Transaction",
    example: {
      id: 12,
      client_invitation_id: 4,
      courtier_id: 1,
      type: "achat",
      statut: "financement",
      progression: 65,
      date_debut: "2026-01-15",
      date_fin: null,
      adresse: "1234, rue Saint-Denis",
      ville: "Montréal",
      prix_offert: "475000.00",
      prix_accepte: "465000.00",
      created_at: "2026-01-15T14:00:00.000Z",
      updated_at: "2026-02-20T09:12:00.000Z",
      client: {
        invitation_id: 4,
        prenom: "Sophie",
        nom: "Tremblay",
        email: "sophie.tremblay@example.com",
        telephone: "514-555-0142",
        statut: "actif",
      },
      courtier: {
        id: 1,
        first_name: "Marie",
        last_name: "Dubois",
        email: "marie.dubois@example.com",
        telephone: "514-555-0123",
      },
    },
  });
export type Transaction = z.infer<typeof transactionSchema>;

export const createTransactionBodySchema = z
  .object({
    client_invitation_id: z.number().int().positive(),
    type: typeProjetSchema
      .optional()
      .meta({ description: "Defaults to the invitation's type_projet" }),
    progression: z.number().int().min(0).max(100).default(0),
    adresse: addressSchema.nullish(),
    ville: villeSchema.nullish(),
    prix_offert: moneySchema.nullish(),
    prix_accepte: moneySchema.nullish(),
    date_debut: calendarDateSchema.nullish(),
    date_fin: calendarDateSchema.nullish(),
    etapes_par_defaut: z
      .boolean()
      .default(true)
      .meta({ description: "Seed the usual Québec étapes for the type, in the client's language" }),
  })
  .meta({
    id: "CreateTransactionBody",
    example: { client_invitation_id: 4, type: "vente", date_debut: "2026-03-01" },
  });
export type CreateTransactionBody = z.input<typeof createTransactionBodySchema>;

export const updateTransactionBodySchema = z
  .object({
    type: typeProjetSchema.optional(),
    adresse: addressSchema.nullish(),
    ville: villeSchema.nullish(),
    prix_offert: moneySchema.nullish(),
    prix_accepte: moneySchema.nullish(),
    date_debut: calendarDateSchema.nullish(),
    date_fin: calendarDateSchema.nullish(),
    statut: statutTransactionSchema.optional().meta({
      description:
        "`annulee` cancels the transaction. Any other value un-cancels it and must be the statut " +
        "derived from the progression (statutFromProgression).",
    }),
  })
  .meta({
    id: "UpdateTransactionBody",
    example: { adresse: "1234, rue Saint-Denis", ville: "Montréal", prix_offert: "475000.00" },
  });
export type UpdateTransactionBody = z.input<typeof updateTransactionBodySchema>;

export const progressionBodySchema = z
  .object({ progression: z.number().int().min(0).max(100) })
  .meta({ id: "ProgressionBody", example: { progression: 65 } });

export const TRANSACTION_SORTS = [
  "created_at",
  "-created_at",
  "updated_at",
  "-updated_at",
  "progression",
  "-progression",
  "date_debut",
  "-date_debut",
  "client",
  "-client",
  "ville",
  "-ville",
] as const;

export const courtierTransactionsQuerySchema = paginationQuerySchema.extend({
  statut: statutTransactionSchema.optional(),
  type: typeProjetSchema.optional(),
  client_invitation_id: z.coerce.number().int().positive().optional(),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: "Client name, ville or adresse; ignores case and accents" }),
  sort: z
    .enum(TRANSACTION_SORTS)
    .default("-created_at")
    .meta({ description: "Field to sort on; a leading '-' sorts descending" }),
});
export type CourtierTransactionsQuery = z.input<typeof courtierTransactionsQuerySchema>;

export const transactionPageSchema = z
  .object({
    items: z.array(transactionSchema),
    total: z.number().int(),
    skip: z.number().int(),
    limit: z.number().int(),
  })
  .meta({ id: "TransactionPage" });

// ---------------------------------------------------------------------------------------------
// The client dashboard (GET /portail/transactions/client).

export const clientDashboardQuerySchema = z.object({
  transaction_id: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: "Another of the client's transactions; the current one by default" }),
});

export const transactionSummarySchema = z
  .object({
    id: z.number().int(),
    type: typeProjetSchema,
    statut: statutTransactionSchema,
    progression: z.number().int(),
    adresse: z.string().nullable(),
    date_debut: calendarDateSchema.nullable(),
    created_at: z.string(),
  })
  .meta({ id: "TransactionSummary" });

export const accessFlagsSchema = z
  .object({
    acces_documents: z.boolean(),
    acces_messagerie: z.boolean(),
    acces_taches: z.boolean(),
    acces_calendrier: z.boolean(),
    acces_proprietes: z.boolean(),
  })
  .meta({ id: "AccessFlags" });
export type AccessFlagsBody = z.infer<typeof accessFlagsSchema>;

const gatedCount = z.number().int().nullable();
export const dashboardStatsSchema = z
  .object({
    documents: gatedCount.meta({ description: "null without acces_documents" }),
    documents_nouveaux: gatedCount.meta({ description: "Not opened yet by the client" }),
    unread_messages: gatedCount.meta({ description: "Sent by the broker, not read yet" }),
    open_tasks: gatedCount.meta({ description: "null without acces_taches" }),
    overdue_tasks: gatedCount.meta({ description: "Open, echeance before today in Québec" }),
    upcoming_etapes: z.number().int().meta({ description: "Étapes not complete" }),
  })
  .meta({ id: "DashboardStats" });

export const dashboardEtapeSchema = z
  .object({
    id: z.number().int(),
    titre: z.string(),
    description: z.string().nullable(),
    ordre: z.number().int(),
    statut: statutEtapeSchema,
    date_planifiee: calendarDateSchema.nullable(),
    heure_planifiee: timeOfDaySchema.nullable(),
  })
  .meta({ id: "DashboardEtape" });

const personName = z.object({ first_name: z.string(), last_name: z.string() });

export const dashboardDocumentSchema = z
  .object({
    id: z.number().int(),
    nom: z.string(),
    type: typeDocumentSchema,
    categorie: z.string(),
    taille: z.number().int(),
    mime_type: z.string(),
    date_partage: z.string(),
    nouveau: z.boolean(),
    partage_par: personName.nullable(),
  })
  .meta({ id: "DashboardDocument" });

export const dashboardMessageSchema = z
  .object({
    id: z.number().int(),
    message: z.string(),
    date_envoi: z.string(),
    lu: z.boolean(),
    expediteur: personName.extend({ id: z.number().int(), role: roleSchema }),
  })
  .meta({ id: "DashboardMessage" });

export const dashboardTacheSchema = z
  .object({
    id: z.number().int(),
    titre: z.string(),
    description: z.string().nullable(),
    priorite: prioriteSchema,
    categorie: z.string().nullable(),
    echeance: calendarDateSchema.nullable(),
    en_retard: z.boolean().meta({ description: "echeance is before today in Québec" }),
  })
  .meta({ id: "DashboardTache" });

export const DASHBOARD_LIST_SIZE = 5;

export const clientDashboardSchema = z
  .object({
    transaction: transactionSchema.nullable().meta({
      description:
        "The selected transaction: the latest neither complete nor annulee, else the latest. " +
        "null when the broker has not opened any transaction yet (show « no transaction yet »).",
    }),
    transactions: z
      .array(transactionSummarySchema)
      .meta({ description: "All the client's transactions, newest first (for a switcher)" }),
    courtier: brokerContactSchema,
    acces: accessFlagsSchema,
    stats: dashboardStatsSchema,
    prochaines_etapes: z
      .array(dashboardEtapeSchema)
      .meta({ description: `Up to ${DASHBOARD_LIST_SIZE} étapes not complete, by ordre` }),
    documents_recents: z
      .array(dashboardDocumentSchema)
      .nullable()
      .meta({ description: "Latest shared; null without acces_documents" }),
    messages_recents: z
      .array(dashboardMessageSchema)
      .nullable()
      .meta({ description: "Latest first; null without acces_messagerie" }),
    taches_ouvertes: z
      .array(dashboardTacheSchema)
      .nullable()
      .meta({ description: "Open tasks by echeance; null without acces_taches" }),
  })
  .meta({ id: "ClientDashboard" });
export type ClientDashboard = z.infer<typeof clientDashboardSchema>;
