// Parameterised SQL as data (no driver, no framework): the `sql` tag keeps the text and the values
// apart, so a value never becomes part of the text. Fragments nest (a CTE built by one module,
// used in another's statement) and are flattened with their values in order.

/**
 * What a statement may be given. No objects and no Dates, on purpose: pg and Prisma serialise them
 * differently (pg sends a Date in the process's local time), so JSON goes as a string cast
 * `::jsonb`, and times as an ISO string cast `::timestamptz AT TIME ZONE 'UTC'`.
 */
export type TSqlValue = string | number | boolean | null | readonly (string | number | boolean | null)[];

export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly TSqlValue[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: (TSqlValue | Sql)[]): Sql {
  const outStrings: string[] = [strings[0] ?? ""];
  const outValues: TSqlValue[] = [];
  values.forEach((value, i) => {
    const next = strings[i + 1] ?? "";
    if (value instanceof Sql) {
      // Glue the fragment's first and last text to the text around it.
      outStrings[outStrings.length - 1] += value.strings[0] ?? "";
      for (let k = 0; k < value.values.length; k++) {
        outValues.push(value.values[k] as TSqlValue);
        outStrings.push(value.strings[k + 1] ?? "");
      }
      outStrings[outStrings.length - 1] += next;
    } else {
      outValues.push(value);
      outStrings.push(next);
    }
  });
  return new Sql(outStrings, outValues);
}

/** pg's form: $1, $2… in the text, the values beside it. */
export function toPgQuery(q: Sql): { text: string; values: TSqlValue[] } {
  let text = q.strings[0] ?? "";
  for (let i = 0; i < q.values.length; i++) text += `$${i + 1}${q.strings[i + 1] ?? ""}`;
  return { text, values: [...q.values] };
}
