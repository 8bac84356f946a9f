// Catalog and inventory in the back office: 商品分类 (a two-level tree and a refused delete), 供应商 (the
// drawer), a product with two spec dimensions (4 SKUs with prices and stock, two uploaded images) put on
// sale, a bundle of two of its SKUs, then 库存总览: a 盘点 adjustment seen in 出入库记录 and a threshold
// edited inline that puts the SKU on the 低库存 tab. Screenshots go to docs/screenshots/.
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { CategoryView, ProductDetail, StockAdjustmentResult, SupplierView } from '@linli/shared-types';
import { logIn, openMenu, settle, waitForCount } from '../support/admin-ui';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { demoImagePath } from '../support/demo';

let admin: BrowserSession;
const suffix = randomInt(1000, 9999);
const productName = `贵妃芒测试${suffix}`;
const IMAGES = ['apple.jpg', 'lychee.jpg'].map(demoImagePath);
let product: ProductDetail;

beforeAll(async () => {
  admin = await openBrowser({ width: 1440, height: 900 });
});

afterAll(async () => {
  await admin?.close();
});

afterEach(() => {
  expect(admin.pageErrors).toEqual([]);
});

async function pickOption(page: Page, selectTestId: string, text: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
    .first()
    .click();
}

async function addDimension(page: Page, name: string, values: string): Promise<void> {
  await page.getByTestId('spec-add-dimension').click();
  const dim = page.getByTestId('spec-dimension').last();
  await dim.getByTestId('spec-dimension-name').fill(name);
  await dim.getByTestId('spec-value-input').fill(values);
  await dim.getByTestId('spec-value-input').press('Enter');
}

