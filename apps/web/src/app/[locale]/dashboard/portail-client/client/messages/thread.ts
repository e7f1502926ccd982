import type { Message } from "@portail/shared";
import { QUEBEC_TIME_ZONE } from "@/lib/constants/portail-client";

/** A message on screen: from the API, or one the client just sent that the API has not confirmed. */
export interface ThreadMessage {
  /** Stable React key: `m<id>` once saved, a local id while sending. */
  key: string;
  id: number | null;
  message: string;
  date_envoi: string;
  mine: boolean;
  expediteur: Pick<Message["expediteur"], "id" | "first_name" | "last_name" | "role">;
  lu: boolean;
  status: "sent" | "sending" | "failed";
}

export type ThreadItem =
  | { kind: "day"; key: string; day: string }
  | {
      kind: "group";
      key: string;
      mine: boolean;
      sender: ThreadMessage["expediteur"];
      messages: ThreadMessage[];
    };

/** Messages of one sender closer than this in time share one header (name, avatar). */
export const GROUP_GAP_MS = 10 * 60 * 1000;

export const fromApi = (message: Message): ThreadMessage => ({
  key: `m${message.id}`,
  id: message.id,
  message: message.message,
  date_envoi: message.date_envoi,
  mine: message.mine,
  expediteur: message.expediteur,
  lu: message.lu,
  status: "sent",
});

/** The calendar day of a moment in Québec, 'YYYY-MM-DD'. */
export function dayOf(iso: string, timeZone = QUEBEC_TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(iso));
}

/**
 * Day separators and sender groups, oldest first: a new group starts at each new day, each
 * change of sender, and after a pause of GROUP_GAP_MS.
 */
export function buildThread(
  messages: readonly ThreadMessage[],
  timeZone = QUEBEC_TIME_ZONE,
): ThreadItem[] {
  const items: ThreadItem[] = [];
  let currentDay: string | null = null;
  let group: Extract<ThreadItem, { kind: "group" }> | null = null;
  let previousTime = 0;

  for (const message of messages) {
    const day = dayOf(message.date_envoi, timeZone);
    const time = new Date(message.date_envoi).getTime();
    if (day !== currentDay) {
      items.push({ kind: "day", key: `d${day}`, day });
      currentDay = day;
      group = null;
    }
    const sameSender =
      group !== null &&
      group.mine === message.mine &&
      group.sender.id === message.expediteur.id &&
      time - previousTime < GROUP_GAP_MS;
    if (sameSender && group) {
      group.messages.push(message);
    } else {
      group = {
        kind: "group",
        key: `g${message.key}`,
        mine: message.mine,
        sender: message.expediteur,
        messages: [message],
      };
      items.push(group);
    }
    previousTime = time;
  }
  return items;
}

/**
 * Adds messages to the thread without duplicates (polling returns what the client just sent
 * too), keeping the order of date_envoi then id; unconfirmed messages stay at the end.
 */
export function mergeMessages(
  current: readonly ThreadMessage[],
  incoming: readonly ThreadMessage[],
): ThreadMessage[] {
  const byId = new Map<number, ThreadMessage>();
  const pending: ThreadMessage[] = [];
  for (const message of [...current, ...incoming]) {
    if (message.id === null) pending.push(message);
    else byId.set(message.id, message);
  }
  const saved = [...byId.values()].sort(
    (a, b) => a.date_envoi.localeCompare(b.date_envoi) || (a.id ?? 0) - (b.id ?? 0),
  );
  return [...saved, ...pending];
}
