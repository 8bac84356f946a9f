import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { ensureMysqlDatabase } from './ensure-mysql-database';
import { runMigrations } from './run-migrations';
import { TransactionRunner } from './transaction';
import { assertUtcSession } from './utc-session';

/**
 * Opens the database, creating the MySQL schema when missing and migrating before any other
 * provider can touch a table (so start-up hooks like the outbox relay see the final schema).
 */
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    const logger = new Logger('Database');
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config.database), autoLoadEntities: true }),
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('missing data source options');
            if (config.database.type === 'mysql') await ensureMysqlDatabase(config.database.url);
            const dataSource = await new DataSource(options).initialize();
            if (config.database.type === 'mysql') {
              try {
                await assertUtcSession(dataSource);
              } catch (error) {
                await dataSource.destroy();
                throw error;
              }
            }
            if (config.runMigrations) {
              const applied = await runMigrations(dataSource);
              if (applied.length > 0) logger.log(`migrations applied: ${applied.join(', ')}`);
            }
            return dataSource;
          },
        }),
      ],
      providers: [TransactionRunner],
      exports: [TransactionRunner],
    };
  }
}
