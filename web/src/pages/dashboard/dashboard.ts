// Entry of the dashboard chunk (see lazy.tsx): every screen by the name app.tsx routes to. The
// trend chart's library (ECharts) is a further chunk, fetched by TrendSection when it is shown.
import type { FunctionComponent } from 'preact';
import './dashboard.css';
import { DashboardPage } from './DashboardPage.tsx';
import { DrillDownPage } from './DrillDownPage.tsx';
import { PublicationPage } from './PublicationPage.tsx';
import { SyncPage } from './SyncPage.tsx';

export const screens = {
  dashboard: DashboardPage,
  drilldown: DrillDownPage,
  publication: PublicationPage,
  sync: SyncPage,
} satisfies Record<string, FunctionComponent>;
