import {
  PRODUCT_KIND_LABELS,
  type CategoryInput,
  type CategoryView,
  type Paged,
  type ProductDetail,
  type ProductInput,
  type ProductKind,
  type ProductListItem,
  type ProductListQuery,
  type ProductStatus,
  type SkuPickerItem,
  type SupplierInput,
  type SupplierStatus,
  type SupplierView,
  type UploadedFile,
} from '@linli/shared-types';
import { api } from '../../api';

export const catalogKeys = {
  all: ['catalog'] as const,
  categories: ['catalog', 'categories'] as const,
  suppliers: (query: SupplierListQuery) => ['catalog', 'suppliers', query] as const,
  supplierOptions: ['catalog', 'suppliers', 'options'] as const,
  products: (query: ProductListQuery) => ['catalog', 'products', query] as const,
  product: (id: number) => ['catalog', 'product', id] as const,
  skus: (keyword: string, page: number) => ['catalog', 'skus', keyword, page] as const,
};

// ---- categories ----
export function fetchCategories(): Promise<CategoryView[]> {
  return api.get<CategoryView[]>('/api/admin/categories');
}
export function createCategory(body: CategoryInput): Promise<CategoryView> {
  return api.post<CategoryView>('/api/admin/categories', body);
}
export function updateCategory(id: number, body: Partial<CategoryInput>): Promise<CategoryView> {
  return api.patch<CategoryView>(`/api/admin/categories/${id}`, body);
}
export function deleteCategory(id: number): Promise<void> {
  return api.delete<void>(`/api/admin/categories/${id}`);
}

// ---- suppliers ----
export interface SupplierListQuery {
  keyword?: string;
  status?: SupplierStatus;
  page: number;
  pageSize: number;
}
export function fetchSuppliers(query: SupplierListQuery): Promise<Paged<SupplierView>> {
  return api.get<Paged<SupplierView>>('/api/admin/suppliers', { ...query });
}
/** Every supplier for the pickers (a few dozen at most; the API pages at 100). */
export async function fetchSupplierOptions(): Promise<SupplierView[]> {
  return (await fetchSuppliers({ page: 1, pageSize: 100 })).items;
}
export function createSupplier(body: SupplierInput): Promise<SupplierView> {
  return api.post<SupplierView>('/api/admin/suppliers', body);
}
export function updateSupplier(id: number, body: SupplierInput): Promise<SupplierView> {
  return api.patch<SupplierView>(`/api/admin/suppliers/${id}`, body);
}

// ---- products ----
export function fetchProducts(query: ProductListQuery): Promise<Paged<ProductListItem>> {
  return api.get<Paged<ProductListItem>>('/api/admin/products', { ...query });
}
export function fetchProduct(id: number): Promise<ProductDetail> {
  return api.get<ProductDetail>(`/api/admin/products/${id}`);
}
export function createProduct(body: ProductInput): Promise<ProductDetail> {
  return api.post<ProductDetail>('/api/admin/products', body);
}
export function updateProduct(id: number, body: ProductInput): Promise<ProductDetail> {
  return api.put<ProductDetail>(`/api/admin/products/${id}`, body);
}
export function changeProductStatus(id: number, status: ProductStatus): Promise<ProductDetail> {
  return api.post<ProductDetail>(`/api/admin/products/${id}/status`, { status });
}

/** Active SKUs of non-draft products, for the bundle and campaign pickers. */
export function searchSkus(keyword: string, page = 1, pageSize = 10): Promise<Paged<SkuPickerItem>> {
  return api.get<Paged<SkuPickerItem>>('/api/admin/skus', {
    keyword: keyword.trim() || undefined,
    page,
    pageSize,
  });
}

export function uploadImage(file: Blob, fileName?: string): Promise<UploadedFile> {
  return api.upload<UploadedFile>('/api/admin/uploads', file, fileName);
}

/** 上架 / 下架 / what the button says for a status change. */
export function statusActionLabel(next: ProductStatus): string {
  return next === 'on_sale' ? '上架' : '下架';
}

export const KIND_OPTIONS = (Object.entries(PRODUCT_KIND_LABELS) as [ProductKind, string][]).map(
  ([value, label]) => ({ value, label }),
);
