import type { ProductKind, ProductListQuery, ProductStatus } from '@linli/shared-types';
import { pageFromSearch, pageToSearch, positiveInt } from '../../../utils/url-query';

const STATUSES: ProductStatus[] = ['draft', 'on_sale', 'off_sale'];
const KINDS: ProductKind[] = ['standard', 'bundle'];

/** The product list filters as they live in the URL (unknown values dropped). */
export function productQueryFromSearch(params: URLSearchParams, fixedKind?: ProductKind): ProductListQuery {
  const status = params.get('status') as ProductStatus | null;
  const kind = params.get('kind') as ProductKind | null;
  return {
    ...pageFromSearch(params),
    keyword: params.get('keyword')?.trim() || undefined,
    categoryId: positiveInt(params.get('categoryId')),
    supplierId: positiveInt(params.get('supplierId')),
    status: status && STATUSES.includes(status) ? status : undefined,
    kind: fixedKind ?? (kind && KINDS.includes(kind) ? kind : undefined),
  };
}

export function productQueryToSearch(
  query: ProductListQuery,
  fixedKind?: ProductKind,
): Record<string, string> {
  const out = pageToSearch(query);
  if (query.keyword) out.keyword = query.keyword;
  if (query.categoryId) out.categoryId = String(query.categoryId);
  if (query.supplierId) out.supplierId = String(query.supplierId);
  if (query.status) out.status = query.status;
  if (query.kind && !fixedKind) out.kind = query.kind;
  return out;
}
