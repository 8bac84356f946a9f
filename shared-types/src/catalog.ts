import type { Fen, IsoDateTime, PageQuery } from './common';

/** Campaign (团购活动) status flow: draft → scheduled → live → ended. */
export const CampaignStatus = {
  DRAFT: 'draft',
  SCHEDULED: 'scheduled',
  LIVE: 'live',
  ENDED: 'ended',
} as const;
export type CampaignStatus = (typeof CampaignStatus)[keyof typeof CampaignStatus];

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '草稿',
  scheduled: '已排期',
  live: '进行中',
  ended: '已结束',
};

export interface CampaignItemView {
  id: number;
  skuId: number;
  productName: string;
  skuName: string;
  imageUrl: string | null;
  groupPrice: Fen;
  originalPrice: Fen;
  /** 0 = no per-member limit. */
  perMemberLimit: number;
  productId: number;
  /** Units sold so far in this campaign (已团). */
  soldQuantity: number;
  /**
   * Units still available to buy: min(SKU/bundle sellable stock, stockCap − soldQuantity when capped).
   * 0 = 已抢光 (sold out).
   */
  remaining: number;
}

/** GET /api/app/campaigns: the live campaigns offered at the buyer's current leader. */
export interface CampaignView {
  id: number;
  title: string;
  coverUrl: string | null;
  description: string | null;
  status: CampaignStatus;
  startAt: IsoDateTime;
  endAt: IsoDateTime;
  /** 截单 time. */
  cutoffAt: IsoDateTime;
  pickupDate: string;
  /** 秒杀 campaign (shown with a badge; ordered through the flash-sale gate). */
  flashSale: boolean;
  items: CampaignItemView[];
  /** Units sold over all items. */
  soldQuantity: number;
}

// ---------------------------------------------------------------------------------------------------
// Catalog (issue 4): categories, suppliers, products with spec dimensions and a SKU matrix, bundles.
// Admin endpoints under /api/admin (catalog.read / catalog.write); money is fen, weights are grams.
// ---------------------------------------------------------------------------------------------------

/** Product status: 草稿 draft → 在售 on_sale ⇄ 已下架 off_sale. Only on_sale products can be sold. */
export const ProductStatus = {
  DRAFT: 'draft',
  ON_SALE: 'on_sale',
  OFF_SALE: 'off_sale',
} as const;
export type ProductStatus = (typeof ProductStatus)[keyof typeof ProductStatus];
export const PRODUCT_STATUS_LABELS: Record<ProductStatus, string> = {
  draft: '草稿',
  on_sale: '在售',
  off_sale: '已下架',
};

/** A standard product has its own stock; a bundle (组合套餐) is made of component SKUs and takes theirs. */
export type ProductKind = 'standard' | 'bundle';
export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = { standard: '普通商品', bundle: '组合套餐' };

/**
 * Categories (商品分类), two levels: a top category (parentId null) and its children. Products hang on
 * either. GET /api/admin/categories → CategoryView[] (flat, ordered by sortOrder then id; the client
 * builds the tree). POST /api/admin/categories, PATCH /api/admin/categories/:id, DELETE
 * /api/admin/categories/:id (409 CATEGORY_IN_USE while products or children use it).
 * Names are unique among siblings (409 CATEGORY_DUPLICATE).
 */
export interface CategoryView {
  id: number;
  name: string;
  parentId: number | null;
  sortOrder: number;
  /** Products directly in this category. */
  productCount: number;
}
export interface CategoryInput {
  /** 1–16 chars. */
  name: string;
  /** A top category's id, or null for a top category (only two levels: 400 VALIDATION_FAILED). */
  parentId: number | null;
  sortOrder?: number;
}

/** Settlement terms with a supplier (结算方式). */
export type SupplierSettlement = 'prepaid' | 'cash_on_delivery' | 'weekly' | 'monthly' | 'consignment';
export const SUPPLIER_SETTLEMENT_LABELS: Record<SupplierSettlement, string> = {
  prepaid: '预付款',
  cash_on_delivery: '货到付款',
  weekly: '周结',
  monthly: '月结',
  consignment: '代销（售后结算）',
};
export type SupplierStatus = 'active' | 'disabled';

/**
 * Suppliers (供应商). GET /api/admin/suppliers?keyword&status&page&pageSize → Paged<SupplierView>;
 * POST /api/admin/suppliers, GET/PATCH /api/admin/suppliers/:id. Names unique (409 SUPPLIER_DUPLICATE).
 * A disabled supplier stays on its products but cannot be chosen for new ones.
 */
export interface SupplierView {
  id: number;
  name: string;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  settlement: SupplierSettlement;
  /** Free text: account, payment days, remarks. */
  settlementNote: string | null;
  status: SupplierStatus;
  productCount: number;
  createdAt: IsoDateTime;
}
export interface SupplierInput {
  name: string;
  contactName?: string | null;
  contactPhone?: string | null;
  address?: string | null;
  settlement: SupplierSettlement;
  settlementNote?: string | null;
  status?: SupplierStatus;
}

/** A spec dimension (规格维度) and its values, e.g. {name:'规格', values:['5斤装','10斤装']}. */
export interface SpecDimension {
  /** 1–8 chars, unique within the product. */
  name: string;
  /** 1–20 values, each 1–16 chars, unique within the dimension. */
  values: string[];
}

