/**
 * Remembers that the server ended the session under the person (idle too long, too old, signed
 * out elsewhere), as opposed to a visit without one, so the sign-in page can say so. Module
 * state: it lives exactly as long as the page, which is as long as it means anything.
 */
let ended = false;

export function markSessionEnded(): void {
  ended = true;
}

export function sessionHasEnded(): boolean {
  return ended;
}

export function clearSessionEnded(): void {
  ended = false;
}
