// A dashboard page rendered on the server makes its own query client. It must leave no timer behind: a timer
// holds the client and every query's data until it fires, and with the browser's day-long cache time the app
// server kept ~200 KB for each page it served, until it ran out of heap.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { useQuery } from "@tanstack/react-query";
import { QueryProvider } from "@/components/query-provider";

function Bell() {
  const { data } = useQuery({ queryKey: ["notifications"], queryFn: async () => ({ unread: 1 }), initialData: { unread: 3 }, staleTime: 5_000 });
  return createElement("span", null, `unread ${data.unread}`);
}

describe("the dashboard's query client on the server", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("renders a page's queries and leaves no timer that would keep them", () => {
    const html = renderToString(createElement(QueryProvider, { userId: "u1" } as Parameters<typeof QueryProvider>[0], createElement(Bell)));
    expect(html).toContain("unread 3");
    expect(vi.getTimerCount()).toBe(0);
  });
});
