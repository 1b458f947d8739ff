// The public catalogue of the demo province (145 agencies, 66 procedures): Vietnamese search,
// filters, cursor pagination, agency codes in both spellings, the agency tree and the fields.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { getJson, withQuery } from './support/http.ts';

const BIRTH_REGISTRATION = 'Đăng ký khai sinh';
const PROCEDURE_COUNT = 66;
const AGENCY_COUNT = 145;

let server: RunningServer;
const api = (path: string) => `${server.url}/api/v1${path}`;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

async function ok(url: string): Promise<any> {
  const answer = await getJson(url);
  assert.equal(answer.status, 200, `${url}: ${answer.text.slice(0, 300)}`);
  assert.match(answer.contentType, /^application\/json/);
  return answer.body;
}

/** Every item of a paginated listing, following next_cursor; checks total on every page. */
async function walk(path: string, params: Record<string, string> = {}, limit = 100): Promise<{ items: any[]; total: number; pages: number }> {
  const items: any[] = [];
  let cursor: string | null = null;
  let total = -1;
  let pages = 0;
  do {
    const page = await ok(withQuery(api(path), { ...params, limit: String(limit), ...(cursor ? { cursor } : {}) }));
    pages += 1;
    assert.ok(page.items.length <= limit, `page longer than limit ${limit}`);
    if (total === -1) {
      total = page.total;
    }
    assert.equal(page.total, total, 'total changed between pages');
    items.push(...page.items);
    cursor = page.next_cursor;
    assert.ok(pages <= 200, 'pagination does not end');
  } while (cursor !== null);
  return { items, total, pages };
}

describe('procedure search', () => {
  const queries: [string, string][] = [
    ['dang ky khai sinh', 'without diacritics'],
    ['ĐĂNG KÝ KHAI SINH', 'upper case'],
    ['Đăng ký khai sinh', 'as written'],
    ['đăng ký khai sinh'.normalize('NFD'), 'decomposed Unicode (NFD)'],
  ];
  for (const [q, label] of queries) {
    test(`q=${JSON.stringify(q.normalize('NFC'))} (${label}) lists "${BIRTH_REGISTRATION}" first`, async () => {
      const page = await ok(withQuery(api('/procedures'), { q }));
      assert.ok(page.items.length > 0, 'no result');
      assert.equal(page.items[0].name_vi, BIRTH_REGISTRATION);
      assert.equal(page.items[0].code, '1.001193.000.00.00.H32');
      assert.ok(page.total < PROCEDURE_COUNT, `q should narrow the list, total=${page.total}`);
    });
  }

  test('accented, unaccented and upper-case queries give the same ranking', async () => {
    const codes = async (q: string) => (await ok(withQuery(api('/procedures'), { q, limit: 100 }))).items.map((p: any) => p.code);
    const reference = await codes('Đăng ký khai sinh');
    assert.deepEqual(await codes('dang ky khai sinh'), reference);
    assert.deepEqual(await codes('ĐĂNG KÝ KHAI SINH'), reference);
  });

  test('a query that matches nothing gives an empty page', async () => {
    const page = await ok(withQuery(api('/procedures'), { q: 'zzzqqqxxx' }));
    assert.deepEqual(page, { items: [], next_cursor: null, total: 0 });
  });
});

describe('agency search', () => {
  test('"Hoà" (old tone placement) and "Hòa" (new) give identical results', async () => {
    const oldStyle = await walk('/agencies', { q: 'Hoà' });
    const newStyle = await walk('/agencies', { q: 'Hòa' });
    assert.ok(newStyle.total > 0, 'no agency matches Hòa');
    assert.equal(oldStyle.total, newStyle.total);
    assert.deepEqual(oldStyle.items.map((a) => a.code), newStyle.items.map((a) => a.code));
    assert.ok(newStyle.items.some((a) => a.name_vi === 'Ủy ban nhân dân tỉnh Khánh Hòa'));
  });

  test('"Khánh Hoà" finds the provincial People\'s Committee', async () => {
    const page = await ok(withQuery(api('/agencies'), { q: 'Khánh Hoà' }));
    assert.ok(page.items.some((a: any) => a.code === 'H32'), JSON.stringify(page.items.map((a: any) => a.code)));
  });

  test('kind and parent filters', async () => {
    const communes = await walk('/agencies', { kind: 'commune' });
    assert.equal(communes.total, 65);
    assert.ok(communes.items.every((a) => a.kind === 'commune' && a.parent === 'H32'));
    const children = await walk('/agencies', { parent: 'H32.22366' });
    assert.deepEqual(children.items.map((a) => [a.code, a.kind]), [['H32.22366.01', 'commune_service_centre']]);
    const byLegacyParent = await walk('/agencies', { parent: '000.00.00.H32' });
    const byParent = await walk('/agencies', { parent: 'H32' });
    assert.equal(byParent.total, 79);
    assert.deepEqual(byLegacyParent.items, byParent.items);
  });
});

