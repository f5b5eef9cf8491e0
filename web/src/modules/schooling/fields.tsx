import { FieldFrame as Frame } from '../../components/Fields';

// The label, hint and error frame is the shared one (web/src/components/Fields.tsx).
export { Frame };

interface InputProps {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
  type?: 'text' | 'date' | 'number' | 'email' | 'tel' | 'datetime-local';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
  min?: number | string;
  max?: number | string;
  lang?: string;
}

/** A labelled KERN input. */
export function Input({
  id,
  label,
  value,
  onValueChange,
  hint,
  error,
  optional,
  type = 'text',
  ...rest
}: InputProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy) => (
        <input
          {...rest}
          id={id}
          name={id}
          type={type}
          className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={optional ? undefined : true}
        />
      )}
    </Frame>
  );
}

/** A labelled multi-line input. */
export function TextBox({
  id,
  label,
  value,
  onValueChange,
  hint,
  error,
  optional,
}: Omit<InputProps, 'type'>) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy) => (
        <textarea
          id={id}
          name={id}
          rows={3}
          className={`kern-form-input__input app-schooling__textarea${error ? ' kern-form-input__input--error' : ''}`}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={optional ? undefined : true}
          dir="auto"
        />
      )}
    </Frame>
  );
}

/** One choice of a Select. */
export interface Option {
  value: string;
  label: string;
  lang?: string;
}

/** A labelled KERN select box. */
export function Select({
  id,
  label,
  value,
  options,
  onValueChange,
  hint,
  error,
  optional,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
}) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy) => (
        <div className="kern-form-input__select-wrapper">
          <select
            id={id}
            name={id}
            className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
            value={value}
            onChange={(event) => onValueChange(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
          >
            {options.map((option) => (
              <option key={option.value} value={option.value} lang={option.lang}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </Frame>
  );
}

/** A KERN checkbox with its label (and an optional hint below it). */
export function Checkbox({
  id,
  label,
  checked,
  onChange,
  hint,
  lang,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  lang?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="kern-form-check">
      <input
        className="kern-form-check__checkbox"
        type="checkbox"
        id={id}
        name={id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hintId}
      />
      <label className="kern-label" htmlFor={id} lang={lang}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint app-schooling__check-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/** A group of KERN radio buttons in a fieldset. */
export function Radios({
  name,
  legend,
  value,
  options,
  onValueChange,
}: {
  name: string;
  legend: string;
  value: string;
  options: readonly Option[];
  onValueChange: (value: string) => void;
}) {
  return (
    <fieldset className="kern-fieldset" id={name}>
      <legend className="kern-label">{legend}</legend>
      <div className="kern-fieldset__body kern-fieldset__body--horizontal">
        {options.map((option) => (
          <div className="kern-form-check" key={option.value}>
            <input
              className="kern-form-check__radio"
              type="radio"
              id={`${name}-${option.value}`}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onValueChange(option.value)}
            />
            <label className="kern-label" htmlFor={`${name}-${option.value}`}>
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
