import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { TooManyRequestsException } from '../common/too-many-requests';
import { InstanceSlots } from '../common/instance-slots';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** A refused search may be tried again as soon as one running ends: at most its timeout away. */
const RETRY_AFTER_SECONDS = 1;

/**
 * How many searches this instance runs at once: in all, per tenant and per user. Each search holds
 * one of the pool's connections for up to its statement timeout, so a storm of them took every
 * connection and every tenant's sign-ins and lists answered 503. Counted in this instance
 * (InstanceSlots): what must be protected is its own pool. A search over a limit is refused at once
 * with 429, never queued.
 */
@Injectable()
export class SearchSlots {
  private readonly slots: InstanceSlots;
  private readonly limits: AppConfig['search'];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = config.search;
    this.slots = new InstanceSlots(config.search.concurrency);
  }

  /** Takes a slot for `caller`'s search, or throws 429; the returned function gives it back once. */
  take(caller: AuthenticatedUser): () => void {
    const release = this.slots.take([
      [`tenant:${caller.tenantId}`, this.limits.perTenant],
      [`user:${caller.id}`, this.limits.perUser],
    ]);
    if (release) return release;
    throw new TooManyRequestsException(
      `Too many searches at once; try again in ${RETRY_AFTER_SECONDS} s`,
      RETRY_AFTER_SECONDS,
    );
  }
}
