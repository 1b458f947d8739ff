// The payment platform simulator alone (tests/simulators/payment_platform/,
// docs/payment_platform.md), driven black-box with node:crypto as the merchant: INIT and its
// refusals, the payment page and its escaping, the signed confirm delivered to a small node:http
// server standing for MotCua (its MaXacThuc recomputed here), the callback scenarios and retries,
// QUERY, the receipt PDF, the faults and the outage of the API routes, the reconciliation report,
// replays, and a clean exit on SIGTERM.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  PLATFORM_PARTNER_CODE, PLATFORM_SECRET, startPaymentPlatform, type RunningPaymentPlatform,
} from './support/payment_platform_simulator.ts';

const INIT_FIELDS = ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'LoaiHinhThanhToan',
  'MaKenhThanhToan', 'MaThietBi', 'NgonNgu', 'MaTienTe', 'MaNganHang', 'ThongTinGiaoDich', 'ThoiGianGD', 'Ip'];
const CONFIRM_FIELDS = ['LoaiBanTin', 'MaLoi', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'MaTienTe', 'MaGiaoDich',
  'MaNganHang', 'ThoiGianGD', 'ThongTinGiaoDich'];
const LOOKUP_FIELDS = ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'];

function hash(values: string[], secret = PLATFORM_SECRET): string {
  return createHash('sha256').update([...values, secret].join('|'), 'utf8').digest('hex');
}

function sign(message: Record<string, unknown>, fields: string[], secret = PLATFORM_SECRET): Record<string, unknown> {
  return { ...message, MaXacThuc: hash(fields.map((name) => String(message[name])), secret) };
}

/** yyyyMMddHHmmss (or yyyyMMdd) in GMT+7. */
function platformTime(at = new Date(), length = 14): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().replace(/[-T:]/g, '').slice(0, length);
}

interface Fee { LoaiPhiLePhi: string; MaPhiLePhi: string; TenPhiLePhi: string; SoTien: string }

function initMessage(reference: string, options: {
  amount?: string; fees?: Fee[]; returnUrl?: string; procedure?: string; secret?: string;
  change?: (message: Record<string, unknown>) => void;
} = {}): Record<string, unknown> {
  const fees = options.fees ?? [
    { LoaiPhiLePhi: '1', MaPhiLePhi: 'PHI01', TenPhiLePhi: 'Phí thẩm định', SoTien: '100000' },
    { LoaiPhiLePhi: '2', MaPhiLePhi: 'LEPHI01', TenPhiLePhi: 'Lệ phí cấp phép', SoTien: '50000' },
  ];
  const signed = sign({
    LoaiBanTin: 'INIT', PhienBan: '1.0.6', MaDoiTac: PLATFORM_PARTNER_CODE, MaThamChieu: reference,
    SoTien: options.amount ?? '150000', LoaiHinhThanhToan: 'PAY', MaKenhThanhToan: '1', MaThietBi: '1',
    NgonNgu: 'vi-VN', MaTienTe: 'VND', MaNganHang: 'PAYMENT',
    ThongTinGiaoDich: `Thanh toán lệ phí hồ sơ ${reference}`, ThoiGianGD: platformTime(), Ip: '203.0.113.7',
  }, INIT_FIELDS, options.secret);
  const message: Record<string, unknown> = {
    ...signed,
    ThongTinBienLai: {
      MaDichVu: '2', MaDVC: 'H32', TenDVC: 'Một cửa H32', MaTTHC: '1.000001',
      TenTTHC: options.procedure ?? 'Cấp giấy phép xây dựng', MaDonVi: 'H32.01', TenDonVi: 'UBND xã A',
      MaHoSo: `000.00.12.H32-${reference}`, TKThuHuong: '0123456789', MaNHThuHuong: '970436',
      TenTKThuHuong: 'Kho bạc', HoTenNguoiNop: 'Nguyễn Văn A', SoCMNDNguoiNop: '040190000123',
      DiaChiNguoiNop: 'Xã A', NoiDungThanhToan: 'Lệ phí', PhiLePhi: fees,
      DSKhoanNop: [{ NoiDung: 'Lệ phí', SoTien: options.amount ?? '150000' }],
    },
  };
  if (options.returnUrl !== undefined) {
    message.UrlTraVe = options.returnUrl;
  }
  options.change?.(message);
  return message;
}

