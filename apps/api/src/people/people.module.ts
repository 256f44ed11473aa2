import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from './password-hasher';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { LastSeenWriter } from './last-seen-writer';
import { PresenceService } from './presence.service';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * The people of a tenant: their accounts (the users table, passwords) and their presence (Redis).
 * Sockets come and go through realtime's ConnectionGateway, which reports them to PresenceService.
 * The worker imports this module too (who is connected decides who gets a message notification),
 * so the socket side of presence is PresenceGatewayModule's, in the API alone.
 */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  controllers: [PeopleController],
  providers: [PeopleService, UsersRepository, PasswordHasher, PresenceService, LastSeenWriter],
  exports: [UsersRepository, PasswordHasher, PresenceService],
})
export class PeopleModule {}
