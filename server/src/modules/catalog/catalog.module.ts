import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { InventoryModule } from '../inventory';
import { AdminCategoriesController } from './api/admin-categories.controller';
import { AdminProductsController, AdminSkusController } from './api/admin-products.controller';
import { AdminSuppliersController } from './api/admin-suppliers.controller';
import { CatalogService } from './catalog.service';
import { CategoriesService } from './categories.service';
import { BundleComponentEntity } from './persistence/bundle-component.entity';
import { CategoryEntity } from './persistence/category.entity';
import { ProductImageEntity } from './persistence/product-image.entity';
import { ProductEntity } from './persistence/product.entity';
import { SkuEntity } from './persistence/sku.entity';
import { SupplierEntity } from './persistence/supplier.entity';
import { ProductInputCheck } from './product-input-check';
import { ProductDetails } from './product-details';
import { ProductWriter } from './product-writer';
import { ProductsService } from './products.service';
import { SuppliersService } from './suppliers.service';

/** Categories, suppliers, products with their SKU matrix and images, bundles. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ProductEntity,
      SkuEntity,
      ProductImageEntity,
      BundleComponentEntity,
      CategoryEntity,
      SupplierEntity,
    ]),
    AuditModule,
    InventoryModule,
  ],
  controllers: [
    AdminCategoriesController,
    AdminSuppliersController,
    AdminProductsController,
    AdminSkusController,
  ],
  providers: [
    CatalogService,
    CategoriesService,
    SuppliersService,
    ProductsService,
    ProductDetails,
    ProductWriter,
    ProductInputCheck,
  ],
  exports: [CatalogService, CategoriesService, SuppliersService],
})
export class CatalogModule {}
