import { useTranslation } from 'react-i18next';
import type { Explanation } from './guides.api';
import { isOneOf, LEVEL_LABEL, LEVELS, useNames } from './labels';
import { useCityTime } from '../../app/time';

const numberOf = (value: unknown) => (typeof value === 'number' ? value : null);
const textOf = (value: unknown) => (typeof value === 'string' ? value : null);

/** "Why this guide": language, travel, same guide as before, workload — as the matching explained it. */
export function ExplanationList({
  explanation,
  forGuide = false,
}: {
  explanation: Explanation;
  forGuide?: boolean;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const language = textOf(explanation.language);
  const dialect = textOf(explanation.dialect);
  const level = textOf(explanation.languageLevel);
  const minutes = numberOf(explanation.travelMinutes);
  const km = numberOf(explanation.distanceKm);
  const load = numberOf(explanation.load);
  const max = numberOf(explanation.maxAssignments);
  const count = numberOf(explanation.assignmentsThisPeriod);
  const alternatives = numberOf(explanation.alternatives);
  return (
    <ul className="app-guides-why" data-testid="explanation">
      {language ? (
        <li>
          {t('guides:why.language', {
            language: names.language(language),
            level: isOneOf(LEVELS, level) ? t(LEVEL_LABEL[level]) : '–',
          })}
          {dialect ? ` ${t('guides:why.dialect', { dialect: names.dialect(dialect) })}` : ''}
        </li>
      ) : null}
      {minutes !== null ? (
        <li>{t('guides:why.travel', { minutes: Math.round(minutes), km: names.number(km ?? 0) })}</li>
      ) : null}
      {explanation.sameGuideAsBefore === true ? <li>{t('guides:why.sameGuide')}</li> : null}
      {load !== null && count !== null && max !== null ? (
        <li>{t('guides:why.workload', { load, count, max })}</li>
      ) : null}
      {!forGuide && alternatives !== null ? (
        <li>{t('guides:why.alternatives', { count: alternatives })}</li>
      ) : null}
      {explanation.afterDecline === true ? <li>{t('guides:why.afterDecline')}</li> : null}
    </ul>
  );
}

/** "What would help": e.g. one more Tigrinya speaker on Tuesdays, 9–12. */
export function HelpText({ help }: { help: Record<string, unknown> }) {
  const { t } = useTranslation();
  const names = useNames();
  const dates = useCityTime();
  const language = textOf(help.language) ?? '';
  const weekday = numberOf(help.weekday) ?? 1;
  const hours = (help.hours ?? {}) as { from?: string; to?: string };
  return (
    <>
      {t('guides:help.oneMore', {
        language: names.language(language),
        weekday: dates.weekday(weekday),
        from: hours.from ?? '',
        to: hours.to ?? '',
        unmet: numberOf(help.unmet) ?? 1,
      })}
    </>
  );
}