async function post(url: string, body: unknown): Promise<{ status: number; body: any; text: string; type: string }> {
  const response = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text, type: response.headers.get('content-type') ?? '' };
}

async function init(sim: RunningPaymentPlatform, message: Record<string, unknown>) {
  return post(`${sim.url}/api/thanhtoan/init`, message);
}

/** MotCua's confirm endpoint: verifies each confirm and answers as told. */
class Merchant {
  readonly confirms: Array<{ body: any; verified: boolean }> = [];
  /** The error_code of the next answers; "0" once they run out. */
  replies: string[] = [];
  private server: Server;
  url = '';

  constructor() {
    this.server = createServer((request, response) => {
      let text = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => { text += chunk; });
      request.on('end', () => {
        const body = JSON.parse(text);
        const verified = body.MaXacThuc === hash(CONFIRM_FIELDS.map((name) => String(body[name])));
        this.confirms.push({ body, verified });
        const code = !verified ? '1' : (this.replies.shift() ?? '0');
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error_code: code, message: 'ok' }));
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/payments/platform/confirm`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error('timed out waiting');
    }
    await sleep(20);
  }
}

test('INIT answers a pay URL and refuses what is wrong with an error_code', async () => {
  const sim = await startPaymentPlatform();
  const good = await init(sim, initMessage('PO1'));
  assert.equal(good.status, 200, good.text);
  assert.equal(good.body.error_code, '0', good.text);
  assert.equal(JSON.parse(good.body.message).UrlThanhToan, `${sim.url}/pay/PO1`);
  assert.equal((await init(sim, initMessage('PO1'))).body.error_code, '5');  // Pending.

  const refused = async (message: Record<string, unknown>) => (await init(sim, message)).body.error_code;
  assert.equal(await refused(initMessage('PO2', { secret: 'wrong' })), '3');
  assert.equal(await refused(initMessage('PO2', { change: (m) => { m.MaDoiTac = 'OTHER'; } })), '2');
  assert.equal(await refused(initMessage('PO2', { change: (m) => { m.SoTien = '150001'; } })), '3');
  assert.equal(await refused(initMessage('PO2', { amount: '160000' })), '4');  // Items add up to 150000.
  assert.equal(await refused(initMessage('PO2', { amount: '0' })), '4');
  assert.equal(await refused(initMessage('PO2', { change: (m) => { delete m.ThongTinBienLai; } })), '1');
  assert.equal(await refused(initMessage('PO2', { change: (m) => { m.SoTien = 150000; } })), '1');
  assert.equal(await refused(initMessage('PO-2')), '1');
  assert.equal(await refused(initMessage('PO2', {
    fees: [{ LoaiPhiLePhi: '3', MaPhiLePhi: 'X', TenPhiLePhi: 'X', SoTien: '150000' }],
  })), '1');
  assert.equal((await post(`${sim.url}/api/thanhtoan/init`, '{not json')).body.error_code, '1');
  const state = await sim.state();
  assert.deepEqual(state.transactions.map((t) => [t.reference, t.status]), [['PO1', 'pending']]);
  assert.equal(state.counters.inits, 1);
  assert.equal(state.counters.refused, 11);
  assert.equal(await sim.stop(), 0);
});

test('the payment page shows the order escaped, with the four buttons', async () => {
  const sim = await startPaymentPlatform();
  await init(sim, initMessage('PO3', { procedure: '<script>alert("x")</script> & co' }));
  const response = await fetch(`${sim.url}/pay/PO3`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/html/);
  const html = await response.text();
  assert.ok(!html.includes('<script>alert'), html);
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'), html);
  for (const id of ['pay-success', 'pay-cancel', 'pay-insufficient', 'pay-timeout']) {
    assert.ok(html.includes(`id="${id}"`), id);
  }
  assert.ok(html.includes('150.000 đồng'));
  assert.ok(html.includes('Phí thẩm định') && html.includes('Lệ phí cấp phép'));
  assert.ok(html.indexOf('Thanh toán') < html.indexOf('(pay'), 'Vietnamese first');
  assert.equal((await fetch(`${sim.url}/pay/NOPE`)).status, 404);
  await sim.stop();
});

test('paying sends the signed confirm, then redirects to UrlTraVe', async () => {
  const merchant = await new Merchant().start();
  const sim = await startPaymentPlatform({ confirmUrl: merchant.url });
  await init(sim, initMessage('PO4', { returnUrl: 'http://127.0.0.1:9/return?x=1' }));
  const response = await fetch(`${sim.url}/pay/PO4`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'outcome=success',
  });
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), 'http://127.0.0.1:9/return?x=1&MaThamChieu=PO4&MaLoi=00');
  assert.equal(merchant.confirms.length, 1);  // Sent before the browser was sent back.
  const { body, verified } = merchant.confirms[0]!;
  assert.ok(verified, JSON.stringify(body));
  assert.equal(body.MaLoi, '00');
  assert.equal(body.SoTien, '150000');
  assert.equal(body.ThongTinGiaoDich, 'Thanh toán lệ phí hồ sơ PO4');
  assert.match(body.ThoiGianGD, /^\d{14}$/);
  const state = await sim.state();
  assert.equal(state.transactions[0]!.status, 'paid');
  assert.equal(state.transactions[0]!.transaction_id, body.MaGiaoDich);
  assert.equal(state.counters.confirms_accepted, 1);
  assert.equal(state.confirms[0]!.error_code, '0');
  // Settled once only; the page then shows the outcome.
  await assert.rejects(sim.settle('PO4', 'success'), /409/);
  assert.match(await (await fetch(`${sim.url}/pay/PO4`)).text(), /data-result="00"/);

  // A failed payment without UrlTraVe: the done page, MaLoi 24; the reference may be tried again.
  await init(sim, initMessage('PO5'));
  const cancel = await fetch(`${sim.url}/pay/PO5`, { method: 'POST', body: 'outcome=cancel' });
  assert.equal(cancel.status, 200);
  assert.match(await cancel.text(), /data-result="24"/);
  assert.equal(merchant.confirms[1]!.body.MaLoi, '24');
  assert.equal((await init(sim, initMessage('PO5'))).body.error_code, '0');
  await sim.stop();
  await merchant.stop();
});

test('callback scenarios: lost, repeated, after_return; retries until MotCua answers "0"', async () => {
  const merchant = await new Merchant().start();
  const sim = await startPaymentPlatform({ confirmUrl: merchant.url, confirmRetryMs: 10 });
  for (const reference of ['PL1', 'PL2', 'PL3', 'PL4', 'PL5']) {
    await init(sim, initMessage(reference));
  }
  const lost = await sim.settle('PL1', 'success', 'lost');
  assert.equal(lost.transaction.status, 'paid');
  assert.deepEqual(lost.confirms, []);

  const repeated = await sim.settle('PL2', 'insufficient', 'repeated');
  assert.equal(repeated.confirms.length, 3);
  assert.deepEqual(repeated.confirms.map((c) => c.delivery), [1, 2, 3]);
  assert.equal(merchant.confirms.filter((c) => c.body.MaThamChieu === 'PL2' && c.body.MaLoi === '51').length, 3);

  await sim.setCallback('after_return');
  const later = await sim.settle('PL3', 'timeout');
  assert.deepEqual(later.confirms, []);
  assert.ok(!merchant.confirms.some((c) => c.body.MaThamChieu === 'PL3'));
  await waitFor(() => merchant.confirms.some((c) => c.body.MaThamChieu === 'PL3'));
  assert.equal(merchant.confirms.find((c) => c.body.MaThamChieu === 'PL3')!.body.MaLoi, '11');

  await sim.setCallback('normal');
  merchant.replies = ['99', '4'];
  const retried = await sim.settle('PL4', 'success');
  assert.deepEqual(retried.confirms.map((c) => [c.attempt, c.error_code]), [[1, '99'], [2, '4'], [3, '0']]);

  merchant.replies = ['99', '99', '99', '99', '99'];
  const gaveUp = await sim.settle('PL5', 'success');
  assert.equal(gaveUp.confirms.length, 4);  // The first send and --confirm-retries 3.
  merchant.replies = [];

  const state = await sim.state();
  assert.equal(state.counters.confirms_lost, 1);
  assert.equal(state.counters.confirms_refused, 6);
  await sim.stop();
  await merchant.stop();
});

test('no confirm URL, or nobody listening: recorded as failed attempts', async () => {
  const sim = await startPaymentPlatform({ confirmRetries: 1, confirmRetryMs: 0 });
  await init(sim, initMessage('PN1'));
  const settled = await sim.settle('PN1', 'success');
  assert.equal(settled.confirms.length, 1);
  assert.match(settled.confirms[0]!.error, /no confirm URL/);
  await sim.setMerchant({ confirm_url: 'http://127.0.0.1:9/confirm' });
  const replay = await sim.replayConfirm('PN1');
  assert.equal(replay.status, 0);
  assert.notEqual(replay.error, '');
  assert.equal((await sim.state()).counters.confirms_failed, 2);
  await sim.stop();
});

test('QUERY answers the signed state of a transaction', async () => {
  const sim = await startPaymentPlatform({ callback: 'lost' });
  await init(sim, initMessage('PQ1'));
  const query = (reference: string, secret = PLATFORM_SECRET) => post(`${sim.url}/api/thanhtoan/query`, sign({
    LoaiBanTin: 'QUERY', PhienBan: '1.0.6', MaDoiTac: PLATFORM_PARTNER_CODE, MaThamChieu: reference,
    ThoiGianGD: platformTime(),
  }, LOOKUP_FIELDS, secret));
  const pending = await query('PQ1');
  assert.equal(pending.body.error_code, '0', pending.text);
  const before = JSON.parse(pending.body.message);
  assert.equal(before.MaLoi, '01');
  assert.equal(before.MaXacThuc, hash(CONFIRM_FIELDS.map((name) => String(before[name]))));
  await sim.settle('PQ1', 'success');
  const after = JSON.parse((await query('PQ1')).body.message);
  assert.equal(after.LoaiBanTin, 'QUERY');
  assert.equal(after.MaLoi, '00');
  assert.equal(after.SoTien, '150000');
  assert.match(after.MaGiaoDich, /^\d+$/);
  assert.equal(after.MaXacThuc, hash(CONFIRM_FIELDS.map((name) => String(after[name]))));
  assert.equal((await query('NOPE')).body.error_code, '6');
  assert.equal((await query('PQ1', 'wrong')).body.error_code, '3');
  await sim.stop();
});

test('the receipt of a paid transaction is a PDF', async () => {
  const sim = await startPaymentPlatform({ callback: 'lost' });
  await init(sim, initMessage('PR1'));
  const receipt = (reference: string) => fetch(`${sim.url}/api/thanhtoan/bienlai`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sign({
      LoaiBanTin: 'RECEIPT', PhienBan: '1.0.6', MaDoiTac: PLATFORM_PARTNER_CODE, MaThamChieu: reference,
      ThoiGianGD: platformTime(),
    }, LOOKUP_FIELDS)),
  });
  assert.equal((await (await receipt('PR1')).json() as any).error_code, '7');
  assert.equal((await (await receipt('NOPE')).json() as any).error_code, '6');
  await sim.settle('PR1', 'success');
  const response = await receipt('PR1');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/pdf');
  const pdf = Buffer.from(await response.arrayBuffer());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  let text: string | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'platform-receipt-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } catch {
    text = undefined;  // No pdftotext here.
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (text !== undefined) {
    assert.ok(text.includes('PR1'), text);
    assert.match(text, /B(IÊ|IE)N LAI THU PH(Í|I), L(Ệ|E) PH(Í|I)/);
  }
  assert.equal(await sim.stop(), 0);  // cairo's and fontconfig's caches freed: no leak reported.
});

test('faults and the outage hit the API routes, never the pages', async () => {
  const sim = await startPaymentPlatform();
  await init(sim, initMessage('PF1'));
  await sim.setFaults({ rate: 1, kinds: ['http_500'] });
  const faulted = await init(sim, initMessage('PF2'));
  assert.equal(faulted.status, 500);
  assert.equal(faulted.body.error_code, '99');
  await sim.setFaults({ kinds: ['wrong_types'] });
  assert.equal((await init(sim, initMessage('PF2'))).body.error_code, 0);
  assert.equal((await fetch(`${sim.url}/pay/PF1`)).status, 200);
  await sim.setFaults({ rate: 0 });
  assert.equal(await sim.setDown(true), true);
  const down = await init(sim, initMessage('PF2'));
  assert.equal(down.status, 503);
  assert.equal(down.body.error_code, '99');
  assert.equal((await fetch(`${sim.url}/pay/PF1`)).status, 200);
  await sim.reset();
  const state = await sim.state();
  assert.deepEqual(state.transactions, []);
  assert.equal(state.counters.requests, 0);
  assert.equal((await init(sim, initMessage('PF2'))).body.error_code, '0');
  assert.equal((await fetch(`${sim.url}/api/thanhtoan/init`)).status, 405);
  await sim.stop();
});

test('the report lists the day\'s paid transactions, injected ones included; replays may be tampered', async () => {
  const merchant = await new Merchant().start();
  const sim = await startPaymentPlatform({ confirmUrl: merchant.url });
  await init(sim, initMessage('PD1'));
  await init(sim, initMessage('PD2'));
  await sim.settle('PD1', 'success');
  await sim.settle('PD2', 'cancel');
  const injected = await sim.injectTransaction({ reference: 'PX9', amount: 70000 });
  assert.equal(injected.status, 'paid');
  assert.equal(injected.injected, true);
  await sim.injectTransaction({ reference: 'PX8', amount: 1000, time_gd: '20200101120000' });
  const day = platformTime(new Date(), 8);
  const report = async (ngay: string, secret = PLATFORM_SECRET) => post(`${sim.url}/api/thanhtoan/report`,
    sign({ MaDoiTac: PLATFORM_PARTNER_CODE, Ngay: ngay }, ['MaDoiTac', 'Ngay'], secret));
  const today = await report(day);
  assert.equal(today.body.error_code, '0', today.text);
  const list = JSON.parse(today.body.message);
  assert.equal(list.Ngay, day);
  assert.deepEqual(list.DanhSach.map((e: any) => [e.MaThamChieu, e.SoTien, e.MaLoi]),
    [['PD1', '150000', '00'], ['PX9', '70000', '00']]);
  assert.deepEqual(JSON.parse((await report('20200101')).body.message).DanhSach.map((e: any) => e.MaThamChieu), ['PX8']);
  assert.equal((await report(day, 'wrong')).body.error_code, '3');
  assert.equal((await report('2020-01-01')).body.error_code, '1');

  const plain = await sim.replayConfirm('PD1');
  assert.equal(plain.error_code, '0');
  const amount = await sim.replayConfirm('PD1', 'amount');
  assert.equal(amount.error_code, '1');
  assert.equal(merchant.confirms.at(-1)!.body.SoTien, '151000');
  const signature = await sim.replayConfirm('PD1', 'signature');
  assert.equal(signature.error_code, '1');
  assert.equal(signature.tamper, 'signature');
  await sim.stop();
  await merchant.stop();
});
