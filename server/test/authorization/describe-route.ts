/**
 * Authorization specs name the route they cover: `describeRoute('POST /api/admin/members/:id/move', …)`.
 * `route-coverage.e2e-spec.ts` reads every spec in this folder for these names and fails when an
 * endpoint that takes an id has no authorization spec, so a new endpoint cannot forget one.
 */
export function describeRoute(route: string, body: () => void): void {
  describe(route, body);
}
