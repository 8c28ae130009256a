/**
 * The question the calls handlers ask before a PSTN leg is dialled from an application instance: do this
 * resource account's licenses allow it? The mock does not own the answer, and has no copy of it: whoever
 * builds the mock injects the decision (a run and `nimbus-sim serve` pass the project's rules,
 * sim/engine/graphSeed.ts `rulesPstnPolicy`; a test may pass a stub).
 */
import type { PstnConnectivity } from '../../src/domain/enums.js';

export type PstnPurpose = 'outbound' | 'transfer';

export interface PstnVerdict {
  allowed: boolean;
  /** Rule ids that decided the verdict; a refusal reports them in Graph's error details. */
  because: string[];
  /** One readable sentence; for a refusal it names what is missing. */
  message: string;
}

/**
 * @param appInstanceLicenses display names of the licenses on the application instance being checked: the
 *   caller's own for `outbound`, the FIRST answering service's for `transfer` (XFER-02).
 * @param connectivity how that service's number reaches the PSTN; undefined when it has no number.
 * @param appInstanceName the application instance's display name, so a refusal names the right service.
 */
export type PstnPolicy = (
  appInstanceLicenses: readonly string[],
  connectivity: PstnConnectivity | undefined,
  purpose: PstnPurpose,
  appInstanceName?: string,
) => PstnVerdict;
