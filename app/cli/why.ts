/** `nimbus-sim why <scenario> --call ID` or `--user ID --service ID`: explain one outcome and what would flip it. */
import { loadTenantOrScenario } from '../../sim/support/loadTenant.js';
import { explainCall, explainPair, formatExplanation } from '../../sim/support/why.js';
import { loadOneForCommand } from './load.js';
import type { ParsedArgs } from './args.js';

const USAGE = 'usage: nimbus-sim why <scenario.yaml> --call <id>\n       nimbus-sim why <scenario.yaml | _tenant.yaml> --user <id> --service <id>\n';

export async function whyCommand(args: ParsedArgs): Promise<number> {
  const [file, ...extra] = args.positionals;
  const { call, user, service } = args.values;
  const byCall = typeof call === 'string';
  const byPair = typeof user === 'string' && typeof service === 'string';
  if (!file || extra.length > 0 || byCall === byPair) {
    process.stderr.write(USAGE);
    return 2;
  }
  const scenario = loadOneForCommand(file, loadTenantOrScenario);
  if (scenario === 2) return 2;
  try {
    // The file as the user named it: a fragment is loaded through a wrapper file that does not exist.
    const explanation = byCall ? await explainCall(scenario, call, file) : await explainPair(scenario, String(user), String(service), file);
    process.stdout.write(args.values.json === true ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation));
    return 0;
  } catch (err) {
    if (err instanceof Error && /^no (call|user|service) "/.test(err.message)) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
