/**
 * The subset of Gnocchi's aggregation operations language (gnocchi/rest/aggregates) the sandbox evaluates:
 * `(metric <name> <aggregation>)`, `max`/`min` across series, arithmetic with constants (`+ - * /`),
 * `clip_min`/`clip_max`, `abs`, `rateofchange`/`rateofchangesec`. Series operations align on timestamps and
 * keep only those present in every series (Gnocchi's default needed_overlap of 100 % without `fill`).
 */
export type Expression = string | number | Expression[];

export class ExpressionError extends Error {}

function tokenize(text: string): string[] {
  return text.replace(/\(/g, " ( ").replace(/\)/g, " ) ").trim().split(/\s+/).filter(Boolean);
}

/**
 * Parses one s-expression. Like Gnocchi's own parser, text after the first complete expression is ignored only when
 * it is stray closing parentheses (Selectel's panel sends the CPU query with one too many).
 */
export function parseExpression(text: string): Expression {
  const tokens = tokenize(text);
  let position = 0;
  const read = (): Expression => {
    const token = tokens[position++];
    if (token === undefined) throw new ExpressionError("Unexpected end of the operations");
    if (token === ")") throw new ExpressionError("Unexpected ')' in the operations");
    if (token !== "(") {
      const number = Number(token);
      return Number.isFinite(number) && /^[-+]?\d/.test(token) ? number : token;
    }
    const list: Expression[] = [];
    while (tokens[position] !== ")") {
      if (position >= tokens.length) throw new ExpressionError("Missing ')' in the operations");
      list.push(read());
    }
    position++;
    return list;
  };
  const expression = read();
  if (tokens.slice(position).some((token) => token !== ")")) throw new ExpressionError(`Unexpected '${tokens[position]}' after the operations`);
  return expression;
}

export type Series = [number, number][];
export type Value = { kind: "series"; series: Series } | { kind: "constant"; value: number };

/** The series a `(metric name aggregation)` node refers to, for the one resource the search matched. */
export type MetricLookup = (name: string, aggregation: string) => Series;

export function isMetricNode(expression: Expression): expression is [string, string, string] {
  return Array.isArray(expression) && expression[0] === "metric" && expression.length === 3 && typeof expression[1] === "string" && typeof expression[2] === "string";
}

/** Metric names an expression refers to, in order of appearance. */
export function metricNames(expression: Expression): { name: string; aggregation: string }[] {
  if (!Array.isArray(expression)) return [];
  if (isMetricNode(expression)) return [{ name: expression[1], aggregation: expression[2] }];
  return expression.flatMap(metricNames);
}

function aligned(values: Value[]): { timestamps: number[]; at: (value: Value, time: number) => number } {
  const series = values.filter((value): value is Extract<Value, { kind: "series" }> => value.kind === "series");
  if (series.length === 0) throw new ExpressionError("An operation needs at least one metric");
  const maps = new Map(series.map((value) => [value, new Map(value.series)]));
  const timestamps = series[0]!.series.map(([time]) => time).filter((time) => [...maps.values()].every((map) => map.has(time)));
  return { timestamps, at: (value, time) => (value.kind === "constant" ? value.value : maps.get(value as Extract<Value, { kind: "series" }>)!.get(time)!) };
}

function elementwise(values: Value[], combine: (numbers: number[]) => number): Value {
  if (values.every((value) => value.kind === "constant")) return { kind: "constant", value: combine(values.map((value) => (value as { value: number }).value)) };
  const { timestamps, at } = aligned(values);
  return { kind: "series", series: timestamps.map((time) => [time, combine(values.map((value) => at(value, time)))]) };
}

function rate(value: Value, perSecond: boolean): Value {
  if (value.kind !== "series") throw new ExpressionError("rateofchange needs a metric");
  const series: Series = [];
  for (let index = 1; index < value.series.length; index++) {
    const [time, current] = value.series[index]!;
    const [previousTime, previous] = value.series[index - 1]!;
    series.push([time, perSecond ? (current - previous) / ((time - previousTime) / 1000) : current - previous]);
  }
  return { kind: "series", series };
}

const ARITHMETIC: Record<string, (numbers: number[]) => number> = {
  "+": (numbers) => numbers.reduce((sum, number) => sum + number, 0),
  "*": (numbers) => numbers.reduce((product, number) => product * number, 1),
  "-": ([first, ...rest]) => (rest.length ? rest.reduce((difference, number) => difference - number, first!) : -first!),
  "/": ([first, ...rest]) => rest.reduce((quotient, number) => quotient / number, first!),
  max: (numbers) => Math.max(...numbers),
  min: (numbers) => Math.min(...numbers),
};

export function evaluate(expression: Expression, lookup: MetricLookup): Value {
  if (typeof expression === "number") return { kind: "constant", value: expression };
  if (typeof expression === "string") throw new ExpressionError(`Unexpected '${expression}' in the operations`);
  if (isMetricNode(expression)) return { kind: "series", series: lookup(expression[1], expression[2]) };
  const [operator, ...operands] = expression;
  if (typeof operator !== "string") throw new ExpressionError("An operation must start with its name");
  const values = () => operands.map((operand) => evaluate(operand, lookup));
  const combine = ARITHMETIC[operator];
  if (combine) {
    if (operands.length === 0) throw new ExpressionError(`'${operator}' needs operands`);
    return elementwise(values(), combine);
  }
  switch (operator) {
    case "clip_min":
    case "clip_max": {
      const [series, bound] = values();
      if (series?.kind !== "series" || bound?.kind !== "constant") throw new ExpressionError(`'${operator}' takes a metric and a number`);
      return elementwise([series], ([value]) => (operator === "clip_min" ? Math.max(value!, bound.value) : Math.min(value!, bound.value)));
    }
    case "abs":
      return elementwise(values(), ([value]) => Math.abs(value!));
    case "rateofchange":
    case "rateofchangesec": {
      const [series] = values();
      if (!series || operands.length !== 1) throw new ExpressionError(`'${operator}' takes one metric`);
      return rate(series, operator === "rateofchangesec");
    }
    default:
      throw new ExpressionError(`Operation '${operator}' is not supported`);
  }
}
