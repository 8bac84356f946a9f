import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp } from '../support/test-app';
import { RouteCollector, RouteCollectorModule, takesId, type RouteName } from './route-collector';

/**
 * Routes that take an id but protect no subject, each with the reason. Keep it empty unless a route
 * really has nothing to authorize; an entry that no longer names a registered route fails below.
 */
const EXEMPT: Record<RouteName, string> = {};

/** A describeRoute call whose name is a literal `METHOD /path`. */
const NAMED_ROUTE = /describeRoute\(\s*(['"`])([A-Z]+ \/[^'"`\s]*)\1/g;
const ANY_CALL = /describeRoute\(/g;

interface SpecNames {
  names: Map<RouteName, string[]>;
  /** Files with a describeRoute whose name is not a literal `METHOD /path` (cannot be checked). */
  unreadable: string[];
}

/** Reads every authorization spec in this folder for the routes it names. */
function routesNamedBySpecs(): SpecNames {
  const names = new Map<RouteName, string[]>();
  const unreadable: string[] = [];
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.e2e-spec.ts'))
    .sort()) {
    const source = readFileSync(join(__dirname, file), 'utf8');
    const found = [...source.matchAll(NAMED_ROUTE)].map((m) => m[2]);
    if (found.length !== (source.match(ANY_CALL) ?? []).length) unreadable.push(file);
    for (const route of found) names.set(route, [...(names.get(route) ?? []), file]);
  }
  return { names, unreadable };
}

describe('authorization route coverage', () => {
  let routes: Set<RouteName>;
  const specs = routesNamedBySpecs();

  beforeAll(async () => {
    const t = await createTestApp({ modules: [RouteCollectorModule] });
    try {
      routes = new Set(t.app.get(RouteCollector).routes);
    } finally {
      await t.close();
    }
  });

  it('sees the registered routes (the collector works)', () => {
    expect(routes).toContain('GET /api/health');
    expect(routes).toContain('GET /api/admin/staff/:id');
    expect(routes).toContain('POST /api/app/me/pickup-point');
  });

  it('every route that takes an id is named by a describeRoute in an authorization spec', () => {
    const uncovered = [...routes].filter((r) => takesId(r) && !specs.names.has(r) && !(r in EXEMPT)).sort();
    expect(uncovered).toEqual([]);
  });

  it('every describeRoute names a route that exists (method and path exactly as registered)', () => {
    const unknown = [...specs.names.entries()]
      .filter(([route]) => !routes.has(route))
      .map(([route, files]) => `${route} (in ${files.join(', ')})`)
      .sort();
    expect(unknown).toEqual([]);
  });

  it('every describeRoute name is a string literal, so this test can read it', () => {
    expect(specs.unreadable).toEqual([]);
  });

  it('every exemption names a registered id route and gives a reason', () => {
    for (const [route, reason] of Object.entries(EXEMPT)) {
      expect({ route, registered: routes.has(route) && takesId(route) }).toEqual({ route, registered: true });
      expect(reason.trim().length).toBeGreaterThan(10);
    }
  });
});
