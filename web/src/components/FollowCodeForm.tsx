import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatCode, normaliseCode } from '../../../server/core/codes.ts';
import { TextInput } from './Fields';

/**
 * "I have a code": a public form that opens the page of a request or report by its follow code. The code may be
 * typed in any case, with or without dashes and spaces (the server compares codes as typed back).
 */
export function FollowCodeForm({
  id,
  length,
  path,
  texts,
}: {
  /** The field's id; the heading's is `${id}-heading`. */
  id: string;
  /** How many characters the code has, without dashes. */
  length: number;
  /** Where the code leads: the page's path for a well-formed code. */
  path: (code: string) => string;
  /** The texts, already translated. */
  texts: { heading: string; label: string; invalid: string; submit: string };
}) {
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const typed = normaliseCode(code);
    if (typed.length !== length || !/^[A-Z0-9]+$/.test(typed)) {
      setInvalid(true);
      return;
    }
    navigate(path(formatCode(typed)));
  };
  return (
    <section className="app-section" aria-labelledby={`${id}-heading`}>
      <h2 className="kern-heading-medium" id={`${id}-heading`}>
        {texts.heading}
      </h2>
      <form className="app-inline-form" onSubmit={onSubmit} noValidate>
        <TextInput
          id={id}
          name="code"
          label={texts.label}
          value={code}
          onValueChange={setCode}
          error={invalid ? texts.invalid : undefined}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          maxLength={length + 8}
        />
        <button type="submit" className="kern-btn kern-btn--secondary">
          <span className="kern-label">{texts.submit}</span>
        </button>
      </form>
    </section>
  );
}
