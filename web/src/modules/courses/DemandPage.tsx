import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city';
import { useLanguageNames } from '../../app/languages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextInput } from '../../components/Fields';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { TableScroll } from '../../components/TableScroll';
import { type Demand, type Plan, type PlannerInput, useDemand, usePlanner } from './courses.api';
import { AGE_BAND_LABEL, KIND_LABEL, NEED_LABEL } from './labels';

type Choice = 'fixed' | 'forbidden';

/** Coordinators: who waits where for which course, and the planner that says where new groups should open. */
export function DemandPage() {
  const { t } = useTranslation();
  const city = useCity();
  const languages = useLanguageNames();
  const demand = useDemand();
  const ortsteilName = new Map(
    (city.data?.districts ?? []).flatMap((d) => d.ortsteile.map((o) => [o.id, o.name] as const)),
  );
  const count = (n: number | '<5') => (n === '<5' ? t('courses:demand.small') : String(n));
  return (
    <>
      <PageTitle>{t('courses:demand.title')}</PageTitle>
      <p className="kern-body">{t('courses:demand.intro')}</p>
      <ErrorAlert error={demand.error} focus={false} />
      {demand.isPending ? <Loading /> : null}
      {demand.data ? (
        <>
          <p className="kern-body" data-testid="demand-total">
            {t('courses:demand.total', { persons: count(demand.data.persons) })}
            {demand.data.medianWaitDays !== null
              ? ` ${t('courses:demand.medianWait', { days: demand.data.medianWaitDays })}`
              : null}
          </p>
          <TableScroll labelledBy="demand-caption">
            <table className="kern-table">
              <caption className="kern-title" id="demand-caption">
                {t('courses:demand.caption')}
              </caption>
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th className="kern-table__header" scope="col">
                    {t('courses:demand.ortsteil')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('courses:demand.kind')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('courses:demand.language')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('courses:demand.childcare')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('courses:demand.persons')}
                  </th>
                  <th className="kern-table__header" scope="col">
                    {t('courses:demand.wait')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {demand.data.rows.map((row) => (
                  <tr
                    className="kern-table__row"
                    key={`${row.ortsteilId}|${row.kind}|${row.language}|${row.childcare}`}
                  >
                    <td className="kern-table__cell">{ortsteilName.get(row.ortsteilId) ?? row.ortsteilId}</td>
                    <td className="kern-table__cell">{t(KIND_LABEL[row.kind])}</td>
                    <td className="kern-table__cell">{languages.nameOf(row.language)}</td>
                    <td className="kern-table__cell">
                      {row.childcare ? t('courses:demand.childcareYes') : t('courses:demand.childcareNo')}
                    </td>
                    <td className="kern-table__cell">{count(row.persons)}</td>
                    <td className="kern-table__cell">
                      {row.medianWaitDays === null
                        ? ''
                        : t('courses:demand.days', { days: row.medianWaitDays })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <AgeAndNeeds demand={demand.data} count={count} />
          <UnmetSearches demand={demand.data} />
        </>
      ) : null}
      <Planner />
    </>
  );
}

function Planner() {
  const { t } = useTranslation();
  const planner = usePlanner();
  const [groups, setGroups] = useState('4');
  const [groupSize, setGroupSize] = useState('12');
  const [childcare, setChildcare] = useState('4');
  const [choices, setChoices] = useState<Map<string, Choice>>(new Map());
  const body = (next: Map<string, Choice>): PlannerInput => ({
    groups: Number(groups),
    groupSize: Number(groupSize),
    childcarePlaces: Number(childcare),
    places: [...next].map(([id, status]) => ({ id, status })),
  });
  const run = (next: Map<string, Choice>) => {
    setChoices(next);
    planner.mutate(body(next));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(choices);
  };
  const choose = (id: string, status: Choice | null) => {
    const next = new Map(choices);
    if (status) next.set(id, status);
    else next.delete(id);
    run(next);
  };
  const names = new Map((planner.data?.places ?? []).map((p) => [p.id, p.name]));
  return (
    <section className="app-section" aria-labelledby="planner-heading">
      <h2 className="kern-heading-medium" id="planner-heading">
        {t('courses:planner.title')}
      </h2>
      <p className="kern-body">{t('courses:planner.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextInput
          id="planner-groups"
          label={t('courses:planner.groups')}
          type="number"
          inputMode="numeric"
          min={1}
          value={groups}
          onValueChange={setGroups}
        />
        <TextInput
          id="planner-size"
          label={t('courses:planner.groupSize')}
          type="number"
          inputMode="numeric"
          min={1}
          value={groupSize}
          onValueChange={setGroupSize}
        />
        <TextInput
          id="planner-childcare"
          label={t('courses:planner.childcarePlaces')}
          type="number"
          inputMode="numeric"
          min={0}
          value={childcare}
          onValueChange={setChildcare}
        />
        <ErrorAlert
          error={planner.error}
          fieldLabels={{
            'body.groups': t('courses:planner.groups'),
            'body.groupSize': t('courses:planner.groupSize'),
            'body.childcarePlaces': t('courses:planner.childcarePlaces'),
          }}
        />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={planner.isPending}>
          <span className="kern-label">{t('courses:planner.run')}</span>
        </button>
      </form>
      {planner.isPending ? <Loading /> : null}
      {choices.size > 0 ? (
        <ul className="app-courses__choices" aria-label={t('courses:planner.choices')}>
          {[...choices].map(([id, status]) => (
            <li key={id}>
              {t(status === 'fixed' ? 'courses:planner.isFixed' : 'courses:planner.isForbidden', {
                place: names.get(id) ?? id,
              })}{' '}
              <button
                type="button"
                className="kern-btn kern-btn--tertiary"
                disabled={planner.isPending}
                onClick={() => choose(id, null)}
              >
                <span className="kern-label">{t('courses:planner.release')}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {planner.data && !planner.isPending ? <Proposals plan={planner.data} onChoose={choose} /> : null}
    </section>
  );
}

function Proposals({ plan, onChoose }: { plan: Plan; onChoose: (id: string, status: Choice) => void }) {
  const { t, i18n } = useTranslation();
  const languages = useLanguageNames();
  const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' });
  return (
    <div role="status">
      <p className="kern-body" data-testid="plan-summary">
        {plan.status === 'optimal'
          ? t('courses:planner.optimal', { placed: plan.objective, waiting: plan.waiting })
          : t('courses:planner.limit', { placed: plan.objective, waiting: plan.waiting, bound: plan.bound })}
      </p>
      {plan.proposals.length === 0 ? <p className="kern-body">{t('courses:planner.none')}</p> : null}
      <ol className="app-courses__proposals">
        {plan.proposals.map((p) => (
          <li key={`${p.place}|${p.language}`} className="app-courses__proposal">
            <h3 className="kern-heading-small">
              {t('courses:planner.at', { place: p.placeName, groups: p.groups })}
            </h3>
            <p className="kern-body">
              {t('courses:planner.explain', {
                places: p.places,
                waiting: p.waitingInReach,
                language: languages.nameOf(p.language),
                ortsteile: list.format(p.ortsteile.slice(0, 3)),
              })}{' '}
              {p.nearestExistingKm === null
                ? t('courses:planner.noExisting')
                : t('courses:planner.nearest', { km: p.nearestExistingKm })}{' '}
              {p.childcarePlaced > 0
                ? t('courses:planner.childcareUsed', { count: p.childcarePlaced })
                : null}
            </p>
            <div className="app-courses__buttons">
              {p.fixed ? null : (
                <button
                  type="button"
                  className="kern-btn kern-btn--secondary"
                  onClick={() => onChoose(p.place, 'fixed')}
                >
                  <span className="kern-label">{t('courses:planner.fix', { place: p.placeName })}</span>
                </button>
              )}
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                onClick={() => onChoose(p.place, 'forbidden')}
              >
                <span className="kern-label">{t('courses:planner.forbid', { place: p.placeName })}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** A two-column table of counts: a label and the persons (small counts as "<5"). */
function CountTable({
  id,
  caption,
  head,
  rows,
}: {
  id: string;
  caption: string;
  head: [string, string];
  rows: [string, string][];
}) {
  return (
    <TableScroll labelledBy={id}>
      <table className="kern-table">
        <caption className="kern-title" id={id}>
          {caption}
        </caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th className="kern-table__header" scope="col">
              {head[0]}
            </th>
            <th className="kern-table__header" scope="col">
              {head[1]}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map(([label, value]) => (
            <tr className="kern-table__row" key={label}>
              <th className="kern-table__cell" scope="row">
                {label}
              </th>
              <td className="kern-table__cell">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Waiting persons by the participant's age band and by need (childcare, women-only, evening). */
function AgeAndNeeds({ demand, count }: { demand: Demand; count: (n: number | '<5') => string }) {
  const { t } = useTranslation();
  return (
    <>
      <CountTable
        id="demand-age-caption"
        caption={t('courses:demand.ageCaption')}
        head={[t('courses:demand.band'), t('courses:demand.persons')]}
        rows={demand.ageBands.map((b) => [t(AGE_BAND_LABEL[b.band]), count(b.persons)])}
      />
      <CountTable
        id="demand-needs-caption"
        caption={t('courses:demand.needsCaption')}
        head={[t('courses:demand.need'), t('courses:demand.persons')]}
        rows={(['childcare', 'womenOnly', 'evening'] as const).map((need) => [
          t(NEED_LABEL[need]),
          count(demand.needs[need]),
        ])}
      />
    </>
  );
}

/** The directory's searches for courses that found nothing, beside the waiting lists. */
function UnmetSearches({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const languages = useLanguageNames();
  if (demand.unmetSearches.length === 0) return <p className="kern-body">{t('courses:demand.unmetNone')}</p>;
  return (
    <TableScroll labelledBy="demand-unmet-caption">
      <table className="kern-table" data-testid="demand-unmet">
        <caption className="kern-title" id="demand-unmet-caption">
          {t('courses:demand.unmetCaption')}
        </caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th className="kern-table__header" scope="col">
              {t('courses:demand.unmetWords')}
            </th>
            <th className="kern-table__header" scope="col">
              {t('courses:demand.unmetLang')}
            </th>
            <th className="kern-table__header" scope="col">
              {t('courses:demand.unmetCount')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {demand.unmetSearches.map((u) => (
            <tr className="kern-table__row" key={`${u.lang}|${u.districtId}|${u.words}`}>
              <td className="kern-table__cell" dir="auto">
                {u.words}
              </td>
              <td className="kern-table__cell">{languages.nameOf(u.lang)}</td>
              <td className="kern-table__cell">{u.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
