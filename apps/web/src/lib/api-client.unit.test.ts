import { describe, expect, it } from "vitest";
import { ApiError, buildUrl, isApiError, toApiError } from "./api-client.ts";
import { describeError } from "./problem-message.ts";

describe("toApiError", () => {
  it("keeps a problem+json body as the typed problem", () => {
    const body = {
      type: "https://partner-hub.example/problems/validation_failed",
      title: "The request is not valid",
      status: 400,
      code: "validation_failed",
      detail: "Row 3: enter a valid email address",
      errors: [
        { field: "users.3.email", code: "invalid_format", message: "Enter a valid email address" },
      ],
    };
    const error = toApiError(400, "Bad Request", body);
    expect(error).toBeInstanceOf(ApiError);
    expect(isApiError(error)).toBe(true);
    expect(error.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.problem.errors?.[0]?.field).toBe("users.3.email");
    expect(error.message).toBe("Row 3: enter a valid email address");
  });

  it("builds a problem from the status when the body is not one (a proxy's HTML page)", () => {
    expect(toApiError(502, "Bad Gateway", undefined).problem).toEqual({
      type: "about:blank",
      title: "Bad Gateway",
      status: 502,
      code: "internal",
    });
    expect(toApiError(401, "", { message: "nope" }).code).toBe("unauthenticated");
    expect(toApiError(404, "Not Found", "<html>").code).toBe("not_found");
    expect(toApiError(429, "", null).code).toBe("rate_limited");
    expect(toApiError(418, "", null).code).toBe("bad_response");
  });
});

describe("describeError", () => {
  it("says a problem by its code and params, with the server's words as the fallback", () => {
    expect(describeError(toApiError(404, "", undefined))).toEqual({
      code: "not_found",
      message: "HTTP 404",
    });
    const running = {
      type: "t",
      title: "An import is already running",
      status: 409,
      code: "import_running",
    };
    expect(describeError(toApiError(409, "", running))).toEqual({
      code: "import_running",
      message: "An import is already running",
    });
    expect(
      describeError(
        toApiError(409, "", {
          ...running,
          detail: "The import of a.csv is still running.",
          params: { fileName: "a.csv", startedBy: "eva@partner.example" },
        }),
      ),
    ).toEqual({
      code: "import_running",
      message: "The import of a.csv is still running.",
      params: { fileName: "a.csv", startedBy: "eva@partner.example" },
    });
    expect(describeError(new Error("boom"))).toMatchObject({ code: "internal" });
  });
});

describe("buildUrl", () => {
  it("drops empty parameters and encodes the rest", () => {
    expect(
      buildUrl("/customers", {
        search: "Åsa & co",
        status: undefined,
        offset: 0,
        max: 50,
        sort: "",
      }),
    ).toBe("/api/v1/customers?search=%C3%85sa+%26+co&offset=0&max=50");
    expect(buildUrl("/packages")).toBe("/api/v1/packages");
  });
});
