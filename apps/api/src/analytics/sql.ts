/** A SQL text with its positional parameters, built piece by piece: values never enter the text. */
export class Sql {
  readonly params: unknown[] = [];

  /** `$n` for a value. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}
