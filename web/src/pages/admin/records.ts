// The record a PUT sends (PUT /api/v1/agencies/{code}, PUT /api/v1/procedures/{code}): the
// detail as GET returned it with the edit form's changes, and a refusal's "param" read back to the
// form field it names. Pure: the browser pages and the unit tests share it.
//
// Everything the form does not show travels unchanged in the detail (history, fees, components,
// the kept `extra`); the server ignores the detail's derived names, totals, children and path.

type Json = Record<string, unknown>;

export const AGENCY_CODE = /^[0-9A-Z]+(\.[0-9A-Z]+)*$/;
export const NATIONAL_CODE = /^\d\.\d{6}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Optional text: an empty value is left out of the record (and so cleared). */
function setOptional(record: Json, key: string, value: string): void {
  const v = value.trim();
  if (v) record[key] = v;
  else delete record[key];
}

const int = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN);

// ---------------------------------------------------------------------------- agencies

export interface AgencyForm {
  code: string;
  legacy_code: string;
  name_vi: string;
  name_en: string;
  kind: string;
  parent: string;
  admin_unit_code: string;
  valid_from: string;
  valid_to: string;
  address: string;
  phone: string;
  email: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function agencyForm(detail: Json | null, parent = ''): AgencyForm {
  const d = detail ?? {};
  return {
    code: text(d.code),
    legacy_code: text(d.legacy_code),
    name_vi: text(d.name_vi),
    name_en: text(d.name_en),
    kind: text(d.kind) || 'department',
    parent: detail ? text(d.parent) : parent,
    admin_unit_code: text(d.admin_unit_code),
    valid_from: text(d.valid_from),
    valid_to: text(d.valid_to),
    address: text(d.address),
    phone: text(d.phone),
    email: text(d.email),
  };
}

/** The agency to PUT: `detail` (null for a new one) with the form's values. */
export function agencyRecord(detail: Json | null, f: AgencyForm): Json {
  const r: Json = { ...detail };
  r.code = f.code.trim();
  r.name_vi = f.name_vi.trim();
  r.kind = f.kind;
  r.parent = f.parent.trim() || null;
  r.valid_from = f.valid_from;
  for (const k of ['legacy_code', 'name_en', 'admin_unit_code', 'valid_to', 'address', 'phone', 'email'] as const) {
    setOptional(r, k, f[k]);
  }
  return r;
}

/** A problem found before sending: the form field and what is wrong with it. */
export interface FieldProblem {
  field: string;
  problem: 'required' | 'format' | 'sum' | 'order';
  /** Row of a repeated group (steps), from 0. */
  item?: number;
}

export function validateAgency(f: AgencyForm): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (!f.code.trim()) p.push({ field: 'code', problem: 'required' });
  else if (!AGENCY_CODE.test(f.code.trim()) || f.code.trim().length > 35) p.push({ field: 'code', problem: 'format' });
  if (f.legacy_code.trim() && !/^[0-9A-Z.]{1,35}$/.test(f.legacy_code.trim())) p.push({ field: 'legacy_code', problem: 'format' });
  if (!f.name_vi.trim()) p.push({ field: 'name_vi', problem: 'required' });
  if (f.kind !== 'province' && !f.parent.trim()) p.push({ field: 'parent', problem: 'required' });
  if (!f.valid_from) p.push({ field: 'valid_from', problem: 'required' });
  else if (!DATE.test(f.valid_from)) p.push({ field: 'valid_from', problem: 'format' });
  if (f.valid_to && (!DATE.test(f.valid_to) || f.valid_to < f.valid_from)) p.push({ field: 'valid_to', problem: 'order' });
  return p;
}

// ---------------------------------------------------------------------------- procedures

export interface StepForm {
  name_vi: string;
  name_en: string;
  role: string;
  agency: string;
  share: string;
}

export interface ProcedureForm {
  code: string;
  national_code: string;
  name_vi: string;
  name_en: string;
  field: string;
  level: string;
  online_level: string;
  competent_agency: string;
  receiving_agency: string;
  amount: string;
  unit: string;
  cutoff: string;
  version: string;
  effective_from: string;
  description_vi: string;
  legal_basis: string;
  applicant_kinds: string[];
  result_kind: string;
  result_name_vi: string;
  result_name_en: string;
  steps: StepForm[];
}

export const emptyStep = (): StepForm => ({ name_vi: '', name_en: '', role: 'specialist', agency: '', share: '' });

