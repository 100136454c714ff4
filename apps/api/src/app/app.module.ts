import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsModule } from '../analytics/analytics.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { appConfig } from '../config/app.config';
import { authConfig } from '../config/auth.config';
import { databaseConfig } from '../config/database.config';
import { validateEnvironment } from '../config/environment';
import { typeOrmOptions } from '../database/typeorm-options';
import { DemoModule } from '../demo/demo.module';
import { HeadcountModule } from '../headcount/headcount.module';
import { HealthController } from '../health/health.controller';
import { ImportsModule } from '../imports/imports.module';
import { MovesModule } from '../moves/moves.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PeopleModule } from '../people/people.module';
import { SourcesModule } from '../sources/sources.module';
import { UsersModule } from '../users/users.module';

@Module({})
export class AppModule {
  /** `databaseUrl` is resolved before the app starts: DATABASE_URL's server, or the embedded one. */
  static forRoot(options: { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, load: [appConfig, authConfig], validate: validateEnvironment }),
        TypeOrmModule.forRoot(typeOrmOptions(options.databaseUrl, databaseConfig().limits)),
        AuditModule,
        AuthModule,
        UsersModule,
        OrganizationsModule,
        PeopleModule,
        SourcesModule,
        MovesModule,
        HeadcountModule,
        AnalyticsModule,
        ImportsModule,
        DemoModule,
      ],
      controllers: [HealthController],
    };
  }
}
