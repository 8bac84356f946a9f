export { CatalogModule } from './catalog.module';
export { CatalogService, type NewProduct, type SkuDetails } from './catalog.service';
export { ProductStatus } from './domain/product-status';
export type { SkuDraft } from './domain/sku-rules';
