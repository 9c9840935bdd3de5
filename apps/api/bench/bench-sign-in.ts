/**
 * The session cookie and the CSRF token every non-GET request must carry. A type, not an
 * interface, so it can be passed as fetch's and autocannon's headers as it is.
 */
export type BenchSession = {
  cookie: string;
  "x-csrf-token": string;
};

/** Signs in through the API as a client would; the benchmarks send the result as headers. */
export async function signInForBench(
  base: string,
  email: string,
  password: string,
): Promise<BenchSession> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`Sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("ph_session="));
  if (!cookie) throw new Error(`Sign-in as ${email} set no session cookie`);
  const me = (await res.json()) as { csrfToken: string };
  return { cookie: cookie.split(";")[0]!, "x-csrf-token": me.csrfToken };
}