describe('procedure filters', () => {
  test('field filter returns only that field and matches its procedure_count', async () => {
    const fields = (await ok(api('/fields'))).items;
    const civil = fields.find((f: any) => f.code === 'civil_status');
    assert.ok(civil, 'no civil_status field');
    const { items, total } = await walk('/procedures', { field: 'civil_status' });
    assert.equal(total, civil.procedure_count);
    assert.equal(items.length, total);
    assert.ok(items.every((p) => p.field === 'civil_status' && p.field_name_vi === 'Hộ tịch'));
  });

  test('level and online_level partition the catalogue', async () => {
    let levelSum = 0;
    for (const level of ['province', 'commune']) {
      const { items, total } = await walk('/procedures', { level });
      assert.ok(total > 0, `no ${level} procedure`);
      assert.ok(items.every((p) => p.level === level), `level=${level} returned another level`);
      levelSum += total;
    }
    assert.equal(levelSum, PROCEDURE_COUNT);
    let onlineSum = 0;
    for (const online of ['full', 'partial', 'none']) {
      const { items, total } = await walk('/procedures', { online_level: online });
      assert.ok(items.every((p) => p.online_level === online), `online_level=${online} returned another level`);
      onlineSum += total;
    }
    assert.equal(onlineSum, PROCEDURE_COUNT);
  });

  test('filters combine with the search', async () => {
    const page = await ok(withQuery(api('/procedures'), { q: 'khai sinh', level: 'commune', field: 'civil_status' }));
    assert.equal(page.items[0].name_vi, BIRTH_REGISTRATION);
    assert.ok(page.items.every((p: any) => p.level === 'commune' && p.field === 'civil_status'));
    const none = await ok(withQuery(api('/procedures'), { q: 'khai sinh', level: 'province', field: 'education' }));
    assert.equal(none.total, 0);
  });

  test('agency=<ward> lists every commune-level procedure', async () => {
    const ward = await walk('/procedures', { agency: 'H32.22366' });
    const communeLevel = await walk('/procedures', { level: 'commune' });
    assert.ok(ward.total > 0);
    assert.deepEqual(ward.items.map((p) => p.code).sort(), communeLevel.items.map((p) => p.code).sort());
    // The ward's public-service centre answers for the same procedures.
    const centre = await walk('/procedures', { agency: 'H32.22366.01' });
    assert.equal(centre.total, ward.total);
  });

  test('agency=<department> lists only the procedures it decides or receives', async () => {
    const education = await walk('/procedures', { agency: 'H32.06' });
    assert.ok(education.total > 0, 'the Department of Education has no procedure');
    assert.ok(education.items.every((p) => p.competent_agency === 'H32.06' || p.receiving_agency === 'H32.06'),
      JSON.stringify(education.items.map((p) => [p.code, p.competent_agency, p.receiving_agency])));
    assert.ok(education.items.every((p) => p.level === 'province'));
    const all = await walk('/procedures');
    const expected = all.items.filter((p) => p.competent_agency === 'H32.06' || p.receiving_agency === 'H32.06');
    assert.deepEqual(education.items.map((p) => p.code).sort(), expected.map((p) => p.code).sort());
    const legacy = await walk('/procedures', { agency: '000.00.06.H32' });
    assert.deepEqual(legacy.items, education.items);
  });
});