export function procedureForm(detail: Json | null): ProcedureForm {
  const d = detail ?? {};
  const time = (d.processing_time ?? {}) as Json;
  const result = (d.result ?? {}) as Json;
  const steps = Array.isArray(d.steps) ? (d.steps as Json[]) : [];
  return {
    code: text(d.code),
    national_code: text(d.national_code),
    name_vi: text(d.name_vi),
    name_en: text(d.name_en),
    field: text(d.field),
    level: text(d.level) || 'commune',
    online_level: text(d.online_level) || 'partial',
    competent_agency: text(d.competent_agency),
    receiving_agency: text(d.receiving_agency),
    amount: typeof time.amount === 'number' ? String(time.amount) : '',
    unit: text(time.unit) || 'working_days',
    cutoff: text(time.cutoff),
    version: typeof d.version === 'number' ? String(d.version) : '1',
    effective_from: text(d.effective_from),
    description_vi: text(d.description_vi),
    legal_basis: Array.isArray(d.legal_basis) ? (d.legal_basis as string[]).join('\n') : '',
    applicant_kinds: Array.isArray(d.applicant_kinds) ? (d.applicant_kinds as string[]) : ['citizen'],
    result_kind: text(result.kind) || 'document',
    result_name_vi: text(result.name_vi),
    result_name_en: text(result.name_en),
    steps: steps.length
      ? steps.map((s) => ({
          name_vi: text(s.name_vi),
          name_en: text(s.name_en),
          role: text(s.role) || 'specialist',
          agency: text(s.agency),
          share: typeof s.share_percent === 'number' ? String(s.share_percent) : '',
        }))
      : [{ ...emptyStep(), role: 'clerk', share: '100' }],
  };
}

/** Sum of the steps' shares; NaN when one is not a whole number. */
export function shareTotal(steps: StepForm[]): number {
  return steps.reduce((sum, s) => sum + int(s.share), 0);
}

/** The procedure to PUT: `detail` (null for a new one) with the form's values. */
export function procedureRecord(detail: Json | null, f: ProcedureForm): Json {
  const r: Json = { ...detail };
  r.code = f.code.trim();
  r.national_code = f.national_code.trim();
  r.name_vi = f.name_vi.trim();
  setOptional(r, 'name_en', f.name_en);
  r.field = f.field;
  r.level = f.level;
  r.online_level = f.online_level;
  r.competent_agency = f.competent_agency.trim() || null;
  r.receiving_agency = f.receiving_agency.trim() || null;
  r.processing_time = { amount: int(f.amount), unit: f.unit, cutoff: f.cutoff.trim() || null };
  r.version = int(f.version);
  r.effective_from = f.effective_from;
  setOptional(r, 'description_vi', f.description_vi);
  r.legal_basis = f.legal_basis
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  r.applicant_kinds = [...f.applicant_kinds];
  const result: Json = { kind: f.result_kind, name_vi: f.result_name_vi.trim() };
  if (f.result_name_en.trim()) result.name_en = f.result_name_en.trim();
  r.result = result;
  r.steps = f.steps.map((s) => {
    const step: Json = { name_vi: s.name_vi.trim(), role: s.role, agency: s.agency.trim() || null, share_percent: int(s.share) };
    if (s.name_en.trim()) step.name_en = s.name_en.trim();
    return step;
  });
  r.fees ??= [];
  r.components ??= [];
  return r;
}

export function validateProcedure(f: ProcedureForm): FieldProblem[] {
  const p: FieldProblem[] = [];
  const need = (field: keyof ProcedureForm, v: string) => {
    if (!v.trim()) p.push({ field, problem: 'required' });
    return !!v.trim();
  };
  need('code', f.code);
  if (need('national_code', f.national_code) && !NATIONAL_CODE.test(f.national_code.trim())) p.push({ field: 'national_code', problem: 'format' });
  need('name_vi', f.name_vi);
  need('field', f.field);
  if (f.level === 'province') need('competent_agency', f.competent_agency);
  if (need('amount', f.amount) && !(int(f.amount) > 0)) p.push({ field: 'amount', problem: 'format' });
  if (f.cutoff.trim() && !HHMM.test(f.cutoff.trim())) p.push({ field: 'cutoff', problem: 'format' });
  if (need('version', f.version) && !(int(f.version) >= 1)) p.push({ field: 'version', problem: 'format' });
  if (need('effective_from', f.effective_from) && !DATE.test(f.effective_from)) p.push({ field: 'effective_from', problem: 'format' });
  if (f.applicant_kinds.length === 0) p.push({ field: 'applicant_kinds', problem: 'required' });
  need('result_name_vi', f.result_name_vi);
  if (f.steps.length === 0) p.push({ field: 'steps', problem: 'required' });
  f.steps.forEach((s, item) => {
    if (!s.name_vi.trim()) p.push({ field: 'step_name_vi', problem: 'required', item });
    if (Number.isNaN(int(s.share))) p.push({ field: 'step_share', problem: 'format', item });
  });
  const total = shareTotal(f.steps);
  if (f.steps.length > 0 && !Number.isNaN(total) && total !== 100) p.push({ field: 'steps', problem: 'sum' });
  return p;
}

// ---------------------------------------------------------------------------- refusals

/** Where a refused record's error points: "steps[2].share_percent", "processing_time.cutoff". */
export interface FieldWhere {
  /** The field path without item indexes, e.g. "steps.share_percent". */
  path: string;
  /** The first segment: the form field or group the error belongs to. */
  field: string;
  /** Row of a repeated group (steps[2] → 2). */
  item: number | null;
}

export function parseFieldParam(param: string | null): FieldWhere {
  const where: FieldWhere = { path: '', field: '', item: null };
  if (!param) return where;
  const item = /^[a-z_]+\[(\d+)\]/.exec(param);
  if (item) where.item = Number(item[1]);
  where.path = param.replace(/\[\d+\]/g, '');
  where.field = where.path.split('.')[0] ?? '';
  return where;
}
