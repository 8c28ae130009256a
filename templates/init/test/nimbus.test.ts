// The scenario suite as vitest tests: one test per scenario file, so vitest's workers, filters, --shard and
// reporters apply to scenarios like to any test. A failing scenario fails its test with expected vs actual
// and the rules that decided.
import { scenarioTests } from 'nimbus-sim/vitest';

scenarioTests(['scenarios']);