describe('cursor pagination', () => {
  for (const limit of [1, 7, 20, 100]) {
    test(`limit=${limit} walks every procedure exactly once`, async () => {
      const { items, total, pages } = await walk('/procedures', {}, limit);
      assert.equal(total, PROCEDURE_COUNT);
      assert.equal(items.length, PROCEDURE_COUNT);
      assert.equal(new Set(items.map((p) => p.code)).size, PROCEDURE_COUNT, 'a procedure appears twice');
      assert.equal(pages, Math.ceil(PROCEDURE_COUNT / limit));
    });
  }

  test('the default page size is 20', async () => {
    const page = await ok(api('/procedures'));
    assert.equal(page.items.length, 20);
    assert.equal(page.total, PROCEDURE_COUNT);
    assert.equal(typeof page.next_cursor, 'string');
  });

  test('a search result paginates consistently', async () => {
    const whole = await ok(withQuery(api('/procedures'), { q: 'cấp', limit: 100 }));
    const paged = await walk('/procedures', { q: 'cấp' }, 3);
    assert.ok(whole.total > 3, `too few matches (${whole.total}) to paginate`);
    assert.equal(paged.total, whole.total);
    assert.deepEqual(paged.items.map((p) => p.code), whole.items.map((p: any) => p.code));
  });

  test('every agency, exactly once', async () => {
    const { items, total } = await walk('/agencies', {}, 30);
    assert.equal(total, AGENCY_COUNT);
    assert.equal(new Set(items.map((a) => a.code)).size, AGENCY_COUNT);
  });
});

describe('details', () => {
  test('agency detail by the current code and by the legacy code is the same', async () => {
    const current = await ok(api('/agencies/H32.02'));
    const legacy = await ok(api('/agencies/000.00.02.H32'));
    assert.deepEqual(legacy, current);
    assert.equal(current.code, 'H32.02');
    assert.equal(current.legacy_code, '000.00.02.H32');
    assert.equal(current.name_vi, 'Sở Tư pháp');
    assert.deepEqual(current.path, [{ code: 'H32', name_vi: 'Ủy ban nhân dân tỉnh Khánh Hòa' }]);
  });

  test('a commune lists its public-service centre as a child', async () => {
    const ward = await ok(api('/agencies/H32.22366'));
    assert.equal(ward.kind, 'commune');
    assert.deepEqual(ward.children.map((c: any) => c.code), ['H32.22366.01']);
  });

  test('procedure detail agrees with its summary', async () => {
    const page = await ok(withQuery(api('/procedures'), { q: BIRTH_REGISTRATION, limit: 1 }));
    const detail = await ok(api(`/procedures/${page.items[0].code}`));
    for (const [key, value] of Object.entries(page.items[0])) {
      assert.deepEqual(detail[key], value, `field ${key}`);
    }
    assert.equal(detail.fee_total_vnd, detail.fees.reduce((sum: number, fee: any) => sum + fee.amount_vnd, 0));
    assert.ok(detail.components.length > 0 && detail.steps.length > 0);
  });
});

describe('agency tree', () => {
  test('tree=true: the province with 13 departments, 1 centre and 65 communes', async () => {
    const tree = await ok(withQuery(api('/agencies'), { tree: 'true' }));
    assert.equal(tree.items.length, 1);
    const province = tree.items[0];
    assert.equal(province.code, 'H32');
    assert.equal(province.kind, 'province');
    const count = (kind: string) => province.children.filter((c: any) => c.kind === kind).length;
    assert.equal(count('department'), 13);
    assert.equal(count('provincial_service_centre'), 1);
    assert.equal(count('commune'), 65);
    assert.equal(province.children.length, 79);
    assert.equal(province.child_count, 79);
    for (const commune of province.children.filter((c: any) => c.kind === 'commune')) {
      assert.deepEqual(commune.children.map((c: any) => c.kind), ['commune_service_centre'], commune.code);
    }
    const countNodes = (node: any): number => 1 + node.children.reduce((sum: number, c: any) => sum + countNodes(c), 0);
    assert.equal(countNodes(province), AGENCY_COUNT);
  });

  test('tree=true&parent= gives the subtree', async () => {
    const tree = await ok(withQuery(api('/agencies'), { tree: 'true', parent: 'H32.22366' }));
    assert.equal(tree.items.length, 1);
    assert.equal(tree.items[0].code, 'H32.22366');
    assert.deepEqual(tree.items[0].children.map((c: any) => c.code), ['H32.22366.01']);
  });
});

describe('fields', () => {
  test('procedure_count sums to 66 and matches each field filter', async () => {
    const fields = (await ok(api('/fields'))).items;
    assert.ok(fields.length > 0);
    assert.equal(fields.reduce((sum: number, f: any) => sum + f.procedure_count, 0), PROCEDURE_COUNT);
    assert.equal(new Set(fields.map((f: any) => f.code)).size, fields.length, 'a field code repeats');
    for (const field of fields) {
      const page = await ok(withQuery(api('/procedures'), { field: field.code, limit: 1 }));
      assert.equal(page.total, field.procedure_count, field.code);
    }
  });
});
