import { z } from "zod";
import { MESSAGE_MAX_LENGTH } from "./constants.ts";
import { roleSchema } from "./enums.ts";
import { MAX_PAGE_LIMIT } from "./pagination.ts";

// Request and response schemas of /portail/transaction-messages (SPEC.md §4, issue 3 item 7).

export { MESSAGE_MAX_LENGTH } from "./constants.ts";
export const MESSAGES_DEFAULT_LIMIT = 50;

/** PostgreSQL text cannot hold NUL; refusing it here keeps a paste accident a 400, not a 500. */
const noNulCharacter = (value: string) => !value.includes("\u0000");

export const messageCreateBodySchema = z
  .object({
    transaction_id: z.number().int().positive().meta({ example: 12 }),
    message: z
      .string()
      .trim()
      .min(1)
      .max(MESSAGE_MAX_LENGTH)
      .refine(noNulCharacter, "Must not contain NUL characters")
      .meta({
        description: "Trimmed; 1 to 5000 characters after trimming",
        example: "Bonjour Sophie, l'inspection est confirmée pour jeudi 10 h.",
      }),
  })
  .meta({ id: "MessageCreateBody" });
export type MessageCreateBody = z.input<typeof messageCreateBodySchema>;

/**
 * Opaque position of a message in its thread (its date_envoi and id). Only ever echoed back
 * from `next_before` / `next_after`; clients never build one.
 */
export const messageCursorSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, "Invalid cursor")
  .meta({ example: "WyIyMDI2LTAzLTAxVDE1OjA0OjA1LjEyMzQ1NloiLDQyXQ" });

export const messageListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(MESSAGES_DEFAULT_LIMIT),
    before: messageCursorSchema.optional().meta({
      description: "Messages older than this cursor (scrolling back); from `next_before`",
    }),
    after: messageCursorSchema.optional().meta({
      description: "Only messages newer than this cursor (polling); from `next_after`",
    }),
  })
  .refine((query) => !(query.before && query.after), {
    message: "Use either before or after, not both",
    path: ["after"],
  });
export type MessageListQuery = z.input<typeof messageListQuerySchema>;

export const messageSenderSchema = z
  .object({
    id: z.number().int(),
    first_name: z.string().meta({ example: "Marie" }),
    last_name: z.string().meta({ example: "Dubois" }),
    role: roleSchema,
  })
  .meta({ id: "MessageSender" });

export const messageSchema = z
  .object({
    id: z.number().int(),
    transaction_id: z.number().int(),
    message: z.string(),
    date_envoi: z
      .string()
      .meta({ description: "ISO 8601 timestamp", example: "2026-03-01T15:04:05.123Z" }),
    lu: z.boolean().meta({ description: "Read by its recipient" }),
    lu_at: z.string().nullable().meta({ description: "When the recipient first read it" }),
    expediteur: messageSenderSchema,
    mine: z.boolean().meta({ description: "True when the caller sent it" }),
  })
  .meta({
    id: "Message",
    example: {
      id: 42,
      transaction_id: 12,
      message: "Bonjour Sophie, l'inspection est confirmée pour jeudi 10 h.",
      date_envoi: "2026-03-01T15:04:05.123Z",
      lu: false,
      lu_at: null,
      expediteur: { id: 3, first_name: "Marie", last_name: "Dubois", role: "courtier" },
      mine: true,
    },
  });
export type Message = z.infer<typeof messageSchema>;

export const messagePageSchema = z
  .object({
    items: z.array(messageSchema).meta({ description: "Oldest first (date_envoi, then id)" }),
    total: z.number().int().meta({ description: "Messages in the whole thread" }),
    skip: z.literal(0).meta({ description: "Always 0: this list pages with cursors" }),
    limit: z.number().int(),
    next_before: z.string().nullable().meta({
      description: "Pass as `before` to load older messages; null when this page starts the thread",
    }),
    next_after: z.string().nullable().meta({
      description:
        "Pass as `after` to poll for newer messages; null only for an empty thread without cursor",
    }),
    has_more_after: z.boolean().meta({
      description: "Newer messages than this page already exist: fetch again with next_after",
    }),
    unread_count: z
      .number()
      .int()
      .meta({ description: "Messages of the whole thread addressed to the caller and unread" }),
  })
  .meta({ id: "MessagePage" });
export type MessagePage = z.infer<typeof messagePageSchema>;

export const messageMarkAllReadQuerySchema = z.object({
  up_to: messageCursorSchema.optional().meta({
    description:
      "Only messages at or before this cursor (`next_after` of what is on screen), so a message " +
      "arriving meanwhile stays unread",
  }),
});

export const messageMarkAllReadResponseSchema = z
  .object({
    marked: z.number().int().meta({ description: "Messages newly marked read" }),
    unread_count: z.number().int().meta({ description: "Still unread for the caller" }),
  })
  .meta({ id: "MessageMarkAllReadResult" });
export type MessageMarkAllReadResult = z.infer<typeof messageMarkAllReadResponseSchema>;
