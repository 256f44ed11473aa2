import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RefreshTokensModule } from '../auth/refresh-tokens.module';
import { PeopleAdminController } from './people-admin.controller';
import { PeopleAdminService } from './people-admin.service';
import { PeopleModule } from './people.module';

/**
 * Deactivation and reactivation (admins). Its own module: ending sessions needs auth's
 * SessionRevocationsService, and auth already depends on PeopleModule.
 */
@Module({
  imports: [PeopleModule, AuthModule, RefreshTokensModule],
  controllers: [PeopleAdminController],
  providers: [PeopleAdminService],
})
export class PeopleAdminModule {}
