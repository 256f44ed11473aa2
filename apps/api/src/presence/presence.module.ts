import { Module } from '@nestjs/common';
import { PresenceService } from './presence.service';

/** Presence state; sockets come and go through realtime/ConnectionGateway. */
@Module({ providers: [PresenceService], exports: [PresenceService] })
export class PresenceModule {}