/**
 * One SKU of a product. `specValues` has one value per dimension, in dimension order (empty for a
 * product without dimensions: one SKU). `specText` is the values joined with ' / ' (e.g. '5斤装 / 海南'),
 * or '默认' for a product without dimensions.
 */
export interface SkuView {
  id: number;
  productId: number;
  specValues: string[];
  specText: string;
  /** Retail price (零售价), fen. */
  price: Fen;
  /** Purchase cost (成本), fen. */
  cost: Fen;
  barcode: string | null;
  weightGrams: number;
  /** Sellable now. For a bundle: the minimum over its components of floor(component stock / quantity). */
  stock: number;
  /** Held by unpaid/unshipped orders (always 0 for a bundle: its components hold it). */
  reserved: number;
  lowStockThreshold: number;
  /** A SKU whose combination was removed from the matrix is disabled, never deleted (orders keep it). */
  status: 'active' | 'disabled';
}

/** A component of a bundle SKU: `quantity` units of `skuId` go into one bundle. */
export interface BundleComponentView {
  skuId: number;
  productId: number;
  productName: string;
  specText: string;
  quantity: number;
  /** The component's own sellable stock. */
  stock: number;
}
export interface BundleComponentInput {
  skuId: number;
  /** 1–99. */
  quantity: number;
}

export interface ProductImageView {
  /** Storage key from POST /api/admin/uploads. */
  key: string;
  url: string;
}

/** GET /api/admin/products/:id */
export interface ProductDetail {
  id: number;
  kind: ProductKind;
  name: string;
  /** Short selling line under the name (卖点), optional. */
  subtitle: string | null;
  description: string | null;
  categoryId: number | null;
  categoryName: string | null;
  supplierId: number | null;
  supplierName: string | null;
  /** Sales unit shown after the price, e.g. 份 / 箱 / 斤. */
  unit: string;
  status: ProductStatus;
  /** First image is the cover. */
  images: ProductImageView[];
  coverUrl: string | null;
  specDimensions: SpecDimension[];
  /** Active SKUs first in matrix order, then disabled ones. A bundle has exactly one SKU. */
  skus: SkuView[];
  /** Only for a bundle. */
  components: BundleComponentView[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/**
 * A SKU row of the matrix editor. `specValues` identifies the row (one value per dimension); price etc.
 * are its fields. `initialStock` is only read when the row creates a new SKU (booked as an inbound
 * movement 初始库存); existing SKUs change stock only through inventory adjustments.
 */
export interface SkuInput {
  specValues: string[];
  price: Fen;
  cost: Fen;
  barcode?: string | null;
  weightGrams?: number;
  lowStockThreshold?: number;
  initialStock?: number;
}

/**
 * POST /api/admin/products (201 ProductDetail) and PUT /api/admin/products/:id (ProductDetail).
 * The server checks the matrix is complete: exactly one row per combination of the dimension values
 * (400 VALIDATION_FAILED with field `skus` otherwise). On update, rows are matched to existing SKUs by
 * `specValues`; rows for new combinations create SKUs; SKUs whose combination disappeared are disabled.
 * A bundle (kind 'bundle') has no dimensions, exactly one SKU row (its price/cost) and ≥ 2 component
 * units (components may not be bundles themselves: 400). `kind` cannot change after creation.
 */
export interface ProductInput {
  kind?: ProductKind;
  name: string;
  subtitle?: string | null;
  description?: string | null;
  categoryId?: number | null;
  supplierId?: number | null;
  unit?: string;
  /** Storage keys from POST /api/admin/uploads, in display order, at most 9. */
  imageKeys: string[];
  specDimensions: SpecDimension[];
  skus: SkuInput[];
  components?: BundleComponentInput[];
}

/** POST /api/admin/products/:id/status {status} → ProductDetail. A product needs an image to go on sale. */
export interface ProductStatusChange {
  status: ProductStatus;
}

/** GET /api/admin/products?keyword&categoryId&supplierId&status&kind&page&pageSize → Paged<ProductListItem>. */
export interface ProductListQuery extends PageQuery {
  /** Name prefix / contains, or a barcode. */
  keyword?: string;
  categoryId?: number;
  supplierId?: number;
  status?: ProductStatus;
  kind?: ProductKind;
}
export interface ProductListItem {
  id: number;
  kind: ProductKind;
  name: string;
  coverUrl: string | null;
  categoryName: string | null;
  supplierName: string | null;
  status: ProductStatus;
  skuCount: number;
  /** Lowest and highest retail price over active SKUs, fen. */
  minPrice: Fen;
  maxPrice: Fen;
  /** Sum of sellable stock over active SKUs (for a bundle: its availability). */
  totalStock: number;
  /** Active SKUs at or below their low-stock threshold. */
  lowStockSkuCount: number;
  updatedAt: IsoDateTime;
}

/**
 * GET /api/admin/skus?keyword&page&pageSize → Paged<SkuPickerItem>: active SKUs of non-draft products
 * to pick for a bundle or a campaign ("苹果 5斤装 / 海南").
 */
export interface SkuPickerItem {
  skuId: number;
  productId: number;
  productName: string;
  productKind: ProductKind;
  productStatus: ProductStatus;
  specText: string;
  coverUrl: string | null;
  price: Fen;
  cost: Fen;
  stock: number;
}
