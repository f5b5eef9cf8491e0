import { useTranslation } from 'react-i18next';
import { readability } from '../../../../server/modules/pages/readability.ts';

/** Amstad's bands: very hard below 30 … easy from 80. */
function bandOf(score: number): string {
  if (score < 30) return 'pages:readability.band.veryHard';
  if (score < 50) return 'pages:readability.band.hard';
  if (score < 60) return 'pages:readability.band.fairlyHard';
  if (score < 70) return 'pages:readability.band.medium';
  if (score < 80) return 'pages:readability.band.fairlyEasy';
  return 'pages:readability.band.easy';
}

/**
 * The German readability score while writing (Flesch reading ease for German, Amstad), with the sentences that
 * pull it down highlighted, their long words and passive voice named.
 */
export function ReadabilityPanel({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  const result = readability(text);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (
    <section className="app-pages-readability" aria-labelledby="pages-readability" aria-live="polite">
      <h2 className="kern-heading-small" id="pages-readability">
        {t('pages:readability.title')}
      </h2>
      {result.score === null ? (
        <p className="kern-body">{t('pages:readability.none')}</p>
      ) : (
        <>
          <p className="kern-body app-pages-readability__score" data-score={result.score}>
            <strong>{t('pages:readability.score', { score: result.score })}</strong> –{' '}
            {t(bandOf(result.score))}
          </p>
          <p className="kern-body kern-body--small">
            {t('pages:readability.stats', {
              words: number.format(result.wordsPerSentence),
              syllables: number.format(result.syllablesPerWord),
            })}
          </p>
          {result.hard.length ? (
            <>
              <p className="kern-body">{t('pages:readability.hard')}</p>
              <ul className="app-pages-readability__hard">
                {result.hard.map((sentence) => (
                  <li key={sentence.start} className="kern-body">
                    <mark lang="de">{sentence.text}</mark>{' '}
                    <span className="app-pages-muted">
                      ({sentence.score}
                      {sentence.longWords.length
                        ? ` · ${t('pages:readability.long', { words: sentence.longWords.join(', ') })}`
                        : ''}
                      {sentence.passive ? ` · ${t('pages:readability.passive')}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="kern-body">{t('pages:readability.allGood')}</p>
          )}
        </>
      )}
    </section>
  );
}
