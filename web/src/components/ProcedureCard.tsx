import type { ProcedureSummary } from '../api/index.ts';
import { formatProcessingTime, formatVnd } from '../format.ts';
import { localized, useI18n } from '../i18n/index.ts';
import { procedurePath } from '../router.ts';
import { LevelBadge, OnlineBadge } from './Badges.tsx';
import { Link } from './Link.tsx';

export function ProcedureCard({ p }: { p: ProcedureSummary }) {
  const { t, lang } = useI18n();
  return (
    <li class="card procedure-card">
      <h3 class="card-title">
        <Link href={procedurePath(p.code)} lang={lang === 'en' && !p.name_en ? 'vi' : undefined}>
          {localized(lang, p.name_vi, p.name_en)}
        </Link>
      </h3>
      <p class="card-meta">
        <span>{localized(lang, p.field_name_vi, p.field_name_en)}</span>
        <span class="code">{p.national_code}</span>
      </p>
      <div class="badges">
        <LevelBadge level={p.level} />
        <OnlineBadge level={p.online_level} />
      </div>
      <dl class="facts">
        <div>
          <dt>{t.processingTime}</dt>
          <dd>{formatProcessingTime(p.processing_time, lang)}</dd>
        </div>
        <div>
          <dt>{t.fee}</dt>
          <dd>{formatVnd(p.fee_total_vnd, lang)}</dd>
        </div>
      </dl>
    </li>
  );
}
