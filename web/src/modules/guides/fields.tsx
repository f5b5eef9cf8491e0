import type { ReactNode } from 'react';
import { FieldFrame as Frame } from '../../components/Fields';

// The label, hint and error frame is the shared one (web/src/components/Fields.tsx).
export { Frame };

interface TextAreaProps {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
  maxLength?: number;
}

/** A labelled multi-line text input; user text gets dir="auto". */
export function TextArea({
  id,
  label,
  value,
  onValueChange,
  hint,
  error,
  optional,
  maxLength,
}: TextAreaProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy) => (
        <textarea
          id={id}
          name={id}
          className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
          rows={3}
          maxLength={maxLength ?? 2000}
          dir="auto"
          value={value}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </Frame>
  );
}

export interface OptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

interface GroupedSelectProps {
  id: string;
  label: string;
  value: string;
  groups: readonly OptionGroup[];
  /** The first, empty choice ("please choose"). */
  placeholder: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
}

/** A labelled select with option groups (Ortsteile by Stadtbezirk). */
export function GroupedSelect({
  id,
  label,
  value,
  groups,
  placeholder,
  onValueChange,
  hint,
  error,
  optional,
}: GroupedSelectProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy) => (
        <div className="kern-form-input__select-wrapper">
          <select
            id={id}
            name={id}
            className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
            value={value}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onValueChange(event.target.value)}
          >
            <option value="">{placeholder}</option>
            {groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
    </Frame>
  );
}

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
