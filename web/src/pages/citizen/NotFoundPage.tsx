import { Link } from '../../components/Link.tsx';
import { useDocumentTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.notFoundTitle);
  return (
    <div class="page-intro">
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <p>
        <Link href="/thu-tuc">{t.backToCatalogue}</Link>
      </p>
    </div>
  );
}
