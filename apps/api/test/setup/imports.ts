import type { App } from "../../src/app.ts";
import { client, type Session } from "./test-app.ts";
import { multipart } from "./multipart.ts";

export async function upload(
  app: App,
  session: Session,
  customerId: string,
  content: string | Uint8Array,
  behaviour = "add_and_remove_services",
  filename = "users.csv",
) {
  const body = multipart({ behaviour }, { filename, content });
  return client(app, session).raw({
    method: "POST",
    url: `/api/v1/customers/${customerId}/imports`,
    payload: body.payload,
    headers: body.headers,
  });
}

export async function waitForImport(
  app: App,
  session: Session,
  customerId: string,
  importId: string,
  timeoutMs = 60_000,
) {
  const started = Date.now();
  for (;;) {
    const res = await client(app, session).get(
      `/api/v1/customers/${customerId}/imports/${importId}`,
    );
    const body = res.json();
    if (body.status === "completed" || body.status === "failed") return body;
    if (Date.now() - started > timeoutMs)
      throw new Error(`import ${importId} still ${body.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function exportCsv(app: App, session: Session, customerId: string): Promise<string> {
  const res = await client(app, session).get(`/api/v1/customers/${customerId}/users.csv`);
  if (res.statusCode !== 200) throw new Error(`export failed: ${res.statusCode} ${res.body}`);
  return res.body;
}

/** Rows of a CSV text as arrays (simple files only: no quoted separators), for building test files. */
export function csvLines(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter(Boolean)
    .map((l) => l.split(","));
}

/**
 * An `afterBatch` hook for the import worker that stops it dead after its `n`th committed batch,
 * as a crashed process would: the hook never returns, so nothing after that point runs — not the
 * next batch, not the worker's error handling. `crashed` resolves once the worker got there.
 * Such a worker is never stopped (stop() would wait for it); its database is dropped under it.
 */
export function crashAfterBatch(n: number) {
  let reached: () => void = () => {};
  const crashed = new Promise<void>((resolve) => (reached = resolve));
  return {
    crashed,
    afterBatch: (_importId: string, batchNumber: number): Promise<void> | void => {
      if (batchNumber < n) return;
      reached();
      return new Promise<void>(() => {});
    },
  };
}
