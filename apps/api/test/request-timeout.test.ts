import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";
import { useTestApp } from "./setup/test-app.ts";

/**
 * Spec §14: a client that sends its request a trickle at a time (slowloris) does not hold a
 * connection for ever — the server answers 408 and closes it once the request timeout passes.
 */
describe("request timeout", () => {
  const ctx = useTestApp({ customers: 2, usersOfFirstTwo: 1, usersOfOthers: [1, 1] });
  let app: App;
  let port: number;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.database.db, importWorker: false, requestTimeoutMs: 1_000 });
    await app.listen({ host: "127.0.0.1", port: 0 });
    port = (app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Sends the head and the first bytes of a body it never finishes; resolves with what came back. */
  function trickle(): Promise<{ answer: string; closed: boolean }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1");
      let answer = "";
      const giveUp = setTimeout(() => {
        socket.destroy();
        resolve({ answer, closed: false });
      }, 10_000);
      socket.on("error", reject);
      socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
      socket.on("close", () => {
        clearTimeout(giveUp);
        resolve({ answer, closed: true });
      });
      socket.write(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\n" +
          "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
      );
    });
  }

  it("answers 408 and closes a connection whose body never arrives", async () => {
    const { answer, closed } = await trickle();
    expect(closed).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("still serves a request that arrives in time", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
  });
});
