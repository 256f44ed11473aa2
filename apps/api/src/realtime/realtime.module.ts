import { Global, Module } from '@nestjs/common';
import { PresenceFanout } from './presence-fanout';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';

@Global()
@Module({
  providers: [RealtimeService, PresenceFanout, RealtimeGateway],
  exports: [RealtimeService, PresenceFanout],
})
export class RealtimeModule {}
