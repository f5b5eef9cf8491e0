import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface FrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  labelLang?: string;
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, hint and error around one input, the way the shell's FormField wires them for screen readers. */
export function FieldFrame({ id, label, hint, error, optional, labelLang, children }: FrameProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id} lang={labelLang}>
        {label}
        {optional ? <span className="kern-label__optional"> – {t('common:form.optional')}</span> : null}
      </label>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {children(describedBy)}
      {error ? <FieldError id={errorId ?? ''} message={error} /> : null}
    </div>
  );
}

/** The red message under an input or a group. */
export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p className="kern-error" id={id}>
      <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
      <span className="kern-body">{message}</span>
    </p>
  );
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

interface TextInputProps extends InputRest {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
}

/** A labelled text input. */
export function TextInput({
  id,
  label,
  value,
  onValueChange,
  hint,
  error,
  optional,
  type = 'text',
  ...rest
}: TextInputProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
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
    </FieldFrame>
  );
}

type AreaRest = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange'>;

interface TextAreaProps extends AreaRest {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
}

/** A labelled multi-line text input. */
export function TextArea({ id, label, value, onValueChange, hint, error, optional, ...rest }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy) => (
        <textarea
          rows={4}
          {...rest}
          id={id}
          name={id}
          className={`kern-form-input__input app-editor__textarea${error ? ' kern-form-input__input--error' : ''}`}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={optional ? undefined : true}
        />
      )}
    </FieldFrame>
  );
}

/** One checkbox with its label. */
export function Checkbox({
  id,
  label,
  checked,
  onChange,
  describedBy,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  describedBy?: string;
}) {
  return (
    <div className="kern-form-check">
      <input
        className="kern-form-check__checkbox"
        type="checkbox"
        id={id}
        name={id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={describedBy}
      />
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

/** A group of checkboxes (or other inputs) under one legend, with the group's hint and error. */
export function CheckGroup({
  id,
  legend,
  hint,
  error,
  horizontal,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  horizontal?: boolean;
  children: ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      id={id}
      className={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={describedBy}
      tabIndex={-1}
    >
      <legend className="kern-label">{legend}</legend>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <div className={`kern-fieldset__body${horizontal ? ' kern-fieldset__body--horizontal' : ''}`}>
        {children}
      </div>
      {error ? <FieldError id={errorId ?? ''} message={error} /> : null}
    </fieldset>
  );
}

/** A checkbox per value of a fixed list; `onChange` gets the new selection. */
export function Checkboxes<T extends string>({
  idPrefix,
  options,
  labelOf,
  selected,
  onChange,
}: {
  idPrefix: string;
  options: readonly T[];
  labelOf: (option: T) => string;
  selected: readonly T[];
  onChange: (selected: T[]) => void;
}) {
  return options.map((option) => (
    <Checkbox
      key={option}
      id={`${idPrefix}-${option}`}
      label={labelOf(option)}
      checked={selected.includes(option)}
      onChange={(on) =>
        onChange(
          on ? [...selected.filter((x) => x !== option), option] : selected.filter((x) => x !== option),
        )
      }
    />
  ));
}
