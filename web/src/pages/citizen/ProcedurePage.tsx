import { getProcedure, type ProcedureDetail } from '../../api/index.ts';
import { LevelBadge, OnlineBadge } from '../../components/Badges.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDate, formatProcessingTime, formatVnd } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { localized, useI18n } from '../../i18n/index.ts';
import { procedurePath } from '../../router.ts';

export function ProcedurePage({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const proc = useLoad(code, (s) => getProcedure(code, s));
  const p = proc.error === null ? proc.data : null;
  const name = p ? localized(lang, p.name_vi, p.name_en) : null;
  useDocumentTitle(name ?? code);

  return (
    <article class="procedure">
      <nav aria-label={t.breadcrumb} class="breadcrumb">
        <ol>
          <li>
            <Link href="/thu-tuc">{t.navCatalogue}</Link>
          </li>
          <li aria-current="page">{name ?? code}</li>
        </ol>
      </nav>
      {proc.loading && (
        <>
          <h1 class="visually-hidden">{code}</h1>
          <Loading />
        </>
      )}
      {proc.error !== null && !proc.loading && (
        <>
          <h1>{code}</h1>
          <ErrorMessage error={proc.error} onRetry={proc.reload} />
          <p>
            <Link href="/thu-tuc">{t.backToCatalogue}</Link>
          </p>
        </>
      )}
      {p && !proc.loading && <ProcedureView p={p} />}
    </article>
  );
}

function ProcedureView({ p }: { p: ProcedureDetail }) {
  const { t, lang } = useI18n();
  const name = localized(lang, p.name_vi, p.name_en);
  const fees = p.fees ?? [];
  const components = p.components ?? [];
  const steps = p.steps ?? [];
  const legal = p.legal_basis ?? [];

  return (
    <>
      <header class="procedure-head">
        <h1>{name}</h1>
        {lang === 'en' && p.name_en && (
          <p class="muted" lang="vi">
            {p.name_vi}
          </p>
        )}
        <div class="badges">
          <LevelBadge level={p.level} />
          <OnlineBadge level={p.online_level} />
        </div>
        {(p.online_level === 'full' || p.online_level === 'partial') && (
          <p class="cta">
            <Link href={`${procedurePath(p.code)}/nop-truc-tuyen`} class="btn btn-primary">
              {t.submitOnline}
            </Link>
          </p>
        )}
      </header>

      <section aria-labelledby="overview" class="panel">
        <h2 id="overview">{t.overview}</h2>
        <dl class="summary">
          <div>
            <dt>{t.processingTime}</dt>
            <dd>{formatProcessingTime(p.processing_time, lang, true)}</dd>
          </div>
          <div>
            <dt>{t.fee}</dt>
            <dd>{formatVnd(p.fee_total_vnd, lang)}</dd>
          </div>
          <div>
            <dt>{t.field}</dt>
            <dd>
              <Link href={`/thu-tuc?field=${encodeURIComponent(p.field)}`}>
                {localized(lang, p.field_name_vi, p.field_name_en)}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t.levelLabel}</dt>
            <dd>{t.level[p.level] ?? p.level}</dd>
          </div>
          <div>
            <dt>{t.onlineLabel}</dt>
            <dd>
              {t.online[p.online_level] ?? p.online_level} — {t.onlineHint[p.online_level]}
            </dd>
          </div>
          <div>
            <dt>{t.competentAgency}</dt>
            <dd>{p.competent_agency_name_vi ?? p.competent_agency ?? t.competentAgencyCommune}</dd>
          </div>
          <div>
            <dt>{t.receivingAgency}</dt>
            <dd>{p.receiving_agency_name_vi ?? p.receiving_agency ?? t.receivingAgencyCommune}</dd>
          </div>
          {p.applicant_kinds?.length > 0 && (
            <div>
              <dt>{t.applicants}</dt>
              <dd>{p.applicant_kinds.map((k) => t.applicantKind[k] ?? k).join(', ')}</dd>
            </div>
          )}
          <div>
            <dt>{t.code}</dt>
            <dd class="code">{p.code}</dd>
          </div>
          <div>
            <dt>{t.nationalCode}</dt>
            <dd class="code">{p.national_code}</dd>
          </div>
        </dl>
        {p.version != null && <p class="muted small">{t.versionInfo(p.version, formatDate(p.effective_from, lang))}</p>}
      </section>

      {p.description_vi && (
        <section aria-labelledby="description" class="panel">
          <h2 id="description">{t.description}</h2>
          <p class="prewrap" lang="vi">
            {p.description_vi}
          </p>
        </section>
      )}

      <section aria-labelledby="components" class="panel">
        <h2 id="components">{t.components}</h2>
        {components.length === 0 ? (
          <p>{t.noComponents}</p>
        ) : (
          <div class="table-wrap" role="region" aria-labelledby="components" tabIndex={0}>
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t.componentName}</th>
                  <th scope="col" class="num">{t.originals}</th>
                  <th scope="col" class="num">{t.copies}</th>
                  <th scope="col">{t.requiredCol}</th>
                </tr>
              </thead>
              <tbody>
                {components.map((c, i) => (
                  <tr key={c.code}>
                    <td data-label="#" class="idx">{i + 1}</td>
                    <td data-label={t.componentName} class="name">
                      {localized(lang, c.name_vi, c.name_en)}
                      {c.result_of_procedure && (
                        <span class="note">
                          {' '}
                          <Link href={`/thu-tuc?q=${encodeURIComponent(c.result_of_procedure)}`}>
                            {t.resultOfProcedure(c.result_of_procedure)}
                          </Link>
                        </span>
                      )}
                    </td>
                    <td data-label={t.originals} class="num">{c.originals}</td>
                    <td data-label={t.copies} class="num">{c.copies}</td>
                    <td data-label={t.requiredCol}>
                      <span class={c.required ? 'tag tag-required' : 'tag'}>{c.required ? t.required : t.optional}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="fees" class="panel">
        <h2 id="fees">{t.fees}</h2>
        {fees.length === 0 ? (
          <p>{t.noFees}</p>
        ) : (
          <div class="table-wrap" role="region" aria-labelledby="fees" tabIndex={0}>
            <table class="stack">
              <thead>
                <tr>
                  <th scope="col">{t.feeName}</th>
                  <th scope="col">{t.feeKindCol}</th>
                  <th scope="col" class="num">{t.amount}</th>
                </tr>
              </thead>
              <tbody>
                {fees.map((f, i) => (
                  <tr key={i}>
                    <td data-label={t.feeName} class="name">{localized(lang, f.name_vi, f.name_en)}</td>
                    <td data-label={t.feeKindCol}>{t.feeKind[f.kind] ?? f.kind}</td>
                    <td data-label={t.amount} class="num">{formatVnd(f.amount_vnd, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {steps.length > 0 && (
        <section aria-labelledby="steps" class="panel">
          <h2 id="steps">{t.steps}</h2>
          <ol class="steps">
            {steps.map((s, i) => (
              <li key={i}>
                <div class="step-head">
                  <span class="step-name">{localized(lang, s.name_vi, s.name_en)}</span>
                  <span class="step-share">{t.stepShare(s.share_percent)}</span>
                </div>
                <div class="step-meta muted">
                  {t.role[s.role] ?? s.role}
                  {s.agency && <> · <span class="code">{s.agency}</span></>}
                </div>
                <div class="share-bar" aria-hidden="true">
                  <span style={{ width: `${Math.max(0, Math.min(100, s.share_percent))}%` }} />
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="result" class="panel">
        <h2 id="result">{t.result}</h2>
        <p>{p.result && p.result.kind !== 'none' ? localized(lang, p.result.name_vi, p.result.name_en) : t.resultNone}</p>
      </section>

      {legal.length > 0 && (
        <section aria-labelledby="legal" class="panel">
          <h2 id="legal">{t.legalBasis}</h2>
          <ul class="legal" lang="vi">
            {legal.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </section>
      )}

      <p>
        <Link href="/thu-tuc">{t.backToCatalogue}</Link>
      </p>
    </>
  );
}
