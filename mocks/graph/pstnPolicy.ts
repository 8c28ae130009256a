/**
 * The question the calls handlers ask before a PSTN leg is dialled from an application instance: do this
 * resource account's licenses allow it? The mock does not own the answer: the engine injects the project's
 * rules function, and this default is only a faithful stand-in (LIC-01..04, XFER-02, XFER-03) for running
 * the mock on its own. test/mocks/graph/pstnPolicy.test.ts checks it against src/rules/pstn.ts so they cannot drift.
 */
import type { PstnConnectivity } from '../../src/domain/enums.js';
import { CALLING_PLANS, findMicrosoftLicense } from '../../src/domain/licenses.js';

export type PstnPurpose = 'outbound' | 'transfer';

export interface PstnVerdict {
  allowed: boolean;
  /** Rule ids that decided the verdict. */
  because: string[];
  /** One readable sentence; for a refusal it names what is missing. */
  message: string;
}

/**
 * @param appInstanceLicenses display names of the licenses on the application instance being checked: the
 *   caller's own for `outbound`, the FIRST answering service's for `transfer` (XFER-02).
 * @param connectivity how that service's number reaches the PSTN; undefined when it has no number.
 */
export type PstnPolicy = (
  appInstanceLicenses: readonly string[],
  connectivity: PstnConnectivity | undefined,
  purpose: PstnPurpose,
) => PstnVerdict;

/** Rule ids as the mock reports them; the catalogue itself belongs to the model's rules. */
type RuleId = string;

const RESOURCE_ACCOUNT_LICENSE = 'Microsoft Teams Phone Resource Account';

export const defaultPstnPolicy: PstnPolicy = (appInstanceLicenses, connectivity, purpose) => {
  const names = appInstanceLicenses.map((l) => findMicrosoftLicense(l)?.displayName ?? l);
  const subject = purpose === 'transfer' ? 'the first service that answered the call' : 'the calling service';
  const refuse = (because: RuleId[], message: string): PstnVerdict => ({
    allowed: false,
    because: purpose === 'transfer' ? [...because, 'XFER-02', 'XFER-03'] : because,
    message,
  });

  if (connectivity === undefined) {
    return refuse(['LIC-01'], `${subject} has no PSTN number on its resource account`);
  }
  const connectivityRule: RuleId = connectivity === 'Calling Plan' ? 'LIC-04' : 'LIC-03';
  if (!names.includes(RESOURCE_ACCOUNT_LICENSE)) {
    return refuse(['LIC-02', connectivityRule], `the resource account of ${subject} lacks the license "${RESOURCE_ACCOUNT_LICENSE}" required for ${connectivity}`);
  }
  // A PSTN transfer dials a new PSTN leg from the first service (XFER-02), so it is outbound PSTN calling
  // and needs the calling plan just like a direct outbound call (LIC-04).
  if (connectivity === 'Calling Plan' && !names.some((n) => CALLING_PLANS.includes(n as (typeof CALLING_PLANS)[number]))) {
    return refuse(['LIC-02', 'LIC-04'], `the resource account of ${subject} lacks a calling plan (one of: ${CALLING_PLANS.join(', ')})`);
  }
  const because: RuleId[] = purpose === 'transfer' ? ['XFER-02', 'LIC-02', connectivityRule] : ['LIC-02', connectivityRule];
  return { allowed: true, because, message: `${subject} holds the PSTN licenses for ${connectivity}` };
};
