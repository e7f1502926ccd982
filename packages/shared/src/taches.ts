import { z } from "zod";
import {
  TACHE_CATEGORIE_MAX_LENGTH,
  TACHE_DESCRIPTION_MAX_LENGTH,
  TACHE_TITRE_MAX_LENGTH,
} from "./constants.ts";
import { prioriteSchema } from "./enums.ts";
import { pageSchema, paginationQuerySchema } from "./pagination.ts";

// Request and response schemas of /portail/transaction-taches (SPEC.md §4).

export {
  TACHE_CATEGORIE_MAX_LENGTH,
  TACHE_DESCRIPTION_MAX_LENGTH,
  TACHE_TITRE_MAX_LENGTH,
} from "./constants.ts";
/** Open tasks due from today through this many days count as « à venir ». */
export const TACHE_A_VENIR_DAYS = 7;

const noNulCharacter = (value: string) => !value.includes("\u0000");

/**
 * A calendar date, never a timestamp: 'YYYY-MM-DD' from the form to the database and back,
 * so it cannot shift by a day in Québec's time zone. Impossible dates (2026-02-30) are refused.
 */
export const tacheEcheanceSchema = z.iso
  .date()
  .meta({ description: "Calendar date YYYY-MM-DD (no time zone)", example: "2026-03-01" });

const titreSchema = z
  .string()
  .trim()
  .min(1)
  .max(TACHE_TITRE_MAX_LENGTH)
  .refine(noNulCharacter, "Must not contain NUL characters")
  .meta({ example: "Fournir la lettre d'emploi" });

/** Optional free text: trimmed, and blank means none (stored as null). */
const optionalText = (max: number, example: string) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(noNulCharacter, "Must not contain NUL characters")
    .nullable()
    .transform((value) => value || null)
    .meta({ description: "Blank or null clears it", example });

const descriptionSchema = optionalText(
  TACHE_DESCRIPTION_MAX_LENGTH,
  "Votre employeur peut l'envoyer directement au prêteur.",
);
const categorieSchema = optionalText(TACHE_CATEGORIE_MAX_LENGTH, "Financement");

export const tacheCreateBodySchema = z
  .object({
    transaction_id: z.number().int().positive().meta({ example: 12 }),
    titre: titreSchema,
    description: descriptionSchema.optional(),
    priorite: prioriteSchema.default("moyenne"),
    categorie: categorieSchema.optional(),
    echeance: tacheEcheanceSchema.nullable().optional(),
  })
  .meta({ id: "TacheCreateBody" });
export type TacheCreateBody = z.input<typeof tacheCreateBodySchema>;

export const tacheUpdateBodySchema = z
  .object({
    titre: titreSchema.optional(),
    description: descriptionSchema.optional(),
    priorite: prioriteSchema.optional(),
    categorie: categorieSchema.optional(),
    echeance: tacheEcheanceSchema.nullable().optional(),
    completee: z.boolean().optional().meta({
      description: "Completing sets date_completion (kept if already set); reopening clears it",
    }),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Provide at least one field to update",
  })
  .meta({ id: "TacheUpdateBody" });
export type TacheUpdateBody = z.input<typeof tacheUpdateBodySchema>;

export const tacheListQuerySchema = paginationQuerySchema.extend({
  completee: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .meta({ description: "true: completed tasks only; false: open tasks only" }),
  priorite: prioriteSchema.optional(),
});
export type TacheListQuery = z.input<typeof tacheListQuerySchema>;

export const tacheSchema = z
  .object({
    id: z.number().int(),
    transaction_id: z.number().int(),
    titre: z.string(),
    description: z.string().nullable(),
    priorite: prioriteSchema,
    categorie: z.string().nullable(),
    echeance: z.string().nullable().meta({ description: "Calendar date YYYY-MM-DD" }),
    completee: z.boolean(),
    date_completion: z.string().nullable().meta({ description: "ISO 8601 timestamp" }),
    en_retard: z.boolean().meta({
      description: "Open and due before today's date in Québec (America/Montreal)",
    }),
    cree_par: z
      .object({ id: z.number().int(), first_name: z.string(), last_name: z.string() })
      .nullable()
      .meta({ description: "Who created it; null once that account is gone" }),
    date_creation: z.string(),
    updated_at: z.string(),
  })
  .meta({
    id: "Tache",
    example: {
      id: 7,
      transaction_id: 12,
      titre: "Fournir la lettre d'emploi",
      description: null,
      priorite: "haute",
      categorie: "Financement",
      echeance: "2026-03-01",
      completee: false,
      date_completion: null,
      en_retard: false,
      cree_par: { id: 3, first_name: "Marie", last_name: "Dubois" },
      date_creation: "2026-02-20T14:00:00.000Z",
      updated_at: "2026-02-20T14:00:00.000Z",
    },
  });
export type Tache = z.infer<typeof tacheSchema>;

export const tacheCountsSchema = z
  .object({
    total: z.number().int(),
    actives: z.number().int().meta({ description: "Open tasks" }),
    completees: z.number().int(),
    en_retard: z.number().int().meta({
      description: "Open tasks due before today (America/Montreal); one due today is not late",
    }),
    a_venir: z
      .number()
      .int()
      .meta({
        description: `Open tasks due from today through the next ${TACHE_A_VENIR_DAYS} days`,
      }),
  })
  .meta({ id: "TacheCounts", description: "Counts over the whole transaction, ignoring filters" });
export type TacheCounts = z.infer<typeof tacheCountsSchema>;

export const tachePageSchema = pageSchema(tacheSchema)
  .extend({ counts: tacheCountsSchema })
  .meta({
    id: "TachePage",
    description:
      "Open tasks first, then by echeance (none last), then priority. `total` counts the " +
      "filtered list; `counts` the whole transaction.",
  });
export type TachePage = z.infer<typeof tachePageSchema>;
