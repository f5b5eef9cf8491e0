import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../components/Fields';
import { TOPIC_LABEL, TOPICS } from '../labels';
import type { PartProps } from './parts';

/** Topics the guide refuses to accompany (refusing one takes it out of the accepted ones). */
export function TopicsFieldset({ value, onChange }: PartProps<'topicsAccepted' | 'topicsRefused'>) {
  const { t } = useTranslation();
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-heading-small">{t('guides:profile.topics')}</legend>
      <p className="kern-hint">{t('guides:profile.topicsHint')}</p>
      <div className="kern-fieldset__body">
        {TOPICS.map((topic) => (
          <Checkbox
            key={topic}
            id={`refuse-${topic}`}
            label={t('guides:profile.refuse', { topic: t(TOPIC_LABEL[topic]) })}
            checked={value.topicsRefused.includes(topic)}
            onChange={(on) =>
              onChange({
                topicsRefused: on
                  ? [...value.topicsRefused, topic]
                  : value.topicsRefused.filter((item) => item !== topic),
                topicsAccepted: value.topicsAccepted.filter((item) => item !== topic),
              })
            }
          />
        ))}
      </div>
    </fieldset>
  );
}
