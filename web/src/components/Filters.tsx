import type { Field } from '../api/index.ts';
import { localized, useI18n } from '../i18n/index.ts';

export interface FilterValues {
  field: string;
  level: string;
  online_level: string;
}

interface Props {
  values: FilterValues;
  fields: Field[];
  onChange: (values: FilterValues) => void;
}

function ChipGroup(props: {
  name: string;
  legend: string;
  value: string;
  options: [string, string][];
  onChange: (v: string) => void;
}) {
  return (
    <fieldset class="chip-group">
      <legend>{props.legend}</legend>
      <div class="chips">
        {props.options.map(([v, label]) => (
          <label class="chip" key={v}>
            <input
              type="radio"
              name={props.name}
              value={v}
              checked={props.value === v}
              onChange={() => props.onChange(v)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Filters({ values, fields, onChange }: Props) {
  const { t, lang } = useI18n();
  const active = values.field || values.level || values.online_level;
  return (
    <section class="filters" aria-labelledby="filters-title">
      <h2 id="filters-title" class="visually-hidden">
        {t.filtersTitle}
      </h2>
      <div class="filter-field">
        <label for="field">{t.fieldLabel}</label>
        <select id="field" value={values.field} onChange={(e) => onChange({ ...values, field: e.currentTarget.value })}>
          <option value="">{t.fieldAll}</option>
          {fields.map((f) => (
            <option key={f.code} value={f.code}>
              {localized(lang, f.name_vi, f.name_en)} ({f.procedure_count})
            </option>
          ))}
          {values.field && !fields.some((f) => f.code === values.field) && (
            <option value={values.field}>{values.field}</option>
          )}
        </select>
      </div>
      <ChipGroup
        name="level"
        legend={t.levelLabel}
        value={values.level}
        options={[
          ['', t.all],
          ['province', t.level.province],
          ['commune', t.level.commune],
        ]}
        onChange={(level) => onChange({ ...values, level })}
      />
      <ChipGroup
        name="online_level"
        legend={t.onlineLabel}
        value={values.online_level}
        options={[
          ['', t.all],
          ['full', t.online.full],
          ['partial', t.online.partial],
          ['none', t.online.none],
        ]}
        onChange={(online_level) => onChange({ ...values, online_level })}
      />
      {active && (
        <button
          type="button"
          class="btn btn-link clear-filters"
          onClick={() => onChange({ field: '', level: '', online_level: '' })}
        >
          {t.clearFilters}
        </button>
      )}
    </section>
  );
}
