/** What a command receives from the command line, and what a command module exports. */
export type OptionKinds = Record<string, 'string' | 'boolean'>;

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

export interface CommandModule {
  command(args: ParsedArgs): number | Promise<number>;
}
