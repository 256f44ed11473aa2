import { Module } from '@nestjs/common';
import { UsersDataModule } from '../users/users-data.module';
import { LastSeenWriterService } from './last-seen-writer.service';
import { PresenceService } from './presence.service';

/**
 * People's data, for the API and the worker alike: the users table (UsersDataModule, re-exported:
 * the features that show people read it through here) and presence in Redis (who is connected
 * decides who gets a message notification). No route, no socket: those are PeopleApiModule's.
 */
@Module({
  imports: [UsersDataModule],
  providers: [PresenceService, LastSeenWriterService],
  exports: [UsersDataModule, PresenceService],
})
export class PeopleDataModule {}
