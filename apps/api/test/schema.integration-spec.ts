import { GraphQLSchemaHost } from '@nestjs/graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, findBreakingChanges, lexicographicSortSchema, printSchema } from 'graphql';
import { TestApp } from './test-app';

const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');
const CONTRACT_FILE = join(__dirname, '..', 'contract', 'api-contract.graphql');

/**
 * The committed schema file must be what the code builds, so reviewers and the web app's codegen
 * see every change. `npm run schema:write` refreshes it.
 */
describe('GraphQL schema', () => {
  let t: TestApp;
  let printed: string;
  beforeAll(async () => {
    t = await TestApp.start();
    printed = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env['UPDATE_SCHEMA'] === 'true') writeFileSync(SCHEMA_FILE, printed);
  });
  afterAll(() => t.close());

  it('matches the committed apps/api/schema.graphql (run `npm run schema:write` after changing it)', () => {
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed);
  });

  it('keeps every name and shape of the public contract that it implements', () => {
    const contract = buildSchema(readFileSync(CONTRACT_FILE, 'utf8'));
    const ours = buildSchema(printed);
    const missing = findBreakingChanges(contract, ours)
      .map((c) => c.description)
      .filter((d) => !PENDING.includes(d));
    expect(missing).toEqual([]);
  });
});

/** Parts of the contract not built yet (none: every name of the contract is served). */
const PENDING: string[] = [];
