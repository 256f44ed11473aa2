import { PRESENCE_LIMITS, type PresenceSubscription } from '@mindsp/contracts';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { CanonicalUuid } from '../../common/canonical-uuid.pipe';

export class PresenceSubscriptionDto implements PresenceSubscription {
  @IsArray()
  @ArrayMaxSize(PRESENCE_LIMITS.subscriptionMax)
  @CanonicalUuid({ each: true })
  userIds!: string[];
}
