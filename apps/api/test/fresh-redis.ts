import Redis from 'ioredis';

/**
 * Each suite starts from an empty Redis. Suites sign in the same demo people, and what one leaves
 * behind is real state for the next: an instance SIGKILLed by `cluster` keeps its users online
 * until their presence expires (PRESENCE_TTL, 60 s), and `instances` then waited in vain for
 * alice to go offline when it ran next.
 */
beforeAll(async () => {
  const redis = new Redis(process.env.REDIS_URL!);
  await redis.flushdb();
  redis.disconnect();
});
