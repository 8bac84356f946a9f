import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { AdminInventoryController } from './api/admin-inventory.controller';
import { InventoryAdminService } from './inventory-admin.service';
import { InventoryReadModel } from './inventory-read.model';
import { InventoryService } from './inventory.service';
import { SkuStockEntity } from './persistence/sku-stock.entity';
import { StockMovementEntity } from './persistence/stock-movement.entity';
import { StockLedger } from './stock-ledger';

/** Stock and reserved quantities of SKUs, changed only through the append-only movement ledger. */
@Module({
  imports: [TypeOrmModule.forFeature([SkuStockEntity, StockMovementEntity]), AuditModule],
  controllers: [AdminInventoryController],
  providers: [InventoryService, InventoryAdminService, InventoryReadModel, StockLedger],
  exports: [InventoryService],
})
export class InventoryModule {}
