import type { ReactNode, Ref } from 'react';

type Variant = 'info' | 'success' | 'warning' | 'danger';

interface AlertProps {
  variant: Variant;
  title: string;
  children?: ReactNode;
  /** `alert` interrupts the screen reader (errors), `status` waits politely (confirmations). */
  role?: 'alert' | 'status';
  ref?: Ref<HTMLDivElement>;
}

/** A KERN alert box with an icon, a title and an optional body. */
export function Alert({ variant, title, children, role, ref }: AlertProps) {
  return (
    <div className={`kern-alert kern-alert--${variant} app-alert`} role={role} ref={ref} tabIndex={-1}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${variant}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}
