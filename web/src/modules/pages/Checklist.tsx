import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/Fields';

const STORAGE = 'lotse.pages.checklist.';

function load(slug: string): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE + slug) ?? '[]') as unknown;
    return Array.isArray(saved) ? saved.filter((key): key is string => typeof key === 'string') : [];
  } catch {
    return [];
  }
}

/** The ticks of a page's checklists, kept on this device only (localStorage), per page. */
export function useChecklist(slug: string) {
  const [checked, setChecked] = useState<Set<string>>(() => new Set(load(slug)));
  const toggle = (key: string, on: boolean) => {
    setChecked((before) => {
      const next = new Set(before);
      if (on) next.add(key);
      else next.delete(key);
      try {
        localStorage.setItem(STORAGE + slug, JSON.stringify([...next]));
      } catch {
        // Private mode or full storage: the ticks last until the page is left.
      }
      return next;
    });
  };
  return { checked, toggle };
}

/** "What to bring" of one step: a checklist the reader ticks. */
export function Checklist({
  id,
  items,
  lang,
  checked,
  onToggle,
}: {
  id: string;
  items: string[];
  lang: string;
  checked: Set<string>;
  onToggle: (key: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const done = items.filter((_, index) => checked.has(`${id}:${index}`)).length;
  return (
    <fieldset className="kern-fieldset app-pages-checklist">
      <legend className="kern-label">{t('pages:page.bring')}</legend>
      <p className="kern-hint" id={`${id}-hint`}>
        {t('pages:page.bringHint')}
      </p>
      <div className="kern-fieldset__body">
        {items.map((item, index) => (
          <Checkbox
            key={`${id}:${item}`}
            id={`${id}-${index}`}
            label={item}
            lang={lang}
            checked={checked.has(`${id}:${index}`)}
            onChange={(on) => onToggle(`${id}:${index}`, on)}
            describedBy={`${id}-hint`}
          />
        ))}
      </div>
      <p className="kern-body kern-body--small" role="status">
        {t('pages:page.checked', { done, total: items.length })}
      </p>
    </fieldset>
  );
}
