import { Module } from '@nestjs/common';
import { PeopleModule } from './people.module';
import { PresenceGateway } from './presence.gateway';
import { PresenceSocketHooks } from './presence-socket.hooks';

/**
 * `presence:subscribe`: a socket follows the people it shows (PresenceFanoutService delivers their
 * changes). API process only: the worker has no sockets and no fan-out.
 */
@Module({
  imports: [PeopleModule],
  providers: [PresenceGateway, PresenceSocketHooks],
})
export class PresenceGatewayModule {}
