export type ServiceState = 'up' | 'down';

export interface HealthStatus {
  status: 'ok' | 'error';
  database: ServiceState;
  redis: ServiceState;
  /** Redis's `maxmemory-policy`; null when Redis is down or forbids CONFIG GET. */
  redisEvictionPolicy: string | null;
  /** What works now but may lose data later (e.g. an eviction policy that can drop queue jobs). */
  warnings: string[];
}
