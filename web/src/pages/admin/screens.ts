// Entry of the administration chunk (see lazy.tsx): every screen by the name app.tsx routes to.
import type { FunctionComponent } from 'preact';
import './admin.css';
import { AdminHomePage } from './AdminHomePage.tsx';
import { AgenciesPage } from './AgenciesPage.tsx';
import { AgencyEditPage } from './AgencyEditPage.tsx';
import { ProceduresPage } from './ProceduresPage.tsx';
import { ProcedureEditPage } from './ProcedureEditPage.tsx';
import { CalendarPage } from './CalendarPage.tsx';
import { AccountsPage } from './AccountsPage.tsx';
import { AccountNewPage } from './AccountNewPage.tsx';
import { AccountPage } from './AccountPage.tsx';

/** `arg`: the code or id from the path, when the screen has one. */
export const screens = {
  home: AdminHomePage,
  agencies: AgenciesPage,
  agency: AgencyEditPage,
  procedures: ProceduresPage,
  procedure: ProcedureEditPage,
  calendar: CalendarPage,
  accounts: AccountsPage,
  accountNew: AccountNewPage,
  account: AccountPage,
} satisfies Record<string, FunctionComponent<{ arg?: string }>>;
