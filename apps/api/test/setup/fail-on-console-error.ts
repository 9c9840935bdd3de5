import { afterEach, vi } from "vitest";

// A console.error during a test is a bug the assertions did not catch (epic-stack habit).
const spy = vi.spyOn(console, "error");
afterEach(() => {
  const calls = spy.mock.calls;
  spy.mockClear();
  if (calls.length)
    throw new Error(`console.error was called:\n${calls.map((c) => c.join(" ")).join("\n")}`);
});
