// Request and response schemas of the /portail/transaction-etapes endpoints (SPEC.md §4).
import { z } from "zod";
import { statutEtapeSchema } from "./enums.ts";
import { paginationQuerySchema } from "./pagination.ts";
import { calendarDateSchema, timeOfDaySchema } from "./transactions.ts";

const titreSchema = z.string().trim().min(1).max(200);
const descriptionSchema = z.string().trim().max(5000);

export const etapeSchema = z
  .object({
    id: z.number().int(),
    transaction_id: z.number().int(),
    titre: z.string(),
    description: z.string().nullable(),
    ordre: z.number().int().meta({ description: "Position in the list, from 1" }),
    statut: statutEtapeSchema,
    date_planifiee: calendarDateSchema.nullable(),
    heure_planifiee: timeOfDaySchema.nullable().meta({ description: "HH:MM" }),
    date_completion: z.string().nullable().meta({ description: "Set when statut became complete" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({
    id: "Etape",
    example: {
      id: 31,
      transaction_id: 12,
      titre: "Inspection du bâtiment",
      description: "Avec M. Gagnon, inspecteur agréé",
      ordre: 3,
      statut: "planifie",
      date_planifiee: "2026-03-01",
      heure_planifiee: "09:30",
      date_completion: null,
      created_at: "2026-01-15T14:00:00.000Z",
      updated_at: "2026-02-20T09:12:00.000Z",
    },
  });
export type Etape = z.infer<typeof etapeSchema>;

export const createEtapeBodySchema = z
  .object({
    transaction_id: z.number().int().positive(),
    titre: titreSchema,
    description: descriptionSchema.nullish(),
    ordre: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: "Position to insert at (the others move down); last by default" }),
    statut: statutEtapeSchema.default("a_planifier"),
    date_planifiee: calendarDateSchema.nullish(),
    heure_planifiee: timeOfDaySchema.nullish(),
  })
  .meta({
    id: "CreateEtapeBody",
    example: {
      transaction_id: 12,
      titre: "Inspection du bâtiment",
      statut: "planifie",
      date_planifiee: "2026-03-01",
      heure_planifiee: "09:30",
    },
  });
export type CreateEtapeBody = z.input<typeof createEtapeBodySchema>;

export const updateEtapeBodySchema = z
  .object({
    titre: titreSchema.optional(),
    description: descriptionSchema.nullish(),
    ordre: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: "Moves the étape to this position; the others follow" }),
    statut: statutEtapeSchema.optional().meta({
      description: "`complete` records date_completion; leaving `complete` clears it",
    }),
    date_planifiee: calendarDateSchema.nullish(),
    heure_planifiee: timeOfDaySchema.nullish(),
  })
  .meta({ id: "UpdateEtapeBody", example: { statut: "complete" } });
export type UpdateEtapeBody = z.input<typeof updateEtapeBodySchema>;

export const etapeListQuerySchema = paginationQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(100),
});

export const etapePageSchema = z
  .object({
    items: z.array(etapeSchema),
    total: z.number().int(),
    skip: z.number().int(),
    limit: z.number().int(),
  })
  .meta({ id: "EtapePage" });

export const reorderEtapesBodySchema = z
  .object({
    ids: z
      .array(z.number().int().positive())
      .min(1)
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, "Each id must appear once")
      .meta({ description: "Every étape id of the transaction, in the new order" }),
  })
  .meta({ id: "ReorderEtapesBody", example: { ids: [33, 31, 32] } });
