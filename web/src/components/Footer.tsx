import { useI18n } from '../i18n/index.ts';

export function Footer() {
  const { t } = useI18n();
  return (
    <footer class="site-footer">
      <div class="container">
        <p class="footer-owner">
          {t.productName} — {t.portalName}
        </p>
        <p>
          © {new Date().getFullYear()} {t.footerOwner}. {t.footerNote}
        </p>
      </div>
    </footer>
  );
}
