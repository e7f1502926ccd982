"use client";

import type {
  BrokerContact,
  Message,
  MessageMarkAllReadResult,
  MessagePage,
} from "@portail/shared";
import { MESSAGE_MAX_LENGTH } from "@portail/shared/constants";
import { AlertCircle, ChevronUp, Loader2, RotateCcw, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import {
  type FormEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { Button } from "@/components/ui/Button";
import { cn } from "@/components/ui/cn";
import { MESSAGE_POLL_MS } from "@/lib/constants/portail-client";
import { formatCalendarDate } from "@/lib/format";
import { ProxyError, proxyJson } from "../browser-api";
import { formatTime } from "../format";
import { addDays, todayInQuebec } from "../taches/due";
import { buildThread, fromApi, mergeMessages, type ThreadMessage } from "./thread";

const BASE = "/portail/transaction-messages";

export interface MessageThreadProps {
  transactionId: number;
  initialPage: MessagePage;
  courtier: BrokerContact;
}

/**
 * The conversation with the broker: bubbles grouped by sender and day, newest at the bottom.
 * New messages arrive by polling (paused while the tab is hidden); what the client sends shows
 * at once and offers « Réessayer » if it fails; broker messages on screen are marked read.
 */
export function MessageThread({ transactionId, initialPage, courtier }: MessageThreadProps) {
  const t = useTranslations("portalMessages");
  const locale = useLocale();
  const router = useRouter();
  const composerId = useId();
  const hintId = useId();
  const errorId = useId();

  const [messages, setMessages] = useState<ThreadMessage[]>(() => initialPage.items.map(fromApi));
  const [olderCursor, setOlderCursor] = useState(initialPage.next_before);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState(false);
  const [draft, setDraft] = useState("");
  const [draftError, setDraftError] = useState<string>();
  const [offline, setOffline] = useState(false);

  const afterCursor = useRef(initialPage.next_after);
  const polling = useRef(false);
  const marking = useRef(false);
  const localId = useRef(0);
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const prependFrom = useRef<number | null>(null);
  const lastKey = useRef<string | undefined>(undefined);

  const base = `${BASE}/transaction/${transactionId}`;

  // --- New messages: poll with the `after` cursor while the tab is visible. -------------------
  const poll = useCallback(async () => {
    if (polling.current || document.visibilityState === "hidden") return;
    polling.current = true;
    try {
      let more = true;
      while (more) {
        const cursor = afterCursor.current;
        const page = await proxyJson<MessagePage>(
          cursor ? `${base}?${new URLSearchParams({ after: cursor })}` : base,
        );
        afterCursor.current = page.next_after ?? afterCursor.current;
        if (page.items.length > 0) {
          setMessages((list) => mergeMessages(list, page.items.map(fromApi)));
        }
        more = page.has_more_after;
      }
      setOffline(false);
    } catch (error) {
      if (error instanceof ProxyError && (error.status === 401 || error.status === 403)) {
        // Signed out or access withdrawn meanwhile: the page's guards decide what to show.
        router.refresh();
      } else {
        setOffline(true);
      }
    } finally {
      polling.current = false;
    }
  }, [base, router]);

  useEffect(() => {
    const timer = setInterval(poll, MESSAGE_POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void poll();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [poll]);

  // --- Read receipts: the broker's messages on screen, while the tab is visible. --------------
  const markRead = useCallback(async () => {
    const unread = messages.some((m) => !m.mine && !m.lu && m.id !== null);
    if (!unread || marking.current || document.visibilityState === "hidden") return;
    const cursor = afterCursor.current;
    if (!cursor) return;
    marking.current = true;
    try {
      const result = await proxyJson<MessageMarkAllReadResult>(
        `${base}/mark-read?${new URLSearchParams({ up_to: cursor })}`,
        { method: "PUT" },
      );
      setMessages((list) => list.map((m) => (m.mine || m.lu ? m : { ...m, lu: true })));
      // The unread badge of the menu and the dashboard follow.
      if (result.marked > 0) router.refresh();
    } catch {
      // Not critical: tried again with the next change or visibility.
    } finally {
      marking.current = false;
    }
  }, [messages, base, router]);

  useEffect(() => {
    void markRead();
    const onVisible = () => {
      if (document.visibilityState === "visible") void markRead();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [markRead]);

  // --- Scrolling: start at the newest, follow new ones, keep the place when loading older. ----
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const newest = messages.at(-1);
    if (prependFrom.current !== null) {
      box.scrollTop += box.scrollHeight - prependFrom.current;
      prependFrom.current = null;
    } else if (newest?.key !== lastKey.current && (stickToBottom.current || newest?.mine)) {
      box.scrollTop = box.scrollHeight;
    }
    lastKey.current = newest?.key;
  }, [messages]);

  function onScroll() {
    const box = scroller.current;
    if (box) stickToBottom.current = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  }

  async function loadOlder() {
    if (!olderCursor || loadingOlder) return;
    setLoadingOlder(true);
    setOlderError(false);
    try {
      const page = await proxyJson<MessagePage>(
        `${base}?${new URLSearchParams({ before: olderCursor })}`,
      );
      prependFrom.current = scroller.current?.scrollHeight ?? null;
      setMessages((list) => mergeMessages(list, page.items.map(fromApi)));
      setOlderCursor(page.next_before);
    } catch {
      setOlderError(true);
    } finally {
      setLoadingOlder(false);
    }
  }

  // --- Sending: shown at once, confirmed or marked failed with a retry. -----------------------
  const deliver = useCallback(
    async (local: ThreadMessage) => {
      try {
        const saved = await proxyJson<Message>(BASE, {
          method: "POST",
          body: { transaction_id: transactionId, message: local.message },
        });
        setMessages((list) =>
          mergeMessages(
            list.filter((m) => m.key !== local.key),
            [fromApi(saved)],
          ),
        );
      } catch (error) {
        if (error instanceof ProxyError && error.status === 403) router.refresh();
        setMessages((list) =>
          list.map((m) => (m.key === local.key ? { ...m, status: "failed" } : m)),
        );
      }
    },
    [transactionId, router],
  );

  function send(text: string) {
    // The rules of messageCreateBodySchema, checked by hand to keep zod out of the page.
    const message = text.trim();
    if (message === "" || message.length > MESSAGE_MAX_LENGTH || message.includes("\0")) {
      setDraftError(
        text.trim() === ""
          ? t("composer.empty")
          : t("composer.tooLong", { max: MESSAGE_MAX_LENGTH }),
      );
      return;
    }
    setDraftError(undefined);
    localId.current += 1;
    const local: ThreadMessage = {
      key: `local-${localId.current}`,
      id: null,
      message,
      date_envoi: new Date().toISOString(),
      mine: true,
      expediteur: { id: -1, first_name: "", last_name: "", role: "client" },
      lu: false,
      status: "sending",
    };
    stickToBottom.current = true;
    setMessages((list) => [...list, local]);
    setDraft("");
    void deliver(local);
  }

  function retry(message: ThreadMessage) {
    setMessages((list) =>
      list.map((m) =>
        m.key === message.key
          ? { ...m, status: "sending", date_envoi: new Date().toISOString() }
          : m,
      ),
    );
    void deliver({ ...message, status: "sending" });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(draft);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter makes a new line; an IME composition is never cut short.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send(draft);
    }
  }

  // Local messages carry no sender id yet: group them with the client's saved ones.
  const myId = messages.find((m) => m.mine && m.id !== null)?.expediteur.id ?? -1;
  const items = buildThread(
    messages.map((m) =>
      m.mine && m.id === null ? { ...m, expediteur: { ...m.expediteur, id: myId } } : m,
    ),
  );
  const today = todayInQuebec();
  const yesterday = addDays(today, -1);
  const dayLabel = (day: string) =>
    day === today
      ? t("today")
      : day === yesterday
        ? t("yesterday")
        : formatCalendarDate(day, locale);
  const brokerName = `${courtier.first_name} ${courtier.last_name}`;
  const brokerInitials =
    `${courtier.first_name.charAt(0)}${courtier.last_name.charAt(0)}`.toUpperCase();

  return (
    <section
      aria-labelledby={`${composerId}-title`}
      className="flex h-[calc(100dvh-15rem)] min-h-[28rem] flex-col overflow-hidden rounded-2xl border border-gray-200 bg-white shadow-sm"
    >
      <header className="flex items-center gap-3 border-b border-gray-100 px-4 py-3 sm:px-6">
        <span
          aria-hidden="true"
          className="inline-flex size-10 items-center justify-center rounded-full bg-accent-600 text-sm font-semibold text-white"
        >
          {brokerInitials}
        </span>
        <div>
          <h2 id={`${composerId}-title`} className="text-sm font-semibold text-gray-900">
            {brokerName}
          </h2>
          <p className="text-xs text-gray-600">{t("brokerRole")}</p>
        </div>
      </header>

      <div
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-label={t("threadLabel")}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
        className="flex flex-1 flex-col gap-4 overflow-y-auto bg-gray-50 px-3 py-4 sm:px-6"
      >
        {olderCursor && (
          <div className="flex flex-col items-center gap-1">
            <Button
              variant="secondary"
              onClick={loadOlder}
              pending={loadingOlder}
              className="text-xs"
            >
              {!loadingOlder && <ChevronUp aria-hidden="true" className="size-4" />}
              {t("loadOlder")}
            </Button>
            {olderError && <p className="text-xs text-red-700">{t("loadOlderFailed")}</p>}
          </div>
        )}
        {messages.length === 0 && (
          <div className="m-auto max-w-sm text-center">
            <p className="text-sm font-semibold text-gray-900">{t("empty.title")}</p>
            <p className="mt-1 text-sm text-gray-600">
              {t("empty.body", { name: courtier.first_name })}
            </p>
          </div>
        )}
        {items.map((item) =>
          item.kind === "day" ? (
            <div key={item.key} className="flex items-center gap-3" role="presentation">
              <span className="h-px flex-1 bg-gray-200" />
              <span className="rounded-full bg-white px-3 py-1 text-xs font-medium text-gray-700 shadow-sm">
                {dayLabel(item.day)}
              </span>
              <span className="h-px flex-1 bg-gray-200" />
            </div>
          ) : (
            <div
              key={item.key}
              className={cn("flex gap-2", item.mine ? "flex-row-reverse" : "flex-row")}
            >
              {!item.mine && (
                <span
                  aria-hidden="true"
                  className="mt-5 inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-accent-100 text-xs font-semibold text-accent-800"
                >
                  {`${item.sender.first_name.charAt(0)}${item.sender.last_name.charAt(0)}`.toUpperCase()}
                </span>
              )}
              <div
                className={cn(
                  "flex max-w-[85%] flex-col gap-1 sm:max-w-[70%]",
                  item.mine ? "items-end" : "items-start",
                )}
              >
                <p className={cn("px-1 text-xs font-medium text-gray-700", item.mine && "sr-only")}>
                  {item.mine ? t("you") : `${item.sender.first_name} ${item.sender.last_name}`}
                </p>
                {item.messages.map((message) => (
                  <div
                    key={message.key}
                    className={cn("flex flex-col gap-0.5", item.mine ? "items-end" : "items-start")}
                  >
                    <p
                      className={cn(
                        "rounded-2xl px-4 py-2 text-sm break-words whitespace-pre-wrap",
                        item.mine
                          ? "rounded-br-md bg-accent-600 text-white"
                          : "rounded-bl-md border border-gray-200 bg-white text-gray-900",
                        message.status === "sending" && "opacity-70",
                        message.status === "failed" && "bg-red-50 text-red-900 ring-1 ring-red-300",
                      )}
                    >
                      {message.message}
                    </p>
                    <p className="flex items-center gap-2 px-1 text-[11px] text-gray-600">
                      {message.status === "sending" ? (
                        <span className="inline-flex items-center gap-1">
                          <Loader2 aria-hidden="true" className="size-3 animate-spin" />
                          {t("sending")}
                        </span>
                      ) : message.status === "failed" ? (
                        <>
                          <span className="inline-flex items-center gap-1 font-medium text-red-700">
                            <AlertCircle aria-hidden="true" className="size-3" />
                            {t("failed")}
                          </span>
                          <button
                            type="button"
                            onClick={() => retry(message)}
                            className="inline-flex items-center gap-1 rounded font-semibold text-accent-700 underline-offset-2 hover:underline"
                          >
                            <RotateCcw aria-hidden="true" className="size-3" />
                            {t("retry")}
                          </button>
                        </>
                      ) : (
                        <>
                          <time dateTime={message.date_envoi}>
                            {formatTime(message.date_envoi, locale)}
                          </time>
                          {message.mine && message.lu && <span>· {t("read")}</span>}
                        </>
                      )}
                    </p>
                  </div>
                ))}
              </div>
            </div>
          ),
        )}
      </div>

      <form
        onSubmit={onSubmit}
        className="flex flex-col gap-2 border-t border-gray-100 bg-white p-3 sm:p-4"
      >
        {offline && (
          <p role="status" className="text-xs text-amber-800">
            {t("offline")}
          </p>
        )}
        <div className="flex items-end gap-2">
          <div className="flex flex-1 flex-col">
            <label htmlFor={composerId} className="sr-only">
              {t("composer.label")}
            </label>
            <textarea
              id={composerId}
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
                if (draftError) setDraftError(undefined);
              }}
              onKeyDown={onKeyDown}
              rows={2}
              maxLength={MESSAGE_MAX_LENGTH}
              placeholder={t("composer.placeholder")}
              aria-describedby={draftError ? `${hintId} ${errorId}` : hintId}
              aria-invalid={draftError ? true : undefined}
              className="max-h-40 min-h-11 resize-y rounded-xl border border-gray-300 bg-white px-3 py-2 text-sm text-gray-900 placeholder:text-gray-500"
            />
          </div>
          <Button type="submit" className="size-11 shrink-0 p-0" aria-label={t("composer.send")}>
            <Send aria-hidden="true" className="size-5" />
          </Button>
        </div>
        <p id={hintId} className="text-xs text-gray-600">
          {t("composer.hint")}
        </p>
        {draftError && (
          <p id={errorId} className="text-xs text-red-700">
            {draftError}
          </p>
        )}
      </form>
    </section>
  );
}
