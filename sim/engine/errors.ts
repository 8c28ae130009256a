/**
 * A step that cannot run because the scenario asks for something impossible (answering a call that nobody
 * offered, a time in the past). It is the scenario author's mistake, not a refusal by the modelled product,
 * so the run ends as a harness error (the run exits 1, like a failure) that points at the step.
 */
export class StepError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'StepError';
  }
}
