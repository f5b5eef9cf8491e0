import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

/*
 * The one form kit (KERN UX markup). Every control sits in a frame whose label, hint and error are linked by
 * `aria-describedby`; `name` defaults to the id. Pages find an error's message by the server's field path
 * (useFieldError in errorText.ts) and pass it as `error`.
 */

interface FrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  labelLang?: string;
  children: (describedBy: string | undefined) => ReactNode;
}

/** The ids of a control's hint and error, joined for `aria-describedby`. */
function describedByOf(id: string, hint?: string, error?: string) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

/** Label, hint and error around one control, wired up for screen readers. */
export function FieldFrame({ id, label, hint, error, optional, labelLang, children }: FrameProps) {
  const { t } = useTranslation();
  const { hintId, errorId, describedBy } = describedByOf(id, hint, error);
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

/** The red message under a control or a group. */
export function FieldError({ id, message }: { id?: string; message: string }) {
  return (
    <p className="kern-error" id={id}>
      <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
      <span className="kern-body">{message}</span>
    </p>
  );
}

/** What every framed control takes besides its own element's attributes. */
interface FieldProps {
  id: string;
  /** The form field's name; the id when not given. */
  name?: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'value' | 'onChange'>;

/** A labelled text input (any `type` of one-line input). */
export function TextInput({
  id,
  name,
  label,
  value,
  onValueChange,
  hint,
  error,
  optional,
  type = 'text',
  ...rest
}: FieldProps & InputRest) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy) => (
        <input
          {...rest}
          id={id}
          name={name ?? id}
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

type AreaRest = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'value' | 'onChange'>;

/** A labelled multi-line text input; user text is `dir="auto"` unless the page knows the direction. */
export function TextArea({
  id,
  name,
  label,
  value,
  onValueChange,
  hint,
  error,
  optional,
  ...rest
}: FieldProps & AreaRest) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy) => (
        <textarea
          rows={3}
          dir="auto"
          {...rest}
          id={id}
          name={name ?? id}
          className={`kern-form-input__input app-field__textarea${error ? ' kern-form-input__input--error' : ''}`}
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

/** One choice of a Select. */
export interface SelectOption {
  value: string;
  label: string;
  lang?: string;
}

/** A group of choices of a GroupedSelect (Ortsteile by Stadtbezirk). */
export interface OptionGroup {
  label: string;
  options: readonly SelectOption[];
}

type SelectRest = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'value' | 'onChange'>;

/** The KERN select box inside a frame; `children` are its options. */
function FramedSelect({
  id,
  name,
  label,
  value,
  onValueChange,
  hint,
  error,
  optional,
  children,
  ...rest
}: FieldProps & SelectRest & { children: ReactNode }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      {(describedBy) => (
        <div className="kern-form-input__select-wrapper">
          <select
            {...rest}
            id={id}
            name={name ?? id}
            className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
            value={value}
            onChange={(event) => onValueChange(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
          >
            {children}
          </select>
        </div>
      )}
    </FieldFrame>
  );
}

/** A labelled select box; a `placeholder` becomes the first, empty choice ("please choose"). */
export function Select({
  options,
  placeholder,
  ...props
}: FieldProps & SelectRest & { options: readonly SelectOption[]; placeholder?: string }) {
  return (
    <FramedSelect {...props}>
      {placeholder === undefined ? null : <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value} lang={option.lang}>
          {option.label}
        </option>
      ))}
    </FramedSelect>
  );
}

/** A labelled select with option groups; `placeholder` is the first, empty choice. */
export function GroupedSelect({
  groups,
  placeholder,
  ...props
}: FieldProps & SelectRest & { groups: readonly OptionGroup[]; placeholder: string }) {
  return (
    <FramedSelect {...props}>
      <option value="">{placeholder}</option>
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </FramedSelect>
  );
}

/** One checkbox with its label, and an optional hint below it (or the id of a hint elsewhere). */
export function Checkbox({
  id,
  label,
  checked,
  onChange,
  hint,
  describedBy,
  lang,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  describedBy?: string;
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
        aria-describedby={describedBy ?? hintId}
      />
      <label className="kern-label" htmlFor={id} lang={lang}>
        {label}
      </label>
      {hint ? (
        <div className="kern-hint app-field__check-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
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
  const { hintId, errorId, describedBy } = describedByOf(id, hint, error);
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
      {error ? <FieldError id={errorId} message={error} /> : null}
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

/** A group of radio buttons in a fieldset, side by side; the fieldset's id is the name. */
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
  options: readonly SelectOption[];
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
