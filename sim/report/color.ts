/**
 * A tiny ANSI colour helper for terminal output. Colour is opt-in (`color: true`) and `NO_COLOR`
 * (https://no-color.org: present and not empty) always wins, so CI logs and tests stay plain.
 */
export interface ColorOptions {
  /** Ask for ANSI colours. Default false. */
  color?: boolean;
  /** Environment to read `NO_COLOR` from. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface Palette {
  readonly enabled: boolean;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** True when colour was asked for and `NO_COLOR` is not set to a non-empty value. */
export function colorEnabled(options: ColorOptions = {}): boolean {
  const env = options.env ?? process.env;
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return options.color === true;
}

const wrap =
  (enabled: boolean, open: number, close: number) =>
  (text: string): string =>
    enabled && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text;

function palette(enabled: boolean): Palette {
  return {
    enabled,
    green: wrap(enabled, 32, 39),
    red: wrap(enabled, 31, 39),
    yellow: wrap(enabled, 33, 39),
    cyan: wrap(enabled, 36, 39),
    dim: wrap(enabled, 2, 22),
    bold: wrap(enabled, 1, 22),
  };
}

export const paletteFor = (options: ColorOptions = {}): Palette => palette(colorEnabled(options));
