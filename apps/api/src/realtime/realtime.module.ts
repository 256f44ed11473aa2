import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConnectionGateway } from './connection.gateway';
import { PresenceFanoutService } from './presence-fanout.service';
import { RealtimeService } from './realtime.service';
import { RoomMembershipService } from './room-membership.service';
import { SocketEventLimitsService } from './socket-event-limits.service';
import { SocketSlotsService } from './socket-slots.service';

/**
 * The realtime kernel (API process only): sockets' lives, pushes, rooms. Imports no feature;
 * features plug in with `@SocketAuthenticatorProvider()` / `@SocketHooksProvider()`
 * (socket-plugins.ts) and push through RealtimeService, join rooms through RoomMembershipService.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    ConnectionGateway,
    RealtimeService,
    RoomMembershipService,
    PresenceFanoutService,
    SocketSlotsService,
    SocketEventLimitsService,
  ],
  exports: [RealtimeService, RoomMembershipService, PresenceFanoutService],
})
export class RealtimeModule {}
