import { useEffect } from 'preact/hooks';
import { useI18n } from './i18n/index.ts';

/** Sets document.title to "<page> — <portal>". */
export function useDocumentTitle(page: string | null): void {
  const { t } = useI18n();
  useEffect(() => {
    const suffix = `${t.productName} — ${t.portalName}`;
    document.title = page ? `${page} — ${suffix}` : suffix;
  }, [page, t]);
}
