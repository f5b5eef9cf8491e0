import { useTranslation } from 'react-i18next';
import type { ChildState, Count } from './schooling.api';
import { STATE_BADGE, STATE_LABEL } from './labels';

/** Counts and numbers in the UI language; "<5" stays as it is (suppressed small counts). */
export function useNumbers() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return {
    count: (value: Count) => (value === '<5' ? '<5' : format.format(value)),
    number: (value: number) => format.format(value),
  };
}

/** A child's state as a KERN badge. */
export function StateBadge({ state }: { state: ChildState }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--${STATE_BADGE[state]}`}>
      <span className="kern-label">{t(STATE_LABEL[state])}</span>
    </span>
  );
}
