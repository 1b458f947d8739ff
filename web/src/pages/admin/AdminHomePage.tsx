// /quan-tri: the administration sections the signed-in administrator may open.
import { Link } from '../../components/Link.tsx';
import { useI18n } from '../../i18n/index.ts';
import { AdminLayout, useSectionLinks } from './AdminLayout.tsx';

export function AdminHomePage() {
  const { t } = useI18n();
  const links = useSectionLinks();
  return (
    <AdminLayout section="home" title={t.adminTitle} intro={t.adminIntro}>
      <ul class="admin-cards">
        {links.map((l) => (
          <li key={l.href} class="card">
            <h2 class="card-title">
              <Link href={l.href}>{l.label}</Link>
            </h2>
            <p class="muted">{t.adminSectionIntro[l.section]}</p>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
