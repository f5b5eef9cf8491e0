import type { ReactNode } from 'react';

/** A term and its value in a description list. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="app-guides-fact">
      <dt className="kern-label">{term}</dt>
      <dd className="kern-body">{children}</dd>
    </div>
  );
}

/** The state of a request as a KERN badge. */
export function Badge({ variant, children }: { variant: string; children: ReactNode }) {
  return <span className={`kern-badge kern-badge--${variant}`}>{children}</span>;
}
