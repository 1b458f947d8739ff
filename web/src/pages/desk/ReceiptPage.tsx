// The receipt-and-appointment slip (form 01): from GET /api/v1/dossiers/{code}/forms/receipt when
// the server has it, else rendered from the dossier itself. Prints as one clean A5 page.
import { useEffect } from 'preact/hooks';
import { formPdfUrl, getDossier, getDossierEvents, getProcedure, getReceiptForm, type Dossier } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { dossierPath, navigate, useLocation } from '../../router.ts';
import { useSession } from '../../session.ts';

export interface Slip {
  code: string;
  issuer: string;
  procedureName: string;
  procedureCode: string;
  applicant: { name: string; id_number: string; phone: string; address: string };
  receivedAt: string | null;
  appointmentAt: string | null;
  officer: string | null;
  components: { name: string; originals: number; copies: number }[];
  lookupUrl: string;
  source: 'server' | 'dossier';
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function lookupUrl(code: string, given?: string): string {
  if (given && /^https?:\/\//.test(given)) return given;
  return `${window.location.origin}/tra-cuu?ma=${encodeURIComponent(code)}`;
}

function fromForm(f: Record<string, unknown>): Slip {
  const proc = (f.procedure ?? {}) as Record<string, unknown>;
  const app = (f.applicant ?? {}) as Record<string, unknown>;
  const issuer = (f.issuer ?? {}) as Record<string, unknown>;
  const comps = Array.isArray(f.components) ? (f.components as Record<string, unknown>[]) : [];
  const code = str(f.dossier_code) || str(f.number);
  return {
    code,
    issuer: str(issuer.name_vi) || str(issuer.code),
    procedureName: str(proc.name_vi),
    procedureCode: str(proc.code),
    applicant: { name: str(app.name), id_number: str(app.id_number), phone: str(app.phone), address: str(app.address) },
    receivedAt: str(f.received_at) || null,
    appointmentAt: str(f.appointment_at) || null,
    officer: str(f.receiving_officer_login) || null,
    components: comps.map((c) => ({ name: str(c.name_vi), originals: Number(c.originals) || 0, copies: Number(c.copies) || 0 })),
    lookupUrl: lookupUrl(code, str(f.lookup_url)),
    source: 'server',
  };
}

async function fromDossier(d: Dossier): Promise<Slip> {
  const [proc, events] = await Promise.all([getProcedure(d.procedure).catch(() => null), getDossierEvents(d.code).catch(() => ({ items: [] }))]);
  const reception = [...events.items].reverse().find((e) => e.action === 'accept' || e.action === 'receive');
  const present = new Set(d.components.map((c) => c.code));
  return {
    code: d.code,
    issuer: d.receiving_agency_name_vi ?? d.receiving_agency,
    procedureName: proc?.name_vi ?? d.procedure_name_vi ?? d.procedure,
    procedureCode: d.procedure,
    applicant: { name: d.applicant.name, id_number: d.applicant.id_number, phone: d.applicant.phone, address: d.applicant.address },
    receivedAt: d.received_at,
    appointmentAt: reception?.due_at ?? d.due_at,
    officer: reception?.actor_login ?? null,
    components: (proc?.components ?? []).filter((c) => present.size === 0 || present.has(c.code)).map((c) => ({ name: c.name_vi, originals: c.originals, copies: c.copies })),
    lookupUrl: lookupUrl(d.code),
    source: 'dossier',
  };
}

export function ReceiptPage({ code }: { code: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { path } = useLocation();
  // The slip: the server's form 01 when it has one, else built from the dossier; null while the
  // dossier has not been received yet.
  const loaded = useLoad(
    code,
    async (signal) => {
      const d = await getDossier(code, signal);
      if (!d.received_at) return null;
      const form = await getReceiptForm(code, signal);
      return form ? fromForm(form) : await fromDossier(d);
    },
    !!me,
  );
  const slip = loaded.data;
  const notReady = loaded.data === null && !loaded.loading && loaded.error === null && !!me;
  const error = loaded.error;
  useDocumentTitle(`${t.receiptTitle} ${code}`);

  useEffect(() => {
    if (me === null) navigate(`/dang-nhap?next=${encodeURIComponent(path)}`, { replace: true });
  }, [me, path]);

  return (
    <section class="receipt-page">
      <div class="no-print receipt-tools">
        <Link href={dossierPath(code)}>← {t.dossierTitle(code)}</Link>
        {slip && (
          <span class="button-row">
            <a href={formPdfUrl(code, 'receipt')} target="_blank" rel="noopener" class="btn btn-secondary">
              {t.printReceiptPdf}
            </a>
            <button type="button" class="btn btn-primary" onClick={() => window.print()}>
              {t.print}
            </button>
          </span>
        )}
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {notReady && <p class="state state-error">{t.receiptNotReady}</p>}
      {!slip && !notReady && error === null && <Loading />}
      {slip && <ReceiptSlip slip={slip} />}
    </section>
  );
}

/** The slip itself is always Vietnamese: it is an official form (with the English UI, labels stay Vietnamese). */
function ReceiptSlip({ slip }: { slip: Slip }) {
  const { t: ui } = useI18n();
  return (
    <article class="slip" lang="vi" aria-labelledby="slip-title" data-source={slip.source}>
      <header class="slip-head">
        <div class="slip-issuer">
          <p class="slip-agency">{slip.issuer}</p>
        </div>
        <div class="slip-motto">
          <p class="slip-motto-1">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
          <p class="slip-motto-2">Độc lập - Tự do - Hạnh phúc</p>
        </div>
      </header>
      <h1 id="slip-title" class="slip-title">
        GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ
      </h1>
      <p class="slip-number">
        Mã hồ sơ: <strong class="code" data-testid="slip-code">{slip.code}</strong>
      </p>
      <dl class="slip-fields">
        <div>
          <dt>Người nộp hồ sơ</dt>
          <dd>{slip.applicant.name}</dd>
        </div>
        <div>
          <dt>Số định danh cá nhân / mã số thuế</dt>
          <dd>{slip.applicant.id_number}</dd>
        </div>
        {slip.applicant.phone && (
          <div>
            <dt>Số điện thoại</dt>
            <dd>{slip.applicant.phone}</dd>
          </div>
        )}
        {slip.applicant.address && (
          <div>
            <dt>Địa chỉ</dt>
            <dd>{slip.applicant.address}</dd>
          </div>
        )}
        <div class="wide">
          <dt>Thủ tục hành chính</dt>
          <dd>
            {slip.procedureName} <span class="code small">({slip.procedureCode})</span>
          </dd>
        </div>
        <div>
          <dt>Thời gian tiếp nhận</dt>
          <dd>{formatDateTime(slip.receivedAt, 'vi')}</dd>
        </div>
        <div>
          <dt>Thời gian hẹn trả kết quả</dt>
          <dd>
            <strong>{formatDateTime(slip.appointmentAt, 'vi')}</strong>
          </dd>
        </div>
      </dl>
      {slip.components.length > 0 && (
        <>
          <h2 class="slip-h2">Thành phần hồ sơ</h2>
          <ol class="slip-components">
            {slip.components.map((c, i) => (
              <li key={i}>
                {c.name} — {c.originals} bản chính, {c.copies} bản sao
              </li>
            ))}
          </ol>
        </>
      )}
      <p class="slip-lookup">
        Tra cứu tình trạng hồ sơ tại: <span class="code">{slip.lookupUrl}</span>
      </p>
      <footer class="slip-sign">
        <div>
          <p>Người nộp hồ sơ</p>
          <p class="muted small">(Ký, ghi rõ họ tên)</p>
        </div>
        <div>
          <p>Người tiếp nhận</p>
          <p class="muted small">(Ký, ghi rõ họ tên)</p>
          {slip.officer && <p class="code small">{slip.officer}</p>}
        </div>
      </footer>
      <p class="visually-hidden no-print">{ui.receiptForm}</p>
    </article>
  );
}