describe('catalog and inventory in the back office', () => {
  test('商品分类 and 供应商', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    await logIn(page);
    await openMenu(page, '商品分类');
    await page.getByTestId('categories-table').locator('tr.ant-table-row').first().waitFor();

    await page.getByTestId('category-create').click();
    await page.getByTestId('category-name').fill(`测试鲜果${suffix}`);
    const [top] = await Promise.all([
      nextJson<CategoryView>(page, '/api/admin/categories', 'POST'),
      page.getByTestId('category-submit').click(),
    ]);
    expect(top.parentId).toBeNull();
    const topRow = page.getByTestId('categories-table').locator('tr.ant-table-row', { hasText: top.name });
    await topRow.getByTestId('category-add-child').click();
    await page.getByTestId('category-name').fill(`芒果${suffix}`);
    const [child] = await Promise.all([
      nextJson<CategoryView>(page, '/api/admin/categories', 'POST'),
      page.getByTestId('category-submit').click(),
    ]);
    expect(child.parentId).toBe(top.id);
    await page.getByTestId('categories-table').locator('tr.ant-table-row', { hasText: child.name }).waitFor();

    // A category with a child cannot go: the server refuses and the page says why.
    await topRow.getByTestId('category-delete').click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    const refusal = page.locator('.ant-modal-confirm', { hasText: '无法删除此分类' });
    await refusal.waitFor();
    await settle(page);
    await screenshot(page, 'admin-category-in-use.png');
    await refusal.getByRole('button', { name: /知道了/ }).click();
    await settle(page);
    await screenshot(page, 'admin-categories.png');

    await openMenu(page, '供应商');
    await page.getByTestId('supplier-create').click();
    await page.getByTestId('supplier-name').fill(`绿源果业${suffix}`);
    await pickOption(page, 'supplier-settlement', '周结');
    await settle(page);
    await screenshot(page, 'admin-supplier-drawer.png');
    const [supplier] = await Promise.all([
      nextJson<SupplierView>(page, '/api/admin/suppliers', 'POST'),
      page.getByTestId('supplier-submit').click(),
    ]);
    expect(supplier).toMatchObject({ settlement: 'weekly', status: 'active' });
    await page
      .getByTestId('suppliers-table')
      .locator('tr.ant-table-row', { hasText: supplier.name })
      .waitFor();
    await settle(page);
    await screenshot(page, 'admin-suppliers.png');
  });

  test('a product with two spec dimensions, images, 4 priced SKUs, put on sale', async () => {
    const { page } = admin;
    await openMenu(page, '商品列表');
    await page.getByTestId('products-table').locator('tr.ant-table-row').first().waitFor();
    await settle(page);
    await screenshot(page, 'admin-products.png');
    await page.getByTestId('product-create').click();

    await page.getByTestId('product-name').fill(productName);
    await page.getByTestId('product-subtitle').fill('树上熟，产地直发');
    await pickOption(page, 'product-category', `芒果${suffix}`);
    await pickOption(page, 'product-supplier', `绿源果业${suffix}`);
    await page.locator('[data-testid="product-images"] input[type=file]').setInputFiles(IMAGES);
    await page.getByTestId('image-tile').nth(1).waitFor();
    // The second image becomes the cover.
    await page.getByTestId('image-tile').nth(1).getByRole('button', { name: '前移' }).click();

    await addDimension(page, '规格', '5斤装 10斤装');
    await addDimension(page, '产地', '海南，广西');
    const rows = page.getByTestId('sku-matrix').locator('tr.ant-table-row');
    await waitForCount(rows, 4);

    await page.getByTestId('sku-batch-price').fill('39.9');
    await page.getByTestId('sku-batch-cost').fill('20');
    await page.getByTestId('sku-batch-stock').fill('50');
    await page.getByTestId('sku-batch-apply').click();
    await rows.first().getByTestId('sku-price').fill('29.9');
    await rows.first().getByTestId('sku-cost').fill('15.5');
    await rows.nth(3).getByTestId('sku-initial-stock').fill('8');
    await rows.nth(3).getByTestId('sku-threshold').fill('10');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // commit the last input
    await settle(page);
    await screenshot(page, 'admin-product-edit.png');

    [product] = await Promise.all([
      nextJson<ProductDetail>(page, '/api/admin/products', 'POST'),
      page.getByTestId('product-save').click(),
    ]);
    expect(product).toMatchObject({
      name: productName,
      status: 'draft',
      categoryName: `芒果${suffix}`,
      supplierName: `绿源果业${suffix}`,
      specDimensions: [
        { name: '规格', values: ['5斤装', '10斤装'] },
        { name: '产地', values: ['海南', '广西'] },
      ],
    });
    expect(product.images).toHaveLength(2);
    expect(product.coverUrl).toBe(product.images[0].url);
    expect(product.images[0].url).toContain('.jpg');
    expect(product.skus.map((s) => [s.specText, s.price, s.cost, s.stock, s.lowStockThreshold])).toEqual([
      ['5斤装 / 海南', 2990, 1550, 50, 0],
      ['5斤装 / 广西', 3990, 2000, 50, 0],
      ['10斤装 / 海南', 3990, 2000, 50, 0],
      ['10斤装 / 广西', 3990, 2000, 8, 10],
    ]);
    await page.waitForURL(new RegExp(`/admin/catalog/products/${product.id}$`));
    // Saved SKUs show their stock read-only: it changes only through inventory.
    await waitForCount(page.getByTestId('sku-initial-stock'), 0);

    const [onSale] = await Promise.all([
      nextJson<ProductDetail>(page, `/api/admin/products/${product.id}/status`, 'POST'),
      page.getByTestId('product-detail-on-sale').click(),
    ]);
    expect(onSale.status).toBe('on_sale');
    await page.getByTestId('product-detail-off-sale').waitFor();

    // Editing: a new 规格 value adds two rows (with initial stock); saved rows keep their prices and stock.
    const sizes = page.getByTestId('spec-dimension').first();
    await sizes.getByTestId('spec-value-input').fill('20斤装');
    await sizes.getByTestId('spec-value-input').press('Enter');
    await waitForCount(rows, 6);
    await waitForCount(page.getByTestId('sku-initial-stock'), 2);
    for (const i of [4, 5]) {
      await rows.nth(i).getByTestId('sku-price').fill('69.9');
      await rows.nth(i).getByTestId('sku-cost').fill('36');
      await rows.nth(i).getByTestId('sku-initial-stock').fill('5');
    }
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const [updated] = await Promise.all([
      nextJson<ProductDetail>(page, `/api/admin/products/${product.id}`, 'PUT'),
      page.getByTestId('product-save').click(),
    ]);
    expect(
      updated.skus.filter((s) => s.status === 'active').map((s) => [s.specText, s.price, s.stock]),
    ).toEqual([
      ['5斤装 / 海南', 2990, 50],
      ['5斤装 / 广西', 3990, 50],
      ['10斤装 / 海南', 3990, 50],
      ['10斤装 / 广西', 3990, 8],
      ['20斤装 / 海南', 6990, 5],
      ['20斤装 / 广西', 6990, 5],
    ]);
    expect(updated.skus.slice(0, 4).map((s) => s.id)).toEqual(product.skus.map((s) => s.id));

    await openMenu(page, '商品列表');
    await page.getByTestId('product-search').fill(productName);
    await page.getByTestId('product-search').press('Enter');
    const row = page.getByTestId('products-table').locator('tr.ant-table-row', { hasText: productName });
    await row.getByTestId('product-status').filter({ hasText: '在售' }).waitFor();
    expect(await row.textContent()).toContain('¥29.90 ~ ¥69.90');
    expect(await row.getByTestId('product-row-stock').textContent()).toBe('168');
  });

  test('a bundle of two SKUs shows what its components make', async () => {
    const { page } = admin;
    await openMenu(page, '组合套餐');
    await page.waitForURL(/\/admin\/catalog\/bundles$/);
    await page.locator('h4', { hasText: '组合套餐' }).waitFor();
    await page.getByTestId('product-create').click();
    await page.getByTestId('bundle-add').waitFor();
    await page.getByTestId('product-name').fill(`芒果双拼${suffix}`);
    await page.locator('[data-testid="product-images"] input[type=file]').setInputFiles(IMAGES[0]);
    await page.getByTestId('image-tile').first().waitFor();
    await page.getByTestId('bundle-add').click();
    await page.getByTestId('sku-picker-search').fill(productName);
    await page.getByTestId('sku-picker-search').press('Enter');
    const picker = page.getByTestId('sku-picker-table');
    await picker.locator('tr.ant-table-row', { hasText: '10斤装 / 广西' }).click();
    await picker.locator('tr.ant-table-row', { hasText: '5斤装 / 海南' }).click();
    await page.getByTestId('sku-picker-ok').click();
    const components = page.getByTestId('bundle-components').locator('tr.ant-table-row');
    await waitForCount(components, 2);
    await components.filter({ hasText: '5斤装 / 海南' }).getByTestId('bundle-quantity').fill('2');
    await page.getByTestId('sku-price').fill('59');
    await page.getByTestId('sku-cost').fill('35');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // commit the last input
    // 10斤装 / 广西 has 8 in stock (8 bundles), 5斤装 / 海南 has 50 at 2 each (25): 8 bundles.
    await page.getByTestId('bundle-availability').filter({ hasText: '可售 8 套' }).waitFor();
    await settle(page);
    await screenshot(page, 'admin-bundle-edit.png');
    const [bundle] = await Promise.all([
      nextJson<ProductDetail>(page, '/api/admin/products', 'POST'),
      page.getByTestId('product-save').click(),
    ]);
    expect(bundle.kind).toBe('bundle');
    expect(bundle.skus).toHaveLength(1);
    expect(bundle.skus[0]).toMatchObject({ price: 5900, cost: 3500, stock: 8 });
    expect(bundle.components.map((c) => [c.specText, c.quantity]).sort()).toEqual([
      ['10斤装 / 广西', 1],
      ['5斤装 / 海南', 2],
    ]);
    await page.waitForURL(new RegExp(`/admin/catalog/products/${bundle.id}$`));

    // 组合套餐 lists bundles only, with the availability as their stock.
    await openMenu(page, '组合套餐');
    const bundleRow = page
      .getByTestId('products-table')
      .locator('tr.ant-table-row', { hasText: bundle.name });
    await bundleRow.waitFor();
    expect(await bundleRow.getByTestId('product-row-stock').textContent()).toBe('8');
    const listed = page.getByTestId('products-table').locator('tr.ant-table-row');
    expect(await listed.filter({ hasText: '组合套餐' }).count()).toBe(await listed.count());
    await settle(page);
    await screenshot(page, 'admin-bundles.png');
  });

  test('库存总览: a 盘点 in the ledger, a threshold edited inline, the 低库存 tab', async () => {
    const { page } = admin;
    await openMenu(page, '库存总览');
    await page.getByTestId('inventory-search').fill(productName);
    await page.getByTestId('inventory-search').press('Enter');
    const table = page.getByTestId('inventory-table');
    // The previous page stays shown until the search answers: name the product, not just the spec.
    const row = table
      .locator('tr.ant-table-row', { hasText: productName })
      .filter({ hasText: '5斤装 / 海南' });
    await row.waitFor();
    expect(await row.getByTestId('inventory-stock').textContent()).toBe('50');

    await row.getByTestId('inventory-adjust').click();
    await page.getByTestId('adjust-kind').getByText('盘点').click();
    await page.getByTestId('adjust-quantity').fill('45');
    await page.getByTestId('adjust-preview').filter({ hasText: '差异 -5 件，盘点后可售库存 45' }).waitFor();
    await page.getByTestId('adjust-reason').fill('月末盘点，发现 5 斤装少 5 箱');
    await settle(page);
    await screenshot(page, 'admin-inventory-adjust.png');
    const [result] = await Promise.all([
      nextJson<StockAdjustmentResult>(page, '/api/admin/inventory/adjustments', 'POST'),
      page.getByTestId('adjust-submit').click(),
    ]);
    expect(result.movement).toMatchObject({ kind: 'count', stockDelta: -5, stockAfter: 45 });
    await row.getByTestId('inventory-stock').filter({ hasText: /^45$/ }).waitFor();

    // Threshold 50 on a stock of 45: the SKU is low.
    await row.getByTestId('threshold-edit').click();
    await row.getByTestId('threshold-input').fill('50');
    await Promise.all([
      nextJson(page, `/api/admin/inventory/skus/${result.sku.skuId}/threshold`, 'PATCH'),
      row.getByTestId('threshold-save').click(),
    ]);
    await row.getByText('低库存').waitFor();
    await settle(page);
    await screenshot(page, 'admin-inventory.png');

    await page.getByTestId('inventory-low-tab').click();
    await table.locator('tr.ant-table-row', { hasText: productName }).first().waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('low');
    await settle(page);
    await screenshot(page, 'admin-inventory-low.png');

    // The row's 流水 opens the ledger of that SKU: the count on top of the initial stock.
    await row.getByTestId('inventory-movements').click();
    await page.waitForURL(new RegExp(`/admin/inventory/movements\\?skuId=${result.sku.skuId}$`));
    const movements = page.getByTestId('movements-table').locator('tr.ant-table-row');
    await waitForCount(movements, 2);
    const first = await movements.first().textContent();
    for (const part of ['盘点', '-5', '45 / 0', '月末盘点', '系统管理员']) expect(first).toContain(part);
    expect(await movements.nth(1).getByTestId('movement-kind').textContent()).toBe('入库');
    expect(await movements.nth(1).getByTestId('movement-delta').textContent()).toBe('+50');
    await page.getByTestId('movement-filter-sku').filter({ hasText: productName }).waitFor();
    await settle(page);
    await screenshot(page, 'admin-inventory-movements.png');
  });
});
