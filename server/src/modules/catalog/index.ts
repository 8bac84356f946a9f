export { CatalogModule } from './catalog.module';
export {
  CatalogService,
  type NewProduct,
  type ProductPage,
  type SkuCommissionFacts,
  type SkuDetails,
  type SkuSupplyFacts,
  type SupplierContact,
} from './catalog.service';
export { CategoriesService } from './categories.service';
export { SuppliersService } from './suppliers.service';
export { ProductStatus } from './domain/product-status';
export { specTextOf } from './domain/spec-matrix';
