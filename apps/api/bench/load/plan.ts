/** How big and how long each scenario is. The figures are the default run's. */
export interface Plan {
  mode: 'quick' | 'default';
  /** Admission and memory: this many sockets of one tenant at once; fan-out's group size too. */
  admission: number;
  admissionWindowMs: number;
  latencyClients: number;
  latencyRate: number;
  latencySeconds: number;
  warmupSeconds: number;
  throughputClients: number;
  /** Open-loop rates tried in turn until one misses; then one step between pass and miss. */
  ladderStart: number;
  ladderFactor: number;
  ladderMax: number;
  stepSeconds: number;
  fanoutRate: number;
  fanoutSeconds: number;
  stormClients: number;
  stormRate: number;
  /** Seconds of traffic before the API is restarted. */
  stormLeadSeconds: number;
  stormWindowMs: number;
  jobs: number;
  groupSize: number;
  /** After connecting and before traffic: the connection work (rooms, presence) is not traffic. */
  settleMs: number;
  /**
   * The product's MESSAGE_NOTIFY_DELAY: between scenarios the bench waits two of its windows for
   * the notification jobs a scenario caused. The default run keeps the product's default.
   */
  notifyDelaySeconds: number;
}

export const PLANS: Record<Plan['mode'], Plan> = {
  default: {
    mode: 'default',
    admission: 5000,
    admissionWindowMs: 10_000,
    latencyClients: 2000,
    latencyRate: 200,
    latencySeconds: 30,
    warmupSeconds: 3,
    throughputClients: 200,
    ladderStart: 100,
    ladderFactor: 1.5,
    ladderMax: 8000,
    stepSeconds: 8,
    fanoutRate: 2,
    fanoutSeconds: 30,
    stormClients: 2000,
    stormRate: 50,
    stormLeadSeconds: 5,
    stormWindowMs: 10_000,
    jobs: 10_000,
    groupSize: 10,
    settleMs: 5000,
    notifyDelaySeconds: 10,
  },
  // Under two minutes: fewer sockets (the report's rows say how many) and shorter steps.
  quick: {
    mode: 'quick',
    admission: 1000,
    admissionWindowMs: 10_000,
    latencyClients: 500,
    latencyRate: 200,
    latencySeconds: 4,
    warmupSeconds: 1,
    throughputClients: 200,
    ladderStart: 100,
    ladderFactor: 2,
    ladderMax: 6400,
    stepSeconds: 2,
    fanoutRate: 2,
    fanoutSeconds: 3,
    stormClients: 500,
    stormRate: 50,
    stormLeadSeconds: 1,
    stormWindowMs: 10_000,
    jobs: 1000,
    groupSize: 10,
    settleMs: 2000,
    notifyDelaySeconds: 2,
  },
};

/** The rates the ladder tries, lowest first. */
export function ladder(plan: Pick<Plan, 'ladderStart' | 'ladderFactor' | 'ladderMax'>): number[] {
  const rates: number[] = [];
  for (let r = plan.ladderStart; r <= plan.ladderMax; r = Math.round(r * plan.ladderFactor))
    rates.push(r);
  return rates;
}

/** A throughput step passes when it is sustained: p99 under the bound, nothing lost or refused. */
export function sustained(step: {
  p99: number | null;
  lost: number;
  failed: number;
  p99BoundMs: number;
}): boolean {
  return step.p99 !== null && step.p99 < step.p99BoundMs && step.lost === 0 && step.failed === 0;
}
