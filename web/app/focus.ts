// Moving focus from script after a mouse action (a dropped file) does not match :focus-visible in Chromium, so the
// new focus would be invisible. These elements carry a class that draws the same ring until focus leaves them.

const RING_CLASS = "focus-ring";

/** Focuses `element` and shows the focus ring on it until it loses focus, whatever input moved focus there. */
export function focusWithRing(element: HTMLElement): void {
  element.classList.add(RING_CLASS);
  element.addEventListener("blur", () => element.classList.remove(RING_CLASS), { once: true });
  element.focus();
}
