import { Global, Module } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source';
import { discardHungConnections } from './hung-connections';
import { TenantDatabase } from './tenant-database';

/**
 * The app's connection pool. It runs as the app role (row-level security: see TenantDatabase),
 * and each feature module registers its own entities (`TypeOrmModule.forFeature`).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const { entities: _everyEntityFile, ...options } = dataSourceOptions(config.databaseUrl, {
          asApp: true,
          timeouts: config.databaseTimeouts,
          transactionPooling: config.databaseTransactionPooling,
        });
        return {
          ...options,
          autoLoadEntities: true,
          // preflight() already waited for the database: one try here, so a lost database fails fast.
          retryAttempts: 1,
        };
      },
    }),
  ],
  providers: [TenantDatabase],
  exports: [TenantDatabase],
})
export class DatabaseModule {
  constructor(@InjectDataSource() dataSource: DataSource) {
    discardHungConnections(dataSource);
  }
}
