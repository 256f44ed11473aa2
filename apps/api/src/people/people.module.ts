import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from './password-hasher';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PresenceGateway } from './presence.gateway';
import { PresenceService } from './presence.service';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * The people of a tenant: their accounts (the users table, passwords) and their presence (Redis).
 * Sockets come and go through realtime's ConnectionGateway, which reports them to PresenceService;
 * PresenceGateway lets a socket follow the people it shows (PresenceFanout delivers the changes).
 */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  controllers: [PeopleController],
  providers: [PeopleService, UsersRepository, PasswordHasher, PresenceService, PresenceGateway],
  exports: [UsersRepository, PasswordHasher, PresenceService],
})
export class PeopleModule {}
