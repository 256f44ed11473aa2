import { Module } from '@nestjs/common';
import { AuthApiModule } from '../auth/auth-api.module';
import { AuthDataModule } from '../auth/auth-data.module';
import { PeopleAdminController } from './people-admin.controller';
import { PeopleAdminService } from './people-admin.service';
import { PeopleDataModule } from './people-data.module';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PresenceSocketHooks } from './presence-socket.hooks';
import { PresenceGateway } from './presence.gateway';

/**
 * People in the API process: `GET/POST /api/users` and profiles, deactivation and reactivation
 * (which end sessions: auth's), `presence:subscribe`, and presence following sockets (its hooks
 * plug into the realtime kernel). The worker has no routes and no sockets: it imports
 * PeopleDataModule alone.
 */
@Module({
  imports: [PeopleDataModule, AuthApiModule, AuthDataModule],
  controllers: [PeopleController, PeopleAdminController],
  providers: [PeopleService, PeopleAdminService, PresenceGateway, PresenceSocketHooks],
})
export class PeopleApiModule {}
