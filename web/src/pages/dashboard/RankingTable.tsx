// The ranking of the agencies under one parent for a period: rank, agency (a link to its own
// figures), total, the six groups' scores and the dossiers received. The chosen agency's row is
// marked. A wide table: it scrolls sideways inside its own keyboard-focusable region.
import type { RankedAgency } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { localized, useI18n } from '../../i18n/index.ts';
import { formatNumber } from './figures.ts';

interface Props {
  caption: string;
  rows: RankedAgency[];
  selected: string | null;
  hrefOf: (agency: string) => string;
  nameOf: (agency: string, fallback: string) => string;
}

export function RankingTable({ caption, rows, selected, hrefOf, nameOf }: Props) {
  const { t, lang } = useI18n();
  if (rows.length === 0) {
    return (
      <p class="state state-empty" role="status">
        {t.dashRankingEmpty}
      </p>
    );
  }
  const groups = rows[0]!.groups;
  return (
    <div class="table-wrap dash-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="dash-ranking">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t.dashRank}
            </th>
            <th scope="col">{t.dashAgency}</th>
            <th scope="col" class="num">
              {t.dashTotal}
            </th>
            {groups.map((g, i) => (
              <th scope="col" class="num group-col" key={g.code}>
                <span class="group-n">{i + 1}.</span> {localized(lang, g.name_vi, g.name_en)}
              </th>
            ))}
            <th scope="col" class="num">
              {t.dashReceived}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.agency} data-agency={r.agency} class={r.agency === selected ? 'selected' : undefined} aria-current={r.agency === selected ? 'true' : undefined}>
              <td class="num" data-col="rank">
                {r.rank}
              </td>
              <th scope="row" class="agency-cell">
                <Link href={hrefOf(r.agency)}>{nameOf(r.agency, r.name_vi)}</Link>
              </th>
              <td class="num strong" data-col="total">
                {formatNumber(r.total_score, lang)}
              </td>
              {r.groups.map((g) => (
                <td class="num" key={g.code} data-col={g.code}>
                  {formatNumber(g.score, lang)}
                </td>
              ))}
              <td class="num" data-col="received">
                {formatNumber(r.received, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
