import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { plainTextOf } from '../../../../server/modules/pages/readability.ts';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Select, TextArea, TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useFieldError } from '../../components/errorText';
import { STATUS_LABEL } from './labels';
import {
  type EditorPage as Page,
  type PageInput,
  useEditorList,
  useEditorPage,
  usePageActions,
} from './pages.api';
import { ReadabilityPanel } from './ReadabilityPanel';
import { HistoryPanel, TranslationPanel } from './TranslationPanel';

type StepDraft = {
  title: string;
  text: string;
  bring: string;
  costs: string;
  duration: string;
  offers: string;
};
type Draft = {
  slug: string;
  parentId: string;
  position: string;
  title: string;
  summary: string;
  body: string;
  steps: StepDraft[];
};

const EMPTY: Draft = { slug: '', parentId: '', position: '0', title: '', summary: '', body: '', steps: [] };
const emptyStep = (): StepDraft => ({ title: '', text: '', bring: '', costs: '', duration: '', offers: '' });

/** The German working copy as the form holds it. */
function draftOf(page: Page): Draft {
  const text = (field: string) => page.texts.find((t) => t.lang === 'de' && t.field === field)?.value ?? '';
  let steps: StepDraft[] = [];
  try {
    const parsed = JSON.parse(text('steps') || '[]') as {
      title: string;
      text?: string;
      bring?: string[];
      costs?: string;
      duration?: string;
      offers?: string[];
    }[];
    steps = parsed.map((step) => ({
      title: step.title,
      text: step.text ?? '',
      bring: (step.bring ?? []).join('\n'),
      costs: step.costs ?? '',
      duration: step.duration ?? '',
      offers: (step.offers ?? []).join(', '),
    }));
  } catch {
    steps = [];
  }
  return {
    slug: page.slug,
    parentId: page.parentId ?? '',
    position: String(page.position),
    title: text('title'),
    summary: text('summary'),
    body: text('body'),
    steps,
  };
}

function inputOf(draft: Draft): PageInput {
  const lines = (value: string) =>
    value
      .split(/\n|,/)
      .map((line) => line.trim())
      .filter(Boolean);
  return {
    slug: draft.slug.trim(),
    parentId: draft.parentId || null,
    position: Number(draft.position) || 0,
    variants: {
      de: {
        title: draft.title,
        summary: draft.summary,
        body: draft.body,
        steps: draft.steps.map((step) => ({
          title: step.title,
          text: step.text,
          bring: step.bring
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
          costs: step.costs,
          duration: step.duration,
          offers: lines(step.offers),
        })),
      },
    },
  };
}

/** What the readability score reads: the German summary, body and steps (the title is a heading). */
const scoredText = (draft: Draft) =>
  [
    draft.summary,
    plainTextOf(draft.body),
    ...draft.steps.flatMap((step) => [step.title ? `${step.title}.` : '', step.text]),
  ].join('\n');

