/**
 * The Graph fault rate every report header shows: how many of the modelled Nimbus's Graph requests the mock
 * answered with an injected fault (429/5xx/network, from `graphFault` steps or the scenario's `faults:`).
 */
import type { ScenarioResult, SuiteResult } from '../result.js';

export interface FaultRate {
  faulted: number;
  requests: number;
  /** 0..100, one decimal. */
  percent: number;
}

export function faultRate(results: readonly Pick<ScenarioResult, 'graph'>[]): FaultRate {
  const faulted = results.reduce((n, r) => n + r.graph.faultsInjected, 0);
  const requests = results.reduce((n, r) => n + r.graph.requests, 0);
  return { faulted, requests, percent: requests === 0 ? 0 : Math.round((1000 * faulted) / requests) / 10 };
}

/** `Graph faults 5/13 requests (38.5%)` */
export function faultRateText(rate: FaultRate): string {
  return `Graph faults ${rate.faulted}/${rate.requests} requests (${rate.percent}%)`;
}

export const suiteFaultRate = (suite: SuiteResult): FaultRate => faultRate(suite.scenarios);
