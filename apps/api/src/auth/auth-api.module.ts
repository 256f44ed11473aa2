import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantsModule } from '../tenants/tenants.module';
import { UsersDataModule } from '../users/users-data.module';
import { AuthController } from './auth.controller';
import { AdminGuard } from './admin.guard';
import { JwtAuthGuard } from './jwt-auth.guard';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginRateLimiterService } from './login-rate-limiter.service';
import { AuthDataModule } from './auth-data.module';
import { RequestThrottleGuard } from './request-throttle.guard';
import { SessionRevocationsService } from './session-revocations.service';
import { SocketAuthenticatorService } from './socket-authenticator.service';
import { signingKey } from './signing-key';
import { RetryAfterInterceptor } from '../common/retry-after.interceptor';

@Module({
  imports: [
    UsersDataModule,
    TenantsModule,
    AuthDataModule,
    PassportModule,
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { ttl: config.requestLimit.windowSeconds * 1000, limit: config.requestLimit.points },
        ],
      }),
    }),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: signingKey(config),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    JwtStrategy,
    LoginRateLimiterService,
    SessionRevocationsService,
    SocketAuthenticatorService,
    // Order matters: authenticate first, then check the role, then count the request per user.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: AdminGuard },
    { provide: APP_GUARD, useClass: RequestThrottleGuard },
    { provide: APP_INTERCEPTOR, useClass: RetryAfterInterceptor },
  ],
  exports: [JwtModule, SessionRevocationsService],
})
export class AuthApiModule {}