function StepFields({
  index,
  step,
  onChange,
  onRemove,
}: {
  index: number;
  step: StepDraft;
  onChange: (step: StepDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = `step-${index}`;
  const set = (field: keyof StepDraft) => (value: string) => onChange({ ...step, [field]: value });
  return (
    <fieldset className="kern-fieldset app-pages-editor__step">
      <legend className="kern-label">{t('pages:page.stepN', { n: index + 1 })}</legend>
      <div className="kern-fieldset__body">
        <TextInput
          id={`${id}-title`}
          label={t('pages:editor.stepTitle')}
          value={step.title}
          onValueChange={set('title')}
        />
        <TextArea
          id={`${id}-text`}
          label={t('pages:editor.stepText')}
          value={step.text}
          onValueChange={set('text')}
          optional
        />
        <TextArea
          id={`${id}-bring`}
          label={t('pages:editor.stepBring')}
          hint={t('pages:editor.stepBringHint')}
          value={step.bring}
          onValueChange={set('bring')}
          optional
        />
        <TextInput
          id={`${id}-costs`}
          label={t('pages:page.costs')}
          value={step.costs}
          onValueChange={set('costs')}
          optional
        />
        <TextInput
          id={`${id}-duration`}
          label={t('pages:page.duration')}
          value={step.duration}
          onValueChange={set('duration')}
          optional
        />
        <TextInput
          id={`${id}-offers`}
          label={t('pages:editor.stepOffers')}
          hint={t('pages:editor.stepOffersHint')}
          value={step.offers}
          onValueChange={set('offers')}
          optional
          dir="ltr"
        />
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={onRemove}>
          <span className="kern-label">{t('pages:editor.removeStep', { n: index + 1 })}</span>
        </button>
      </div>
    </fieldset>
  );
}

/** /seiten-editor/neu and /seiten-editor/:id — write a page in German, see its readability, save, review, publish. */
export function EditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const existing = useEditorPage(id);
  const list = useEditorList();
  const actions = usePageActions(id);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (existing.data && existing.data.id !== loadedId) {
      setDraft(draftOf(existing.data));
      setLoadedId(existing.data.id);
    }
  }, [existing.data, loadedId]);

  const labels = {
    slug: t('pages:editor.slug'),
    parentId: t('pages:editor.parent'),
    title: t('pages:editor.pageTitle'),
    de: t('pages:editor.pageTitle'),
    summary: t('pages:editor.summary'),
    body: t('pages:editor.body'),
  };
  const error = actions.save.error ?? actions.submit.error ?? actions.publish.error;
  const fieldError = useFieldError(actions.save.error, labels);
  const set = (field: keyof Draft) => (value: string) =>
    setDraft((before) => ({ ...before, [field]: value }));

  if (id && existing.isPending) return <Loading />;
  if (existing.error) return <ErrorAlert error={existing.error} />;
  const page = existing.data;
  const canPublish = user?.role === 'coordinator' || user?.role === 'admin';

  const save = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    actions.save.mutate(inputOf(draft), {
      onSuccess: (saved) => {
        setNotice(t('pages:editor.saved', { revision: saved.revision }));
        if (!id) void navigate(`/seiten-editor/${saved.id}`, { replace: true });
      },
    });
  };

  return (
    <div className="app-pages-editor">
      <PageTitle>{page ? t('pages:editor.editTitle') : t('pages:editor.newTitle')}</PageTitle>
      <p className="kern-body">
        <Link className="kern-link" to="/seiten-editor">
          {t('pages:editor.backToList')}
        </Link>
      </p>
      {page ? (
        <p className="kern-body" data-testid="pages-status">
          {t('pages:editor.statusLine', { status: t(STATUS_LABEL[page.status]), revision: page.revision })}
          {page.status === 'published' ? (
            <>
              {' · '}
              <Link className="kern-link" to={`/seiten/${page.slug}`}>
                {t('pages:editor.view')}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      <div role="status">{notice ? <Alert variant="success" title={notice} /> : null}</div>
      <ErrorAlert error={error} fieldLabels={labels} />
      <div className="app-pages-editor__columns">
        <form className="app-pages-editor__form" onSubmit={save} noValidate lang="de">
          <TextInput
            id="title"
            label={t('pages:editor.pageTitle')}
            value={draft.title}
            onValueChange={set('title')}
            error={fieldError('title') ?? fieldError('de')}
          />
          <TextInput
            id="slug"
            label={t('pages:editor.slug')}
            hint={t('pages:editor.slugHint')}
            value={draft.slug}
            onValueChange={set('slug')}
            error={fieldError('slug')}
            dir="ltr"
            autoComplete="off"
          />
          <Select
            id="parentId"
            label={t('pages:editor.parent')}
            value={draft.parentId}
            onValueChange={set('parentId')}
            error={fieldError('parentId')}
            options={[
              { value: '', label: t('pages:editor.parentNone') },
              ...(list.data?.items ?? [])
                .filter((item) => item.id !== id)
                .map((item) => ({ value: item.id, label: item.title })),
            ]}
          />
          <TextArea
            id="summary"
            label={t('pages:editor.summary')}
            value={draft.summary}
            onValueChange={set('summary')}
            optional
            rows={2}
          />
          <TextArea
            id="body"
            label={t('pages:editor.body')}
            hint={t('pages:editor.bodyHint')}
            value={draft.body}
            onValueChange={set('body')}
            error={fieldError('body')}
            optional
            rows={10}
            dir="ltr"
          />
          <h2 className="kern-heading-small">{t('pages:editor.steps')}</h2>
          {draft.steps.map((step, index) => (
            <StepFields
              // Steps have no id of their own; their place is their identity while editing.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={index}
              index={index}
              step={step}
              onChange={(next) =>
                setDraft((before) => ({
                  ...before,
                  steps: before.steps.map((old, at) => (at === index ? next : old)),
                }))
              }
              onRemove={() =>
                setDraft((before) => ({ ...before, steps: before.steps.filter((_, at) => at !== index) }))
              }
            />
          ))}
          <p>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => setDraft((before) => ({ ...before, steps: [...before.steps, emptyStep()] }))}
            >
              <span className="kern-label">{t('pages:editor.addStep')}</span>
            </button>
          </p>
          <div className="app-pages-editor__buttons">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={actions.save.isPending}>
              <span className="kern-label">{t('pages:editor.save')}</span>
            </button>
            {page && page.status === 'draft' ? (
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                onClick={() =>
                  actions.submit.mutate(page.id, { onSuccess: () => setNotice(t('pages:editor.submitted')) })
                }
              >
                <span className="kern-label">{t('pages:editor.submit')}</span>
              </button>
            ) : null}
            {page && page.status === 'review' && canPublish ? (
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                onClick={() =>
                  actions.publish.mutate(page.id, {
                    onSuccess: () => setNotice(t('pages:editor.publishedNow')),
                  })
                }
              >
                <span className="kern-label">{t('pages:editor.publish')}</span>
              </button>
            ) : null}
          </div>
        </form>
        <ReadabilityPanel text={scoredText(draft)} />
      </div>
      {page ? (
        <>
          <TranslationPanel page={page} />
          <HistoryPanel page={page} onRestored={(restored) => setDraft(draftOf(restored))} />
        </>
      ) : null}
    </div>
  );
}
