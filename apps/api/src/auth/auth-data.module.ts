import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshToken } from './refresh-token.entity';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** The refresh tokens table: the API rotates them, the worker purges the expired ones. */
@Module({
  imports: [TypeOrmModule.forFeature([RefreshToken])],
  providers: [RefreshTokensRepository],
  exports: [RefreshTokensRepository],
})
export class AuthDataModule {}
