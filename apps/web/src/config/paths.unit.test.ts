import { describe, expect, it } from "vitest";
import { paths, safeRedirectTarget } from "./paths.ts";

describe("the sign-in link keeps the page to come back to", () => {
  it("carries the page and, when the server ended the session, the reason", () => {
    expect(paths.signIn.getHref()).toBe("/sign-in");
    expect(paths.signIn.getHref("/customers/1/users?search=a b")).toBe(
      "/sign-in?redirectTo=%2Fcustomers%2F1%2Fusers%3Fsearch%3Da+b",
    );
    expect(paths.signIn.getHref("/partner/customers", { sessionEnded: true })).toBe(
      "/sign-in?redirectTo=%2Fpartner%2Fcustomers&reason=session-ended",
    );
  });

  it("returns only to paths of this app", () => {
    expect(safeRedirectTarget("/customers/1/users?search=a")).toBe("/customers/1/users?search=a");
    for (const outside of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "/sign-in?redirectTo=/x",
      "",
      null,
    ])
      expect(safeRedirectTarget(outside)).toBeNull();
  });
});
