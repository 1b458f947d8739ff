// Electronic results as the tests need them: a citizen's dossier taken through the ward's steps
// to a signed electronic result (docs/e-results.md), and returned when asked.
import assert from 'node:assert/strict';
import { call, type Session } from './auth.ts';
import { actOk, createDossier, type SubmitOptions } from './dossiers.ts';
import type { RunningServer } from './server.ts';

export interface WardSessions { citizen: Session; clerk: Session; specialist: Session; head: Session }

/** Submits a dossier as the citizen, takes it to finish with result_kind=electronic and, when
 * `returned`, returns it online (which deposits the result in the citizen's data store). The
 * dossier's code and its registered result as GET …/results lists it. */
export async function issueElectronicResult(server: RunningServer, sessions: WardSessions,
  options: SubmitOptions & { returned?: boolean } = {}): Promise<{ code: string; result: any }> {
  const dossier = await createDossier(server, sessions.citizen, options);
  await actOk(server, sessions.clerk, dossier.code, 'accept');
  await actOk(server, sessions.clerk, dossier.code, 'forward');
  await actOk(server, sessions.specialist, dossier.code, 'forward');
  await actOk(server, sessions.head, dossier.code, 'approve');
  await actOk(server, sessions.clerk, dossier.code, 'finish', { result_kind: 'electronic' });
  if (options.returned) {
    await actOk(server, sessions.clerk, dossier.code, 'return_result', { delivery: 'online' });
  }
  const listed = await call(server, `/api/v1/dossiers/${encodeURIComponent(dossier.code)}/results`, { session: sessions.citizen });
  assert.equal(listed.status, 200, listed.text);
  assert.equal(listed.body.results.length, 1, listed.text);
  return { code: dossier.code, result: listed.body.results[0] };
}
