import type { Component } from '../api/index.ts';
import { localized, useI18n } from '../i18n/index.ts';

/** One checkbox a dossier component; required ones are marked in text. */
export function ComponentChecklist({
  components,
  checked,
  onToggle,
  idPrefix,
}: {
  components: Component[];
  checked: Set<string>;
  onToggle: (code: string, on: boolean) => void;
  idPrefix: string;
}) {
  const { t, lang } = useI18n();
  if (components.length === 0) return <p>{t.noComponents}</p>;
  return (
    <ul class="checklist">
      {components.map((c) => {
        const id = `${idPrefix}-${c.code}`;
        return (
          <li key={c.code}>
            <input
              type="checkbox"
              id={id}
              checked={checked.has(c.code)}
              onChange={(e) => onToggle(c.code, e.currentTarget.checked)}
              aria-describedby={`${id}-meta`}
            />
            <label for={id}>
              {localized(lang, c.name_vi, c.name_en)}
              <span id={`${id}-meta`} class="checklist-meta">
                {' '}
                — {t.originalsCopies(c.originals, c.copies)}
                {c.required ? <span class="tag tag-required"> · {t.required}</span> : <span class="tag"> · {t.optional}</span>}
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

export function missingRequired(components: Component[], checked: Set<string>, lang: 'vi' | 'en'): string[] {
  return components.filter((c) => c.required && !checked.has(c.code)).map((c) => localized(lang, c.name_vi, c.name_en));
}
