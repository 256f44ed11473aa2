import type { AuthenticatedUser } from '../common/authenticated-user';
import { TooManyRequestsException } from '../common/too-many-requests';
import type { AppConfig } from '../config/config';
import { SearchSlots } from './search-slots';

const person = (id: string, tenantId: string) => ({ id, tenantId }) as AuthenticatedUser;

describe('SearchSlots', () => {
  const slots = () =>
    new SearchSlots({
      search: { timeoutSeconds: 2, perUser: 2, perTenant: 3, concurrency: 4 },
    } as AppConfig);

  it('refuses a user past their limit with 429 and Retry-After, until one of theirs ends', () => {
    const s = slots();
    const ann = person('ann', 't1');
    const first = s.take(ann);
    s.take(ann);
    expect(() => s.take(ann)).toThrow(TooManyRequestsException);
    try {
      s.take(ann);
    } catch (error) {
      expect((error as TooManyRequestsException).retryAfterSeconds).toBe(1);
    }
    first();
    first(); // given back once, however often called
    expect(() => s.take(ann)).not.toThrow();
    expect(() => s.take(ann)).toThrow(TooManyRequestsException);
  });

  it('holds a tenant to its share and the instance to its total, whoever asks', () => {
    const s = slots();
    s.take(person('a', 't1'));
    s.take(person('b', 't1'));
    s.take(person('c', 't1'));
    expect(() => s.take(person('d', 't1'))).toThrow(TooManyRequestsException);
    const other = s.take(person('e', 't2'));
    expect(() => s.take(person('f', 't3'))).toThrow(TooManyRequestsException);
    other();
    expect(() => s.take(person('f', 't3'))).not.toThrow();
  });
});
