import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { BUSINESS_MODULES } from './modules';
import type { AppConfig } from './platform/config/app-config';
import { PlatformModule } from './platform/platform.module';

/** Root module: the platform plus every business context. Tests may add test-only modules. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extraModules: Array<Type<unknown> | DynamicModule> = []): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config), ...BUSINESS_MODULES, ...extraModules],
    };
  }
}
