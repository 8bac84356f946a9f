import type { CategoryView, SupplierView } from '@linli/shared-types';
import type { TestApp } from '../../support/test-app';
import { bearer, countRows } from '../support/modules-test-kit';
import { catalogTestApp, createProduct, simpleInput, uploadImage } from './catalog-test-kit';

describe('categories and suppliers', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, adminToken: token } = await catalogTestApp());
  });
  afterAll(() => t.close());

  const http = () => t.http();
  const post = (path: string, body: object) =>
    http()
      .post(path)
      .set(...bearer(token))
      .send(body);

  it('keeps categories to two levels with names unique among siblings', async () => {
    const fruit = (await post('/api/admin/categories', { name: '水果', parentId: null }).expect(201))
      .body as CategoryView;
    const tropical = (
      await post('/api/admin/categories', { name: '热带水果', parentId: fruit.id, sortOrder: 1 }).expect(201)
    ).body as CategoryView;
    const third = await post('/api/admin/categories', { name: '榴莲', parentId: tropical.id });
    expect(third.status).toBe(400);
    expect(third.body.fields).toEqual([{ field: 'parentId', errors: ['分类最多两级'] }]);
    expect((await post('/api/admin/categories', { name: '水果', parentId: null })).body.code).toBe(
      'CATEGORY_DUPLICATE',
    );
    // The same name under another parent is fine.
    const veg = (await post('/api/admin/categories', { name: '蔬菜', parentId: null }).expect(201))
      .body as CategoryView;
    await post('/api/admin/categories', { name: '热带水果', parentId: veg.id }).expect(201);
    // A parent with children cannot become a child.
    const move = await http()
      .patch(`/api/admin/categories/${fruit.id}`)
      .set(...bearer(token))
      .send({ parentId: veg.id });
    expect(move.status).toBe(400);

    const renamed = await http()
      .patch(`/api/admin/categories/${tropical.id}`)
      .set(...bearer(token))
      .send({ name: '进口水果' })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: '进口水果', parentId: fruit.id, sortOrder: 1 });

    const image = await uploadImage(t, token);
    await createProduct(t, token, { ...simpleInput('芒果', [image]), categoryId: tropical.id });
    const list = (
      await http()
        .get('/api/admin/categories')
        .set(...bearer(token))
        .expect(200)
    ).body as CategoryView[];
    expect(list.find((c) => c.id === tropical.id)?.productCount).toBe(1);

    const inUse = await http()
      .delete(`/api/admin/categories/${tropical.id}`)
      .set(...bearer(token));
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('CATEGORY_IN_USE');
    expect(
      (
        await http()
          .delete(`/api/admin/categories/${fruit.id}`)
          .set(...bearer(token))
      ).body.code,
    ).toBe('CATEGORY_IN_USE');
    const empty = (await post('/api/admin/categories', { name: '粮油', parentId: null }).expect(201))
      .body as CategoryView;
    await http()
      .delete(`/api/admin/categories/${empty.id}`)
      .set(...bearer(token))
      .expect(204);
    await http()
      .delete(`/api/admin/categories/${empty.id}`)
      .set(...bearer(token))
      .expect(404);
  });

  it('creates, pages, edits and disables suppliers; a disabled one cannot be chosen for a product', async () => {
    const created = (
      await post('/api/admin/suppliers', {
        name: '海南万宁鲜果合作社',
        contactName: '符海明',
        contactPhone: '13876051234',
        settlement: 'weekly',
        settlementNote: '每周一对账',
      }).expect(201)
    ).body as SupplierView;
    expect(created).toMatchObject({ status: 'active', productCount: 0, address: null });
    const duplicate = await post('/api/admin/suppliers', {
      name: '海南万宁鲜果合作社',
      settlement: 'monthly',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('SUPPLIER_DUPLICATE');
    expect((await post('/api/admin/suppliers', { name: 'x', settlement: 'barter' })).status).toBe(400);
    await post('/api/admin/suppliers', { name: '萧山绿野蔬菜基地', settlement: 'cash_on_delivery' }).expect(
      201,
    );

    const page = await http()
      .get('/api/admin/suppliers?keyword=万宁&pageSize=10')
      .set(...bearer(token))
      .expect(200);
    expect(page.body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(page.body.items[0].name).toBe('海南万宁鲜果合作社');

    const image = await uploadImage(t, token);
    const product = await createProduct(t, token, {
      ...simpleInput('凤梨', [image]),
      supplierId: created.id,
    });
    expect(product.supplierName).toBe('海南万宁鲜果合作社');
    const disabled = await http()
      .patch(`/api/admin/suppliers/${created.id}`)
      .set(...bearer(token))
      .send({ status: 'disabled' })
      .expect(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', productCount: 1, contactName: '符海明' });

    const before = await countRows(t, 'products');
    const refused = await post('/api/admin/products', {
      ...simpleInput('新凤梨', [image]),
      supplierId: created.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ field: 'supplierId', errors: ['该供应商已停用'] }]);
    expect(await countRows(t, 'products')).toBe(before);
    // The product that already had it keeps it through an edit.
    await http()
      .put(`/api/admin/products/${product.id}`)
      .set(...bearer(token))
      .send({ ...simpleInput('凤梨', [image]), supplierId: created.id })
      .expect(200);
    await http()
      .get('/api/admin/suppliers/999999')
      .set(...bearer(token))
      .expect(404);
  });
});
