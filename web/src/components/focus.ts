// Focus moves that must wait for the next render (the element appears, or moves, only after the
// state change that asks for it is drawn).

/** Moves focus to the element with `id` once the pending render has run — unless focus has
 * meanwhile gone somewhere else on purpose (the user, or a test, moved on to another field):
 * a deferred move never takes focus, and what is being typed, away from where it went. */
export function focusSoon(id: string): void {
  const asked = document.activeElement;
  setTimeout(() => {
    const now = document.activeElement;
    if (now !== asked && now !== null && now !== document.body && now.isConnected) {
      return;
    }
    document.getElementById(id)?.focus();
  }, 0);
}
