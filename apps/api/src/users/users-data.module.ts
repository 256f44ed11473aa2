import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasherService } from './password-hasher.service';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * The users table and passwords: data only, no route. Its own folder because auth (sign-in) and
 * people (profiles, presence, deactivation) both need it, and people needs auth: kept in people/, it
 * made the folders auth and people import each other.
 */
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [UsersRepository, PasswordHasherService],
  exports: [UsersRepository, PasswordHasherService],
})
export class UsersDataModule {}
