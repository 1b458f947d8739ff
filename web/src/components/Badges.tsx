import type { Level, OnlineLevel } from '../api.ts';
import { useI18n } from '../i18n/index.ts';

export function OnlineBadge({ level }: { level: OnlineLevel }) {
  const { t } = useI18n();
  return (
    <span class={`badge badge-online-${level}`} title={t.onlineHint[level]}>
      {t.online[level] ?? level}
    </span>
  );
}

export function LevelBadge({ level }: { level: Level }) {
  const { t } = useI18n();
  return <span class="badge badge-level">{t.level[level] ?? level}</span>;
}
