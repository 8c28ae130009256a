/** Picking scenarios (or their results) by text, as `run --filter` and the run view's `/` filter do. */

/** Whether the scenario's name, file or one of its tags contains `needle` (already lower case), ignoring case. */
export function mentions(scenario: { name: string; file: string; tags: readonly string[] }, needle: string): boolean {
  return [scenario.name, scenario.file, ...scenario.tags].some((t) => t.toLowerCase().includes(needle));
}
