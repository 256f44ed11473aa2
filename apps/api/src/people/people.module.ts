import { Module } from '@nestjs/common';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { LastSeenWriterService } from './last-seen-writer.service';
import { PresenceService } from './presence.service';
import { UsersModule } from '../users/users.module';

/**
 * The people of a tenant: their accounts (the users table, passwords) and their presence (Redis).
 * Sockets come and go through realtime's ConnectionGateway, which reports them to PresenceService.
 * The worker imports this module too (who is connected decides who gets a message notification),
 * so the socket side of presence is PresenceGatewayModule's, in the API alone.
 */
@Module({
  imports: [UsersModule],
  controllers: [PeopleController],
  providers: [PeopleService, PresenceService, LastSeenWriterService],
  // UsersModule re-exported: the features that show people read the users table through it.
  exports: [UsersModule, PresenceService],
})
export class PeopleModule {}
