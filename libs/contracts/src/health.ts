export type ServiceState = 'up' | 'down';

export interface HealthStatus {
  status: 'ok' | 'error';
  database: ServiceState;
  redis: ServiceState;
}
