export { FulfillmentModule } from './fulfillment.module';
export { WavesService } from './waves.service';
