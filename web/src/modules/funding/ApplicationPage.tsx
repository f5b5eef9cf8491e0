import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCity } from '../../app/city';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Checkbox, CheckGroup, Checkboxes, Select, TextArea, TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useEuros } from './CallsPage';
import {
  type Application,
  type Call,
  type CostCategory,
  DOCUMENT_KINDS,
  type DocumentKind,
  EDITABLE_STATES,
  paths,
  type StepInput,
  TARGET_GROUPS,
  type TargetGroup,
  useApplication,
  useApplicationAction,
  useCall,
} from './funding.api';
import { CATEGORY_LABEL, DOCUMENT_LABEL, GROUP_LABEL, PART_LABEL, STATE_LABEL } from './labels';
import { readBase64 } from './files';
import { PaymentsSection } from './PaymentsSection';
import { ProofSection } from './ProofSection';

/** What the form holds: the application's parts, numbers as typed. */
type Line = { category: CostCategory | ''; description: string; amount: string };
type Draft = {
  title: string;
  summary: string;
  goals: string;
  targetGroups: TargetGroup[];
  districts: string[];
  from: string;
  to: string;
  costs: Line[];
  ownContribution: string;
  otherFunding: string;
  minimum: string;
  declaration: boolean;
};

const STEPS = ['project', 'budget', 'documents', 'declaration'] as const;
type Step = (typeof STEPS)[number];
const STEP_LABEL: Record<Step, string> = {
  project: 'funding:apply.step.project',
  budget: 'funding:apply.step.budget',
  documents: 'funding:apply.step.documents',
  declaration: 'funding:apply.step.declaration',
};

const draftKey = (id: string) => `lotse.funding.draft.${id}`;

function fromApplication(a: Application): Draft {
  const c = a.content;
  return {
    title: c.project.title,
    summary: c.project.summary,
    goals: c.goals,
    targetGroups: [...c.targetGroups],
    districts: [...c.districts],
    from: c.timeline?.from ?? '',
    to: c.timeline?.to ?? '',
    costs: c.budget.costs.map((line) => ({ ...line, amount: String(line.amount) })),
    ownContribution: String(c.budget.ownContribution),
    otherFunding: String(c.budget.otherFunding),
    minimum: c.budget.minimum === null ? '' : String(c.budget.minimum),
    declaration: c.declaration,
  };
}

/** The saved application, or what was typed on this device and not yet saved. */
function loadDraft(a: Application): Draft {
  try {
    const saved = JSON.parse(localStorage.getItem(draftKey(a.id)) ?? 'null') as Partial<Draft> | null;
    if (saved) return { ...fromApplication(a), ...saved };
  } catch {
    // A damaged draft is dropped.
  }
  return fromApplication(a);
}

const whole = (value: string) => {
  const n = Number(value.replace(/[.\s]/g, '').replace(',', '.'));
  return Number.isFinite(n) ? Math.round(n) : 0;
};
const costsOf = (draft: Draft) => draft.costs.reduce((sum, line) => sum + whole(line.amount), 0);
const requestedOf = (draft: Draft) =>
  Math.max(0, costsOf(draft) - whole(draft.ownContribution) - whole(draft.otherFunding));

function stepInput(step: Step, draft: Draft): StepInput {
  if (step === 'project')
    return {
      project: { title: draft.title, summary: draft.summary },
      goals: draft.goals,
      targetGroups: draft.targetGroups,
      districts: draft.districts,
      timeline: draft.from && draft.to ? { from: draft.from, to: draft.to } : null,
    };
  if (step === 'budget')
    return {
      budget: {
        costs: draft.costs
          .filter((line) => line.category !== '' && line.description.trim() !== '')
          .map((line) => ({
            category: line.category as CostCategory,
            description: line.description,
            amount: whole(line.amount),
          })),
        ownContribution: whole(draft.ownContribution),
        otherFunding: whole(draft.otherFunding),
        requested: requestedOf(draft),
        minimum: draft.minimum.trim() === '' ? null : whole(draft.minimum),
      },
    };
  if (step === 'declaration') return { declaration: draft.declaration };
  return {};
}

