// The agency and period chooser of the dashboard (month, quarter or year) and of the publication
// (ended months only). A form with a button, so choosing with the keyboard fetches nothing until
// the choice is made.
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/index.ts';
import type { AgencyDirectory } from './agencies.ts';
import { agencyName } from './agencies.ts';
import { formatPeriod, type Period, type PeriodKind } from './figures.ts';
import { SelectField } from '../../components/Fields.tsx';

interface Props {
  id: string;
  legend: string;
  dir: AgencyDirectory | null;
  agency: string | null;
  period: Period;
  kinds: PeriodKind[];
  /** The last period offered (YYYY-MM): the current month, or the last ended one. */
  lastMonth: string;
  onApply: (agency: string | null, period: string) => void;
}

const FIRST_YEAR = 2020;

export function PeriodForm({ id, legend, dir, agency, period, kinds, lastMonth, onApply }: Props) {
  const { t, lang } = useI18n();
  const [code, setCode] = useState(agency ?? '');
  const [kind, setKind] = useState<PeriodKind>(period.kind);
  const [year, setYear] = useState(period.year);
  const [month, setMonth] = useState(period.kind === 'month' ? period.part : Number(lastMonth.slice(5, 7)));
  const [quarter, setQuarter] = useState(period.kind === 'quarter' ? period.part : Math.ceil(Number(lastMonth.slice(5, 7)) / 3));

  const lastYear = Number(lastMonth.slice(0, 4));
  const years: number[] = [];
  for (let y = Math.max(lastYear, period.year); y >= Math.min(FIRST_YEAR, period.year); y--) years.push(y);
  // Months after the last one offered are left out of the last year.
  const monthCount = year === lastYear ? Number(lastMonth.slice(5, 7)) : 12;
  const months = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => m <= monthCount || m === month);

  const agencies = dir?.choices ?? [];
  const agencyOptions = agencies.map((a) => ({ value: a.code, label: agencyName(dir, a.code, lang) }));
  if (agency && !agencies.some((a) => a.code === agency)) agencyOptions.push({ value: agency, label: agencyName(dir, agency, lang) });

  function submit(e: Event) {
    e.preventDefault();
    const part = kind === 'month' ? month : kind === 'quarter' ? quarter : 0;
    onApply(code || null, formatPeriod({ kind, year, part }));
  }

  return (
    <form class="panel dash-form" onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <h2 id={`${id}-legend`} class="dash-form-title">
        {legend}
      </h2>
      <div class="dash-form-row">
        <div class="dash-form-agency">
          <SelectField id={`${id}-agency`} label={t.dashAgency} value={code} onChange={setCode} options={agencyOptions} />
        </div>
        {kinds.length > 1 && (
          <SelectField
            id={`${id}-kind`}
            label={t.dashPeriodKind}
            value={kind}
            onChange={(v) => setKind(v as PeriodKind)}
            options={kinds.map((k) => ({ value: k, label: t.dashKind[k] ?? k }))}
          />
        )}
        <SelectField id={`${id}-year`} label={t.dashYear} value={String(year)} onChange={(v) => setYear(Number(v))} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        {kind === 'month' && (
          <SelectField
            id={`${id}-month`}
            label={t.dashMonth}
            value={String(month)}
            onChange={(v) => setMonth(Number(v))}
            options={months.map((m) => ({ value: String(m), label: t.dashMonthName(m) }))}
          />
        )}
        {kind === 'quarter' && (
          <SelectField
            id={`${id}-quarter`}
            label={t.dashQuarter}
            value={String(quarter)}
            onChange={(v) => setQuarter(Number(v))}
            options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t.dashQuarterName(q) }))}
          />
        )}
        <div class="dash-form-submit">
          <button type="submit" class="btn btn-primary">
            {t.dashShow}
          </button>
        </div>
      </div>
    </form>
  );
}
