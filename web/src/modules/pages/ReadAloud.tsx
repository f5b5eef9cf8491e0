import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sentencesOf } from '../../../../server/modules/pages/readability.ts';
import { useLanguageNames } from '../../app/languages';
import { EASY_GERMAN, type PageLang, SPEECH_LANG } from './pages.api';

const RATES = [
  { rate: 0.75, label: 'pages:read.slow' },
  { rate: 1, label: 'pages:read.normal' },
  { rate: 1.3, label: 'pages:read.fast' },
] as const;

/** A voice of the device for the language, when the device lists its voices (null: none listed at all). */
function voiceFor(lang: PageLang): SpeechSynthesisVoice | null | undefined {
  const voices = window.speechSynthesis.getVoices();
  if (!voices.length) return null;
  const wanted = SPEECH_LANG[lang].toLowerCase().split('-')[0] as string;
  return voices.find((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === wanted);
}

/**
 * Reads the page aloud with the browser's speech synthesis in the page's language, sentence by sentence, the
 * sentence being read highlighted; speed can be chosen. Where the device has no voice for the language it says so.
 */
export function ReadAloud({ lang, text }: { lang: PageLang; text: string }) {
  const { t } = useTranslation();
  const { nameOf } = useLanguageNames();
  const supported = typeof window !== 'undefined' && 'speechSynthesis' in window;
  const [current, setCurrent] = useState<number | null>(null);
  const [rate, setRate] = useState(1);
  const [noVoice, setNoVoice] = useState(false);
  const stopped = useRef(false);
  const sentences = sentencesOf(text);

  useEffect(
    () => () => {
      if (supported) window.speechSynthesis.cancel();
    },
    [supported],
  );

  const languageName = lang === EASY_GERMAN ? t('pages:page.easyName') : nameOf(lang);

  if (!supported) {
    return <p className="kern-body app-pages-read__note">{t('pages:read.unsupported')}</p>;
  }

  const speakFrom = (index: number) => {
    const sentence = sentences[index];
    if (!sentence || stopped.current) {
      setCurrent(null);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(sentence.text);
    utterance.lang = SPEECH_LANG[lang];
    utterance.rate = rate;
    const voice = voiceFor(lang);
    if (voice) utterance.voice = voice;
    utterance.onend = () => speakFrom(index + 1);
    utterance.onerror = (event) => {
      if (event.error === 'interrupted' || event.error === 'canceled') return;
      setNoVoice(true);
      setCurrent(null);
    };
    setCurrent(index);
    window.speechSynthesis.speak(utterance);
  };

  const start = () => {
    setNoVoice(false);
    // The device lists voices, but none for this language: say so instead of reading in a wrong accent.
    if (voiceFor(lang) === undefined) {
      setNoVoice(true);
      return;
    }
    stopped.current = false;
    window.speechSynthesis.cancel();
    speakFrom(0);
  };
  const stop = () => {
    stopped.current = true;
    window.speechSynthesis.cancel();
    setCurrent(null);
  };

  return (
    <section className="app-pages-read" aria-labelledby="pages-read-title">
      <h2 className="kern-heading-small" id="pages-read-title">
        {t('pages:read.title')}
      </h2>
      <div className="app-pages-read__controls">
        {current === null ? (
          <button type="button" className="kern-btn kern-btn--primary" onClick={start}>
            <span className="kern-label">{t('pages:read.start')}</span>
          </button>
        ) : (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={stop}>
            <span className="kern-label">{t('pages:read.stop')}</span>
          </button>
        )}
        <fieldset className="kern-fieldset app-pages-read__speed">
          <legend className="kern-label">{t('pages:read.speed')}</legend>
          <div className="kern-fieldset__body kern-fieldset__body--horizontal">
            {RATES.map((option) => (
              <div className="kern-form-check" key={option.rate}>
                <input
                  className="kern-form-check__radio"
                  type="radio"
                  id={`pages-rate-${option.rate}`}
                  name="pages-rate"
                  checked={rate === option.rate}
                  onChange={() => setRate(option.rate)}
                />
                <label className="kern-label" htmlFor={`pages-rate-${option.rate}`}>
                  {t(option.label)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div role="status" aria-live="polite">
        {noVoice ? (
          <p className="kern-body app-pages-read__note">
            {t('pages:read.noVoice', { language: languageName })}
          </p>
        ) : null}
      </div>
      {current !== null ? (
        <p className="kern-body app-pages-read__text" lang={SPEECH_LANG[lang]}>
          {sentences.map((sentence, index) =>
            index === current ? (
              <mark key={sentence.start} className="app-pages-read__current" aria-current="true">
                {sentence.text}{' '}
              </mark>
            ) : (
              <span key={sentence.start}>{sentence.text} </span>
            ),
          )}
        </p>
      ) : null}
    </section>
  );
}
