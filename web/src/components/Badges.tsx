import type { ProcedureLevel, OnlineLevel } from '../api/index.ts';
import { useI18n } from '../i18n/index.ts';

export function OnlineBadge({ level }: { level: OnlineLevel }) {
  const { t } = useI18n();
  return (
    <span class={`badge badge-online-${level}`} title={t.onlineHint[level]}>
      {t.online[level] ?? level}
    </span>
  );
}

export function LevelBadge({ level }: { level: ProcedureLevel }) {
  const { t } = useI18n();
  return <span class="badge badge-level">{t.level[level] ?? level}</span>;
}

export function DueBadge({ state }: { state: string }) {
  const { t } = useI18n();
  return <span class={`badge badge-due-${state}`}>{t.dueState[state] ?? state}</span>;
}

export function StatusBadge({ status, name_vi }: { status: number; name_vi?: string }) {
  const { t, lang } = useI18n();
  const text = lang === 'vi' ? name_vi || t.statusName[status] : t.statusName[status] ?? name_vi;
  return <span class={`badge badge-status badge-status-${status}`}>{text ?? String(status)}</span>;
}
