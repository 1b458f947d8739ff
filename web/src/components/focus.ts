// Focus moves that must wait for the next render (the element appears, or moves, only after the
// state change that asks for it is drawn).

/** Moves focus to the element with `id` once the pending render has run. */
export function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}
