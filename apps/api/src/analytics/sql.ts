/** A SQL text with its positional parameters, built piece by piece: values never enter the text. */
export class Sql {
  readonly params: (string | number)[] = [];

  /** `$n` for a value. */
  param(value: string | number): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** `$n, $n+1, …` for a list of values, as in `x IN (…)`. */
  list(values: readonly (string | number)[]): string {
    return values.map((value) => this.param(value)).join(', ');
  }
}
