/** A SQL text with its positional parameters, built piece by piece: values never enter the text. */
export class Sql {
  readonly params: (string | number)[] = [];

  /** `$n` for a value; with a `type`, `$n::type`, as a column of that type is compared with. */
  param(value: string | number, type?: string): string {
    this.params.push(value);
    return type ? `$${this.params.length}::${type}` : `$${this.params.length}`;
  }

  /** `$n, $n+1, …` for a list of values, as in `x IN (…)`. */
  list(values: readonly (string | number)[], type?: string): string {
    return values.map((value) => this.param(value, type)).join(', ');
  }
}
