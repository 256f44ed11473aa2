import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConnectionGateway } from './connection.gateway';
import { PresenceFanout } from './presence-fanout';
import { RealtimeService } from './realtime.service';
import { RoomMembership } from './room-membership.service';
import { SocketEventLimits } from './socket-event-limits';
import { SocketSlots } from './socket-slots';

/**
 * The realtime kernel (API process only): sockets' lives, pushes, rooms. Imports no feature;
 * features plug in with `@SocketAuthenticatorProvider()` / `@SocketHooksProvider()`
 * (socket-plugins.ts) and push through RealtimeService, join rooms through RoomMembership.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    ConnectionGateway,
    RealtimeService,
    RoomMembership,
    PresenceFanout,
    SocketSlots,
    SocketEventLimits,
  ],
  exports: [RealtimeService, RoomMembership, PresenceFanout],
})
export class RealtimeModule {}
