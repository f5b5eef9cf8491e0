import type { ReactNode } from 'react';

/** Lets a wide table scroll sideways inside itself on a phone, not the page; reachable by keyboard. */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard.
    <section className="app-table-wrapper" tabIndex={0} aria-labelledby={labelledBy}>
      {children}
    </section>
  );
}
