"use client";

import type { Message, MessageMarkAllReadResult, MessagePage } from "@portail/shared";
import { MESSAGE_MAX_LENGTH } from "@portail/shared/constants";
import { ChevronUp, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import {
  type FormEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { cn } from "@/components/ui/cn";
import { errorMessageKey, isErrorCode } from "@/lib/api/errors";
import { formatDateTime } from "@/lib/format";
import { ProxyError, proxyJson } from "../_lib/browser-api";

const POLL_MS = 10_000;
const threadPath = (id: number) => `/portail/transaction-messages/transaction/${id}`;

/**
 * The thread with the client. Opening it marks the client's messages read (up to what is on
 * screen); new messages arrive by polling while the tab is visible. Enter sends, Shift+Enter
 * starts a new line.
 */
export function MessagesSection({
  transactionId,
  initialPage,
  clientFirstName,
  clientHasAccess,
}: {
  transactionId: number;
  initialPage: MessagePage;
  clientFirstName: string;
  clientHasAccess: boolean;
}) {
  const t = useTranslations("workspace");
  const tAll = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const replyId = useId();
  const [messages, setMessages] = useState<Message[]>(initialPage.items);
  const [olderCursor, setOlderCursor] = useState(initialPage.next_before);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [draft, setDraft] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Messages from the client that were unread when they reached the screen: marked « Nouveau ».
  const [fresh, setFresh] = useState(
    () => new Set(initialPage.items.filter((m) => !m.mine && !m.lu).map((m) => m.id)),
  );
  const newestCursor = useRef(initialPage.next_after);
  const thread = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);

  const explain = (failure: unknown) => {
    const code = failure instanceof ProxyError ? failure.code : "SERVICE_UNAVAILABLE";
    return isErrorCode(code) ? tAll(errorMessageKey(code)) : tAll("errors.INTERNAL_ERROR");
  };

  const markRead = useCallback(
    async (upTo: string | null) => {
      const query = upTo ? `?${new URLSearchParams({ up_to: upTo })}` : "";
      try {
        const result = await proxyJson<MessageMarkAllReadResult>(
          `${threadPath(transactionId)}/mark-read${query}`,
          { method: "PUT" },
        );
        // The unread badges (tab, clients list) follow.
        if (result.marked > 0) router.refresh();
      } catch {
        // Not being able to mark read is harmless: it will be tried again on the next visit.
      }
    },
    [transactionId, router],
  );

  const append = useCallback((incoming: Message[]) => {
    if (incoming.length === 0) return;
    setMessages((current) => {
      const known = new Set(current.map((m) => m.id));
      return [...current, ...incoming.filter((m) => !known.has(m.id))];
    });
  }, []);

  // Opening the thread reads it.
  useEffect(() => {
    if (initialPage.unread_count > 0) void markRead(initialPage.next_after);
  }, [initialPage, markRead]);

  // Polling for the client's replies while the page is in view.
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setInterval(async () => {
      if (document.visibilityState !== "visible" || !newestCursor.current) return;
      try {
        const page = await proxyJson<MessagePage>(
          `${threadPath(transactionId)}?${new URLSearchParams({ after: newestCursor.current })}`,
          { signal: controller.signal },
        );
        if (page.next_after) newestCursor.current = page.next_after;
        append(page.items);
        const fromClient = page.items.filter((m) => !m.mine && !m.lu);
        if (fromClient.length > 0) {
          setFresh((current) => new Set([...current, ...fromClient.map((m) => m.id)]));
          void markRead(page.next_after);
        }
      } catch {
        // A missed poll is retried at the next tick.
      }
    }, POLL_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [transactionId, append, markRead]);

  // Keep the newest message in view, unless the broker scrolled up to read older ones.
  useEffect(() => {
    const element = thread.current;
    if (!element || messages.length === 0 || !stickToBottom.current) return;
    element.scrollTop = element.scrollHeight;
  }, [messages]);

  async function loadOlder() {
    if (!olderCursor) return;
    setLoadingOlder(true);
    stickToBottom.current = false;
    try {
      const page = await proxyJson<MessagePage>(
        `${threadPath(transactionId)}?${new URLSearchParams({ before: olderCursor })}`,
      );
      setMessages((current) => {
        const known = new Set(current.map((m) => m.id));
        return [...page.items.filter((m) => !known.has(m.id)), ...current];
      });
      setOlderCursor(page.next_before);
    } catch (failure) {
      setError(explain(failure));
    } finally {
      setLoadingOlder(false);
    }
  }

  async function send(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    setError(null);
    try {
      const message = await proxyJson<Message>("/portail/transaction-messages", {
        method: "POST",
        body: { transaction_id: transactionId, message: text },
      });
      stickToBottom.current = true;
      append([message]);
      setDraft("");
    } catch (failure) {
      setError(`${t("messages.sendFailed")} — ${explain(failure)}`);
    } finally {
      setSending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {!clientHasAccess && <Alert tone="info">{t("common.noAccess")}</Alert>}
      <div className="flex flex-col overflow-hidden rounded-2xl border border-gray-200 bg-white shadow-sm">
        <div className="border-b border-gray-100 px-6 py-4">
          <h2 className="text-lg font-semibold text-gray-900">{t("messages.title")}</h2>
        </div>
        <div
          ref={thread}
          role="log"
          aria-label={t("messages.threadLabel", { name: clientFirstName })}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
          tabIndex={0}
          onScroll={(e) => {
            const el = e.currentTarget;
            stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
          }}
          className="flex max-h-[28rem] min-h-48 flex-col gap-4 overflow-y-auto bg-gray-50 px-4 py-5 sm:px-6"
        >
          {olderCursor && (
            <Button
              variant="ghost"
              className="self-center text-accent-700"
              pending={loadingOlder}
              onClick={loadOlder}
            >
              <ChevronUp aria-hidden="true" className="size-4" />
              {t("messages.older")}
            </Button>
          )}
          {messages.length === 0 ? (
            <p className="m-auto max-w-sm text-center text-sm text-gray-700">
              {t("messages.empty", { name: clientFirstName })}
            </p>
          ) : (
            messages.map((message) => (
              <Bubble
                key={message.id}
                message={message}
                fresh={fresh.has(message.id)}
                you={t("messages.you")}
                newLabel={t("messages.unreadMarker")}
                locale={locale}
              />
            ))
          )}
        </div>
        <form onSubmit={send} className="flex flex-col gap-2 border-t border-gray-100 p-4 sm:px-6">
          <label htmlFor={replyId} className="text-sm font-medium text-gray-800">
            {t("messages.reply")}
          </label>
          <div className="flex items-end gap-3">
            <textarea
              id={replyId}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onKeyDown}
              rows={2}
              maxLength={MESSAGE_MAX_LENGTH}
              aria-describedby={`${replyId}-help`}
              className="min-h-12 flex-1 resize-y rounded-lg border border-gray-300 bg-white px-3 py-2 text-sm text-gray-900"
            />
            <Button type="submit" pending={sending} disabled={draft.trim() === ""}>
              <Send aria-hidden="true" className="size-4" />
              <span className="sr-only sm:not-sr-only">{t("messages.send")}</span>
            </Button>
          </div>
          <p id={`${replyId}-help`} className="text-xs text-gray-600">
            {t("messages.replyHelp")}
          </p>
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
        </form>
      </div>
    </div>
  );
}

function Bubble({
  message,
  fresh,
  you,
  newLabel,
  locale,
}: {
  message: Message;
  fresh: boolean;
  you: string;
  newLabel: string;
  locale: string;
}) {
  const sender = message.mine
    ? you
    : `${message.expediteur.first_name} ${message.expediteur.last_name}`;
  return (
    <div
      className={cn(
        "flex max-w-[85%] flex-col gap-1 sm:max-w-[70%]",
        message.mine ? "self-end items-end" : "self-start items-start",
      )}
    >
      <div
        className={cn(
          "rounded-2xl px-4 py-2.5 text-sm whitespace-pre-wrap wrap-anywhere shadow-sm",
          message.mine
            ? "rounded-br-md bg-accent-600 text-white"
            : "rounded-bl-md border border-gray-200 bg-white text-gray-900",
          fresh && "ring-2 ring-accent-600/40",
        )}
      >
        {message.message}
      </div>
      <p className="flex items-center gap-2 text-xs text-gray-600">
        <span>
          {sender} ·{" "}
          <time dateTime={message.date_envoi}>{formatDateTime(message.date_envoi, locale)}</time>
        </span>
        {fresh && (
          <span className="rounded-full bg-accent-600 px-1.5 py-0.5 text-[0.65rem] font-semibold text-white">
            {newLabel}
          </span>
        )}
      </p>
    </div>
  );
}
