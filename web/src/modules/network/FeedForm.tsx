import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city';
import { useLanguageNames } from '../../app/languages';
import { useCityTime } from '../../app/time';
import { Alert } from '../../components/Alert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/errorText';
import { Checkbox, CheckGroup, Checkboxes, GroupedSelect, Select, TextInput } from '../../components/Fields';
import { KIND_LABEL, TARGET_GROUP_LABEL } from './labels';
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  type FeedInput,
  TARGET_GROUPS,
  useActorFeed,
  useFeedChange,
} from './network.api';

const EMPTY: FeedInput = {
  url: '',
  kind: 'event',
  ortsteilId: '',
  targetGroups: [],
  languages: ['deu'],
  public: true,
};

/**
 * The actor's own calendar (an iCal feed): its address and what its events lack (kind, Ortsteil, target groups,
 * languages, public), "fetch now", and how the last fetch went, its problem in the reader's language.
 */
export function FeedForm({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const dates = useCityTime();
  const city = useCity();
  const names = useLanguageNames();
  const feed = useActorFeed(actorId);
  const change = useFeedChange(actorId);
  const [draft, setDraft] = useState<FeedInput>(EMPTY);
  const current = feed.data?.feed ?? null;
  // The form starts from the stored feed once it has come.
  useEffect(() => {
    if (current)
      setDraft({
        url: current.url,
        kind: current.kind,
        ortsteilId: current.ortsteilId,
        targetGroups: current.targetGroups,
        languages: current.languages,
        public: current.public,
      });
  }, [current]);
  const set = (patch: Partial<FeedInput>) => setDraft((d) => ({ ...d, ...patch }));
  const labels = {
    url: t('network:feed.url'),
    ortsteilId: t('network:plan.ortsteil'),
    targetGroups: t('network:plan.targetGroups'),
    languages: t('network:plan.languages'),
  };
  const errorOf = useFieldError(change.error, labels);
  const ortsteile = (city.data?.districts ?? []).map((district) => ({
    label: district.name,
    options: district.ortsteile.map((o) => ({ value: o.id, label: o.name })),
  }));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    change.mutate(draft);
  };
  return (
    <section className="app-section" aria-labelledby="feed-title">
      <h2 className="kern-heading-medium" id="feed-title">
        {t('network:feed.title')}
      </h2>
      <p className="kern-body">{t('network:feed.intro')}</p>
      <div aria-live="polite" data-testid="feed-status">
        {current?.problem ? (
          <Alert variant="warning" title={t('network:feed.problem')}>
            <p className="kern-body">{current.problem.message}</p>
            {current.okAt ? (
              <p className="kern-body">{t('network:feed.lastOk', { when: dates.dateTime(current.okAt) })}</p>
            ) : null}
          </Alert>
        ) : current?.syncedAt ? (
          <Alert
            variant="success"
            title={t('network:feed.synced', {
              when: dates.dateTime(current.syncedAt),
              count: current.activities,
            })}
          >
            {current.counts ? (
              <p className="kern-body">
                {t('network:feed.counts', {
                  created: current.counts.created,
                  updated: current.counts.updated,
                  deleted: current.counts.deleted,
                  skipped: current.counts.skipped,
                })}
              </p>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={change.error} fieldLabels={labels} />
        <TextInput
          id="feed-url"
          label={labels.url}
          hint={t('network:feed.urlHint')}
          value={draft.url}
          onValueChange={(url) => set({ url })}
          error={errorOf('url')}
          dir="ltr"
          maxLength={2000}
        />
        <Select
          id="feed-kind"
          label={t('network:plan.kind')}
          value={draft.kind}
          onValueChange={(kind) => set({ kind: kind as ActivityKind })}
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
        />
        <GroupedSelect
          id="feed-ortsteilId"
          label={labels.ortsteilId}
          value={draft.ortsteilId}
          placeholder={t('network:plan.choose')}
          onValueChange={(ortsteilId) => set({ ortsteilId })}
          groups={ortsteile}
          error={errorOf('ortsteilId')}
        />
        <CheckGroup
          id="feed-targetGroups"
          legend={labels.targetGroups}
          error={errorOf('targetGroups')}
          horizontal
        >
          <Checkboxes
            idPrefix="feed-group"
            options={TARGET_GROUPS}
            labelOf={(g) => t(TARGET_GROUP_LABEL[g])}
            selected={draft.targetGroups}
            onChange={(targetGroups) => set({ targetGroups })}
          />
        </CheckGroup>
        <CheckGroup id="feed-languages" legend={labels.languages} error={errorOf('languages')} horizontal>
          <Checkboxes
            idPrefix="feed-language"
            options={city.data?.guideLanguages ?? ['deu']}
            labelOf={names.nameOf}
            selected={draft.languages}
            onChange={(languages) => set({ languages })}
          />
        </CheckGroup>
        <Checkbox
          id="feed-public"
          label={t('network:plan.public')}
          checked={draft.public}
          onChange={(on) => set({ public: on })}
        />
        <div className="app-actions">
          <button className="kern-btn kern-btn--primary" type="submit" disabled={change.isPending}>
            <span className="kern-label">{t('network:feed.save')}</span>
          </button>
          {current ? (
            <button
              className="kern-btn kern-btn--secondary"
              type="button"
              disabled={change.isPending}
              onClick={() => change.mutate('sync')}
            >
              <span className="kern-label">{t('network:feed.syncNow')}</span>
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
