// The typed client for /api/v1, by area. Request and response types are generated from
// docs/api/openapi.json into schema.ts (`npm run gen:api`); the modules name the ones they use.
export * from './client.ts';
export * from './catalog.ts';
export * from './accounts.ts';
export * from './dossiers.ts';
export * from './payments.ts';
export * from './calendar.ts';
export * from './reports.ts';
export * from './portal.ts';
export * from './results.ts';
export * from './documents.ts';
