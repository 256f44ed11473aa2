import { messageJobSchedule } from './notification-jobs';

describe('messageJobSchedule', () => {
  const message = (id: string) => ({ id, conversationId: 'c1' });
  const DELAY = 10_000;

  it('gives a mention its own job, at once', () => {
    expect(messageJobSchedule(message('m1'), true, DELAY, 123_456)).toEqual({
      jobId: 'message-m1',
    });
  });

  it('gives every message its own job, at once, when there is no delay', () => {
    expect(messageJobSchedule(message('m1'), false, 0, 123_456)).toEqual({ jobId: 'message-m1' });
  });

  it('shares one job among a conversation’s messages of one window, run a window after it', () => {
    const first = messageJobSchedule(message('m1'), false, DELAY, 120_000);
    const last = messageJobSchedule(message('m2'), false, DELAY, 129_999);
    expect(first).toEqual({ jobId: 'message-c1-w12', runAt: new Date(140_000) });
    expect(last).toEqual(first);
    expect(messageJobSchedule(message('m3'), false, DELAY, 130_000).jobId).toBe('message-c1-w13');
    expect(
      messageJobSchedule({ id: 'm4', conversationId: 'c2' }, false, DELAY, 120_000).jobId,
    ).toBe('message-c2-w12');
  });

  it('makes every message wait at least the delay and less than twice it', () => {
    for (let now = 1_000_000; now < 1_000_000 + 3 * DELAY; now += 777) {
      const waits = messageJobSchedule(message('m'), false, DELAY, now).runAt!.getTime() - now;
      expect(waits).toBeGreaterThan(DELAY);
      expect(waits).toBeLessThanOrEqual(2 * DELAY);
    }
  });
});
