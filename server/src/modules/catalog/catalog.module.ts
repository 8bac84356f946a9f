import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CatalogService } from './catalog.service';
import { ProductEntity } from './persistence/product.entity';
import { SkuEntity } from './persistence/sku.entity';

/** Products and SKUs. Admin screens, spec matrix, bundles and suppliers come with issue 4. */
@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity, SkuEntity]), AuditModule],
  providers: [CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