/** What is still missing, in words, with a link to its step. */
function Missing({ application }: { application: Application }) {
  const { t } = useTranslation();
  if (application.missing.length === 0)
    return (
      <Alert variant="success" title={t('funding:apply.completeTitle')}>
        <p className="kern-body">{t('funding:apply.complete')}</p>
      </Alert>
    );
  return (
    <Alert variant="warning" title={t('funding:apply.missingTitle')}>
      <ul className="kern-list" data-testid="funding-missing">
        {application.missing.map((part) => (
          <li key={part}>{t(PART_LABEL[part])}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** /funding/:id: an association's application in steps that save as they go; what is missing; submit. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const application = useApplication(id);
  const call = useCall(application.data?.callId ?? '');
  if (application.isPending || (application.data && call.isPending)) return <Loading />;
  if (!application.data || !call.data) return <ErrorAlert error={application.error ?? call.error} />;
  return <ApplicationForm key={application.data.id} application={application.data} call={call.data} />;
}

function ApplicationForm({ application, call }: { application: Application; call: Call }) {
  const { t } = useTranslation();
  const euros = useEuros();
  const city = useCity();
  const session = useSession();
  const { save, submit, upload } = useApplicationAction(application.id);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(application));
  const [step, setStep] = useState<Step>('project');
  const [saved, setSaved] = useState(false);
  const [kind, setKind] = useState<DocumentKind>(call.requiredDocuments[0] ?? 'other');
  const editable = EDITABLE_STATES.includes(application.state);

  useEffect(() => {
    localStorage.setItem(draftKey(application.id), JSON.stringify(draft));
  }, [application.id, draft]);

  const update = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const setLine = (index: number, patch: Partial<Line>) =>
    update({ costs: draft.costs.map((line, i) => (i === index ? { ...line, ...patch } : line)) });

  const labels = {
    title: t('funding:apply.projectTitle'),
    summary: t('funding:apply.summary'),
    goals: t('funding:apply.goals'),
    from: t('funding:apply.from'),
    to: t('funding:apply.to'),
    requested: t('funding:apply.requested'),
    minimum: t('funding:apply.minimum'),
    category: t('funding:apply.category'),
    content: t('funding:apply.file'),
  };

  const saveStep = (next?: Step) =>
    save.mutate(stepInput(step, draft), {
      onSuccess: () => {
        localStorage.removeItem(draftKey(application.id));
        setSaved(true);
        if (next) setStep(next);
      },
    });
  const nextOf = (s: Step) => STEPS[STEPS.indexOf(s) + 1];

  return (
    <>
      <PageTitle>{application.content.project.title || t('funding:apply.title')}</PageTitle>
      <p className="kern-body">
        <span lang={call.language}>{call.title}</span> –{' '}
        <span data-testid="funding-state">{t(STATE_LABEL[application.state])}</span>
      </p>
      {application.changeNote ? (
        <Alert variant="info" title={t('funding:apply.changeNote')}>
          <p className="kern-body" lang="de">
            {application.changeNote}
          </p>
        </Alert>
      ) : null}
      {editable ? <Missing application={application} /> : null}
      {editable ? (
        <>
          <nav aria-label={t('funding:apply.steps')}>
            <ol className="app-funding__steps">
              {STEPS.map((s, i) => (
                <li key={s}>
                  <button
                    type="button"
                    className="kern-btn kern-btn--tertiary"
                    aria-current={s === step ? 'step' : undefined}
                    onClick={() => setStep(s)}
                  >
                    <span className="kern-label">
                      {i + 1}. {t(STEP_LABEL[s])}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          <form
            className="app-funding__form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              saveStep(nextOf(step));
            }}
          >
            <h2 className="kern-heading-medium">{t(STEP_LABEL[step])}</h2>
            <ErrorAlert error={save.error} fieldLabels={labels} />
            {step === 'project' ? (
              <>
                <TextInput
                  id="funding-title"
                  label={labels.title}
                  hint={t('funding:apply.germanHint')}
                  lang="de"
                  value={draft.title}
                  onValueChange={(title) => update({ title })}
                />
                <TextArea
                  id="funding-summary"
                  label={labels.summary}
                  hint={t('funding:apply.summaryHint')}
                  lang="de"
                  value={draft.summary}
                  onValueChange={(summary) => update({ summary })}
                />
                <TextArea
                  id="funding-goals"
                  label={labels.goals}
                  hint={t('funding:apply.goalsHint')}
                  lang="de"
                  value={draft.goals}
                  onValueChange={(goals) => update({ goals })}
                />
                <CheckGroup
                  id="funding-groups"
                  legend={t('funding:apply.targetGroups')}
                  hint={t('funding:apply.targetGroupsHint')}
                >
                  <Checkboxes
                    idPrefix="funding-group"
                    options={TARGET_GROUPS}
                    labelOf={(g) => t(GROUP_LABEL[g])}
                    selected={draft.targetGroups}
                    onChange={(targetGroups) => update({ targetGroups })}
                  />
                </CheckGroup>
                <CheckGroup
                  id="funding-districts"
                  legend={t('funding:apply.districts')}
                  hint={t('funding:apply.districtsHint')}
                >
                  <Checkboxes
                    idPrefix="funding-district"
                    options={(city.data?.districts ?? []).map((d) => d.id)}
                    labelOf={(d) => city.data?.districts.find((x) => x.id === d)?.name ?? d}
                    selected={draft.districts}
                    onChange={(districts) => update({ districts })}
                  />
                </CheckGroup>
                <div className="app-funding__row">
                  <TextInput
                    id="funding-from"
                    type="date"
                    label={labels.from}
                    hint={t('funding:apply.fromHint')}
                    value={draft.from}
                    onValueChange={(from) => update({ from })}
                  />
                  <TextInput
                    id="funding-to"
                    type="date"
                    label={labels.to}
                    hint={t('funding:apply.toHint')}
                    value={draft.to}
                    onValueChange={(to) => update({ to })}
                  />
                </div>
              </>
            ) : null}
            {step === 'budget' ? (
              <>
                <p className="kern-body">
                  {t('funding:apply.budgetHint', { max: euros(call.maxPerProject) })}
                </p>
                {draft.costs.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cost lines have no id; their position is their identity
                  <fieldset key={i} className="app-funding__line">
                    <legend className="kern-label">{t('funding:apply.line', { number: i + 1 })}</legend>
                    <Select
                      id={`funding-line-${i}-category`}
                      label={labels.category}
                      hint={t('funding:apply.categoryHint')}
                      value={line.category}
                      placeholder={t('funding:apply.choose')}
                      options={call.categories.map((c) => ({ value: c, label: t(CATEGORY_LABEL[c]) }))}
                      onValueChange={(category) => setLine(i, { category: category as CostCategory })}
                    />
                    <TextInput
                      id={`funding-line-${i}-description`}
                      label={t('funding:apply.description')}
                      hint={t('funding:apply.descriptionHint')}
                      lang="de"
                      value={line.description}
                      onValueChange={(description) => setLine(i, { description })}
                    />
                    <TextInput
                      id={`funding-line-${i}-amount`}
                      label={t('funding:apply.amount')}
                      hint={t('funding:apply.amountHint')}
                      inputMode="numeric"
                      value={line.amount}
                      onValueChange={(amount) => setLine(i, { amount })}
                    />
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary"
                      onClick={() => update({ costs: draft.costs.filter((_, j) => j !== i) })}
                    >
                      <span className="kern-label">{t('funding:apply.removeLine', { number: i + 1 })}</span>
                    </button>
                  </fieldset>
                ))}
                <button
                  type="button"
                  className="kern-btn kern-btn--secondary"
                  onClick={() =>
                    update({ costs: [...draft.costs, { category: '', description: '', amount: '' }] })
                  }
                >
                  <span className="kern-label">{t('funding:apply.addLine')}</span>
                </button>
                <TextInput
                  id="funding-own"
                  label={t('funding:apply.ownContribution')}
                  hint={t('funding:apply.ownContributionHint')}
                  inputMode="numeric"
                  value={draft.ownContribution}
                  onValueChange={(ownContribution) => update({ ownContribution })}
                />
                <TextInput
                  id="funding-other"
                  label={t('funding:apply.otherFunding')}
                  hint={t('funding:apply.otherFundingHint')}
                  inputMode="numeric"
                  value={draft.otherFunding}
                  onValueChange={(otherFunding) => update({ otherFunding })}
                />
                <p className="kern-body" data-testid="funding-requested">
                  {t('funding:apply.sums', {
                    costs: euros(costsOf(draft)),
                    requested: euros(requestedOf(draft)),
                  })}
                </p>
                <TextInput
                  id="funding-minimum"
                  label={labels.minimum}
                  hint={t('funding:apply.minimumHint')}
                  inputMode="numeric"
                  optional
                  value={draft.minimum}
                  onValueChange={(minimum) => update({ minimum })}
                />
              </>
            ) : null}
            {step === 'documents' ? (
              <>
                {application.documents.length > 0 ? (
                  <ul className="kern-list">
                    {application.documents.map((d) => (
                      <li key={d.id}>
                        {t(DOCUMENT_LABEL[d.kind])}: {d.fileName}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <ErrorAlert error={upload.error} fieldLabels={labels} />
                <Select
                  id="funding-document-kind"
                  label={t('funding:apply.documentKind')}
                  hint={t('funding:apply.documentKindHint')}
                  value={kind}
                  options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(DOCUMENT_LABEL[k]) }))}
                  onValueChange={(value) => setKind(value as DocumentKind)}
                />
                <div className="kern-form-input">
                  <label className="kern-label" htmlFor="funding-file">
                    {labels.content}
                  </label>
                  <div className="kern-hint" id="funding-file-hint">
                    {t('funding:apply.fileHint')}
                  </div>
                  <input
                    id="funding-file"
                    type="file"
                    accept="application/pdf,image/jpeg,image/png"
                    aria-describedby="funding-file-hint"
                    className="kern-form-input__input"
                    onChange={async (event) => {
                      const file = event.target.files?.[0];
                      if (!file) return;
                      upload.mutate({ kind, fileName: file.name, content: await readBase64(file) });
                      event.target.value = '';
                    }}
                  />
                </div>
              </>
            ) : null}
            {step === 'declaration' ? (
              <Checkbox
                id="funding-declaration"
                label={t('funding:apply.declaration')}
                hint={t('funding:apply.declarationHint')}
                checked={draft.declaration}
                onChange={(declaration) => update({ declaration })}
              />
            ) : null}
            {step !== 'documents' ? (
              <button type="submit" className="kern-btn kern-btn--primary" disabled={save.isPending}>
                <span className="kern-label">{t('funding:apply.save')}</span>
              </button>
            ) : (
              <button
                type="button"
                className="kern-btn kern-btn--primary"
                onClick={() => setStep('declaration')}
              >
                <span className="kern-label">{t('funding:apply.next')}</span>
              </button>
            )}
            {saved ? (
              <p className="kern-body" role="status">
                {t('funding:apply.saved')}
              </p>
            ) : null}
          </form>
          <ErrorAlert error={submit.error} />
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            disabled={submit.isPending || application.missing.length > 0}
            onClick={() =>
              submit.mutate(undefined, { onSuccess: () => localStorage.removeItem(draftKey(application.id)) })
            }
          >
            <span className="kern-label">{t('funding:apply.submit')}</span>
          </button>
        </>
      ) : (
        <Alert variant="info" title={t('funding:apply.frozenTitle')}>
          <p className="kern-body">{t('funding:apply.frozen', { version: application.version })}</p>
          {application.decision ? (
            <p className="kern-body">
              {euros(application.decision.amount)} – <span lang="de">{application.decision.reason}</span>
            </p>
          ) : null}
          {application.decision ? (
            <p className="kern-body">
              <a className="kern-link" href={paths.notice(application.id)} download>
                {t('funding:apply.notice')}
              </a>
            </p>
          ) : null}
        </Alert>
      )}
      {application.state === 'approved' || application.state === 'partly' ? (
        <>
          <PaymentsSection
            application={application}
            canManage={session.user?.role === 'coordinator' || session.user?.role === 'admin'}
          />
          <ProofSection application={application} canFile={session.user?.role === 'association'} />
        </>
      ) : null}
      <p className="kern-body">
        <Link className="kern-link" to="/funding">
          {t('funding:overview.back')}
        </Link>
      </p>
    </>
  );
}
