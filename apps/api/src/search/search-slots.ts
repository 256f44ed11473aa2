import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { TooManyRequestsException } from '../auth/too-many-requests';
import { APP_CONFIG, type AppConfig } from '../config/config';

/** A refused search may be tried again as soon as one running ends: at most its timeout away. */
const RETRY_AFTER_SECONDS = 1;

/**
 * How many searches this instance runs at once: in all, per tenant and per user. Each search holds
 * one of the pool's connections for up to its statement timeout, so a storm of them took every
 * connection and every tenant's sign-ins and lists answered 503. Counted in this instance (not in
 * Redis): what must be protected is this instance's own pool, and a crashed instance leaves no
 * count behind. A search over a limit is refused at once with 429, never queued.
 */
@Injectable()
export class SearchSlots {
  private running = 0;
  private readonly byTenant = new Map<string, number>();
  private readonly byUser = new Map<string, number>();
  private readonly limits: AppConfig['search'];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = config.search;
  }

  /** Takes a slot for `caller`'s search, or throws 429; the returned function gives it back once. */
  take(caller: AuthenticatedUser): () => void {
    const { concurrency, perTenant, perUser } = this.limits;
    if (
      this.running >= concurrency ||
      (this.byTenant.get(caller.tenantId) ?? 0) >= perTenant ||
      (this.byUser.get(caller.id) ?? 0) >= perUser
    ) {
      throw new TooManyRequestsException(
        `Too many searches at once; try again in ${RETRY_AFTER_SECONDS} s`,
        RETRY_AFTER_SECONDS,
      );
    }
    this.running++;
    add(this.byTenant, caller.tenantId, 1);
    add(this.byUser, caller.id, 1);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.running--;
      add(this.byTenant, caller.tenantId, -1);
      add(this.byUser, caller.id, -1);
    };
  }
}

/** Counts that fall to zero are forgotten: the maps hold only who is searching now. */
function add(counts: Map<string, number>, key: string, delta: number) {
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}
