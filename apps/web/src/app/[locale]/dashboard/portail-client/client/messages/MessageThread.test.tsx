import type { Message, MessagePage } from "@portail/shared";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithIntl } from "../../../../../../../test/render";
import { MessageThread } from "./MessageThread";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const broker = { id: 1, first_name: "Marie", last_name: "Dubois", role: "courtier" as const };
const client = { id: 2, first_name: "Sophie", last_name: "Tremblay", role: "client" as const };

function message(id: number, date_envoi: string, mine: boolean, text: string): Message {
  return {
    id,
    transaction_id: 12,
    message: text,
    date_envoi,
    lu: mine,
    lu_at: null,
    expediteur: mine ? client : broker,
    mine,
  };
}

const page = (items: Message[]): MessagePage => ({
  items,
  total: items.length,
  skip: 0,
  limit: 50,
  next_before: null,
  next_after: items.length ? "Y3Vyc29y" : null,
  has_more_after: false,
  unread_count: 0,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url.includes("/mark-read")) return json({ marked: 1, unread_count: 0 });
    if (init?.method === "POST") {
      const body = JSON.parse(String(init.body));
      return json(message(99, new Date().toISOString(), true, body.message), 201);
    }
    return json(page([]));
  });
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  refresh.mockReset();
});

const courtier = { ...broker, email: "marie@example.com", telephone: null };

describe("MessageThread", () => {
  it("groups messages by sender under day separators, broker left and client right", () => {
    renderWithIntl(
      <MessageThread
        transactionId={12}
        courtier={courtier}
        initialPage={page([
          message(1, "2026-03-01T14:00:00Z", false, "Bonjour Sophie"),
          message(2, "2026-03-01T14:01:00Z", false, "L’inspection est jeudi."),
          message(3, "2026-03-01T15:00:00Z", true, "Merci!"),
          message(4, "2026-03-02T15:00:00Z", true, "Je serai là."),
        ])}
      />,
    );
    const log = screen.getByRole("log", { name: "Conversation avec votre courtier" });
    expect(within(log).getByText("1 mars 2026")).toBeInTheDocument();
    expect(within(log).getByText("2 mars 2026")).toBeInTheDocument();
    // The broker's two messages share one name header.
    expect(within(log).getAllByText("Marie Dubois")).toHaveLength(1);
    expect(within(log).getByText("L’inspection est jeudi.")).toHaveClass("bg-white");
    expect(within(log).getByText("Merci!")).toHaveClass("bg-accent-600");
  });

  it("marks the broker's messages read up to what is on screen", async () => {
    renderWithIntl(
      <MessageThread
        transactionId={12}
        courtier={courtier}
        initialPage={page([message(1, "2026-03-01T14:00:00Z", false, "Bonjour")])}
      />,
    );
    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith(
        "/api/proxy/portail/transaction-messages/transaction/12/mark-read?up_to=Y3Vyc29y",
        expect.objectContaining({ method: "PUT" }),
      ),
    );
    await waitFor(() => expect(refresh).toHaveBeenCalled());
  });

  it("sends with Enter, keeps Shift+Enter for a new line, and shows the message at once", async () => {
    const user = userEvent.setup();
    renderWithIntl(<MessageThread transactionId={12} courtier={courtier} initialPage={page([])} />);
    const composer = screen.getByRole("textbox", { name: "Votre message" });
    await user.type(composer, "Ligne 1{Shift>}{Enter}{/Shift}Ligne 2{Enter}");
    expect(composer).toHaveValue("");
    const sent = fetchMock.mock.calls.find(([, init]) => init?.method === "POST");
    expect(JSON.parse(String(sent?.[1]?.body))).toEqual({
      transaction_id: 12,
      message: "Ligne 1\nLigne 2",
    });
    expect(await screen.findByText(/Ligne 1\s+Ligne 2/)).toBeInTheDocument();
  });

  it("offers « Réessayer » when sending fails, and sends again", async () => {
    const user = userEvent.setup();
    let fail = true;
    fetchMock.mockImplementation(async (_url: string, init?: RequestInit) => {
      if (init?.method === "POST") {
        if (fail)
          return json({ error: { code: "INTERNAL_ERROR", message: "x", request_id: "r" } }, 500);
        return json(message(50, new Date().toISOString(), true, "Allô"), 201);
      }
      return json(page([]));
    });
    renderWithIntl(<MessageThread transactionId={12} courtier={courtier} initialPage={page([])} />);
    await user.type(screen.getByRole("textbox", { name: "Votre message" }), "Allô{Enter}");
    expect(await screen.findByText("Non envoyé")).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole("button", { name: "Réessayer" }));
    await waitFor(() => expect(screen.queryByText("Non envoyé")).not.toBeInTheDocument());
    expect(screen.getAllByText("Allô")).toHaveLength(1);
  });
});
