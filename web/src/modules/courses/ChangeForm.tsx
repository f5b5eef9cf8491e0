import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Checkbox, CheckGroup, TextInput } from '../../components/Fields';
import { useErrorText, useFieldError } from '../../components/errorText';
import { type FollowState, MAX_CHILD_AGE, useChangeEnrolment } from './courses.api';

/**
 * The person changes their enrolment by its code: phone, e-mail, the children in childcare, women-only and evening.
 * A held place stays; more children need a free childcare place (the server answers which field, if not).
 */
export function ChangeForm({ code, state }: { code: string; state: FollowState }) {
  const { t } = useTranslation();
  const save = useChangeEnrolment(code);
  const [phone, setPhone] = useState(state.phone ?? '');
  const [email, setEmail] = useState(state.email ?? '');
  const [children, setChildren] = useState(state.childcare.map(String));
  const [womenOnly, setWomenOnly] = useState(state.womenOnly);
  const [evening, setEvening] = useState(state.evening);
  const labels = { phone: t('courses:enrol.phone'), email: t('courses:enrol.email') };
  const serverField = useFieldError(save.error, labels);
  const errorText = useErrorText();
  const childcareError =
    save.error instanceof ApiError && save.error.field?.startsWith('body.childcare')
      ? errorText(save.error, labels)
      : undefined;
  const course = state.course;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      contact: { phone: phone.trim() || null, email: email.trim() || null },
      childcare: children.filter((age) => age !== '').map(Number),
      womenOnly,
      evening,
    });
  }

  return (
    <form
      className="app-stack app-courses__form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="change-heading"
    >
      <h2 className="kern-heading-small" id="change-heading">
        {t('courses:follow.change')}
      </h2>
      <p className="kern-body kern-body--small">{t('courses:follow.changeHint')}</p>
      <CheckGroup
        id="change-contact"
        legend={t('courses:enrol.contact')}
        hint={t('courses:enrol.contactHint')}
        error={serverField('contact')}
      >
        <TextInput
          id="change-phone"
          name="phone"
          type="tel"
          label={t('courses:enrol.phone')}
          value={phone}
          onValueChange={setPhone}
          error={serverField('phone')}
          autoComplete="tel"
          dir="ltr"
          optional
        />
        <TextInput
          id="change-email"
          name="email"
          type="email"
          label={t('courses:enrol.email')}
          value={email}
          onValueChange={setEmail}
          error={serverField('email')}
          autoComplete="email"
          dir="ltr"
          optional
        />
      </CheckGroup>
      {course.childcarePlaces > 0 ? (
        <CheckGroup
          id="change-childcare"
          legend={t('courses:enrol.childcare')}
          hint={t('courses:facts.childcareAges', {
            min: course.childcareAgeMin ?? 0,
            max: course.childcareAgeMax ?? MAX_CHILD_AGE,
            free: course.childcareFree,
          })}
          error={childcareError}
        >
          {children.map((age, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the children are a list of ages, in order
            <div className="app-courses__child" key={i}>
              <TextInput
                id={`change-child-${i}`}
                name={`child-${i}`}
                type="number"
                min={0}
                max={MAX_CHILD_AGE}
                label={t('courses:enrol.childAge', { n: i + 1 })}
                value={age}
                onValueChange={(value) => setChildren(children.map((a, j) => (j === i ? value : a)))}
              />
              <button
                type="button"
                className="kern-btn kern-btn--tertiary"
                onClick={() => setChildren(children.filter((_, j) => j !== i))}
              >
                <span className="kern-label">{t('courses:follow.removeChild', { n: i + 1 })}</span>
              </button>
            </div>
          ))}
          {children.length < course.childcarePlaces ? (
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => setChildren([...children, ''])}
            >
              <span className="kern-label">
                {children.length ? t('courses:enrol.addChild') : t('courses:enrol.childcareNeeded')}
              </span>
            </button>
          ) : null}
        </CheckGroup>
      ) : null}
      <CheckGroup id="change-needs" legend={t('courses:enrol.needs')}>
        <Checkbox
          id="change-women"
          label={t('courses:enrol.womenOnly')}
          checked={womenOnly}
          onChange={setWomenOnly}
        />
        <Checkbox
          id="change-evening"
          label={t('courses:enrol.evening')}
          checked={evening}
          onChange={setEvening}
        />
      </CheckGroup>
      {childcareError ? null : <ErrorAlert error={save.error} />}
      {save.isSuccess ? <Alert variant="success" title={t('courses:follow.saved')} role="status" /> : null}
      <div>
        <button type="submit" className="kern-btn kern-btn--secondary" disabled={save.isPending}>
          <span className="kern-label">{t('courses:follow.save')}</span>
        </button>
      </div>
    </form>
  );
}
