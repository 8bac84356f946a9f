import { adminCallersWithout, createAuthzWorld, itRefuses, withToken, type AuthzWorld } from './authz-kit';
import { describeRoute } from './describe-route';

/**
 * Fulfillment: reads need fulfillment.read, changes fulfillment.write; member tokens never reach the
 * admin area. Ids are existing-looking numbers: the permission check comes before any lookup, so the
 * refusal (and "nothing changed") does not depend on the wave, list or route existing.
 */
describe('authorization: fulfillment', () => {
  let w: AuthzWorld;
  const world = () => w;

  beforeAll(async () => {
    w = await createAuthzWorld();
  });
  afterAll(() => w?.t.close());

  const call =
    (method: 'get' | 'post' | 'put' | 'delete', path: string, body: object = {}) =>
    (w: AuthzWorld, token: string | null) => {
      const test = withToken(w.t.http()[method](path), token);
      return method === 'get' || method === 'delete' ? test : test.send(body);
    };
  const route = { name: '权限线路', driverName: '老周', driverPhone: '13900001111', stops: [1] };

  describeRoute('GET /api/admin/fulfillment/waves/:id', () => {
    itRefuses(world, adminCallersWithout('fulfillment.read'), call('get', '/api/admin/fulfillment/waves/1'));
  });
  describeRoute('GET /api/admin/fulfillment/waves/:id/demand', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.read'),
      call('get', '/api/admin/fulfillment/waves/1/demand'),
    );
  });
  describeRoute('GET /api/admin/fulfillment/waves/:id/purchase-lists', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.read'),
      call('get', '/api/admin/fulfillment/waves/1/purchase-lists'),
    );
  });
  describeRoute('POST /api/admin/fulfillment/waves/:id/purchase-lists', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.write'),
      call('post', '/api/admin/fulfillment/waves/1/purchase-lists'),
    );
  });
  describeRoute('GET /api/admin/fulfillment/purchase-lists/:id', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.read'),
      call('get', '/api/admin/fulfillment/purchase-lists/1?format=xlsx'),
    );
  });
  describeRoute('PUT /api/admin/fulfillment/purchase-lists/:id/lines', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.write'),
      call('put', '/api/admin/fulfillment/purchase-lists/1/lines', { lines: [{ skuId: 1, quantity: 1 }] }),
    );
  });
  describeRoute('POST /api/admin/fulfillment/purchase-lists/:id/mark-ordered', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.write'),
      call('post', '/api/admin/fulfillment/purchase-lists/1/mark-ordered'),
    );
  });
  describeRoute('POST /api/admin/fulfillment/purchase-lists/:id/receive', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.write'),
      call('post', '/api/admin/fulfillment/purchase-lists/1/receive'),
    );
  });
  describeRoute('GET /api/admin/fulfillment/waves/:id/pick-lists', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.read'),
      call('get', '/api/admin/fulfillment/waves/1/pick-lists?format=xlsx'),
    );
  });
  describeRoute('GET /api/admin/fulfillment/waves/:id/pick-lists/:leaderId', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.read'),
      call('get', '/api/admin/fulfillment/waves/1/pick-lists/1'),
    );
  });
  describeRoute('GET /api/admin/fulfillment/waves/:id/pick-summary', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.read'),
      call('get', '/api/admin/fulfillment/waves/1/pick-summary'),
    );
  });
  describeRoute('GET /api/admin/fulfillment/waves/:id/routes/:routeId/delivery-sheet', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.read'),
      call('get', '/api/admin/fulfillment/waves/1/routes/1/delivery-sheet'),
    );
  });
  describeRoute('POST /api/admin/fulfillment/waves/:id/routes/:routeId/ship', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.write'),
      call('post', '/api/admin/fulfillment/waves/1/routes/1/ship'),
    );
  });
  describeRoute('GET /api/admin/fulfillment/routes/:id', () => {
    itRefuses(world, adminCallersWithout('fulfillment.read'), call('get', '/api/admin/fulfillment/routes/1'));
  });
  describeRoute('PUT /api/admin/fulfillment/routes/:id', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.write'),
      call('put', '/api/admin/fulfillment/routes/1', route),
    );
  });
  describeRoute('DELETE /api/admin/fulfillment/routes/:id', () => {
    itRefuses(
      world,
      adminCallersWithout('fulfillment.write'),
      call('delete', '/api/admin/fulfillment/routes/1'),
    );
  });
  describe('lists without an id', () => {
    itRefuses(world, adminCallersWithout('fulfillment.read'), call('get', '/api/admin/fulfillment/waves'));
    itRefuses(
      world,
      adminCallersWithout('fulfillment.write'),
      call('post', '/api/admin/fulfillment/routes', route),
    );
  });
});
