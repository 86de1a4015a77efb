// ---- messages with plurals, selects and formats, rendered as the Go runtime does ----

/** A message: the locale whose plural rules choose its arms, and its nodes. */
interface Message {
  l: string;
  m: MessageNode[];
}

/** A node: literal text, or a placeholder; a choice's arms are [key, nodes] in source
 * order, the key as written ("=0", "one", "admin"). */
type MessageNode =
  | string
  | { t: "arg"; a: string }
  | { t: "#" }
  | { t: "number" | "date" | "time" | "duration"; a: string; s?: string }
  | { t: "plural" | "selectordinal" | "select"; a: string; o?: string; arms: [string, MessageNode[]][] };

/** One relation of a plural rule: [operand ("n", "i", "f", "t", "v" or "w"), modulus
 * (0 for none), 1 when negated ("!="), the inclusive ranges as bounds [lo, hi, lo,
 * hi…], category (-1 to join the next check)]. */
type PluralCheck = [string, number, number, number[], number];

/** Plural rules as lists of checks, tried in order: a check holds when its operand,
 * modulo its modulus, lies in one of its ranges (in none when negated); a check that
 * holds gives its category unless it joins the next, which must hold too, and one
 * that fails skips the checks joined to it. The tables are the Go runtime's, CLDR's
 * rules of the version it ships. */
interface PluralRules {
  c: PluralCheck[];
  o: PluralCheck[];
}

const categories = ["other", "zero", "one", "two", "few", "many"];

/** The operands of a number as plural rules read them: integer digits, fraction
 * digits as an integer with and without trailing zeros, and how many fraction digits
 * are visible with and without them. */
interface Operands {
  i: bigint;
  f: bigint;
  t: bigint;
  v: number;
  w: number;
}

// Operands are exact below 10^18; larger ones are kept as 10^18 + value mod 10^18.
const operandLimit = 1000000000000000000n;

function push(x: bigint, d: number): bigint {
  const big = x >= operandLimit;
  if (big) {
    x -= operandLimit;
  }
  x = x * 10n + BigInt(d);
  if (big || x >= operandLimit) {
    x = operandLimit + (x % operandLimit);
  }
  return x;
}

function intOperands(n: bigint): Operands {
  if (n < 0n) {
    n = -n;
  }
  if (n >= operandLimit) {
    n = operandLimit + (n % operandLimit);
  }
  return { i: n, f: 0n, t: 0n, v: 0, w: 0 };
}

/** parseOperands reads a decimal ("-1.50"): an optional sign, digits, and optionally a
 * point and digits; undefined for anything else. */
function parseOperands(s: string): Operands | undefined {
  const m = /^[-+]?([0-9]+)(?:\.([0-9]+))?$/.exec(s);
  if (m === null) {
    return undefined;
  }
  const op: Operands = { i: 0n, f: 0n, t: 0n, v: 0, w: 0 };
  for (const c of m[1]) {
    op.i = push(op.i, c.charCodeAt(0) - 48);
  }
  const frac = m[2] ?? "";
  for (const c of frac) {
    op.f = push(op.f, c.charCodeAt(0) - 48);
    op.v++;
  }
  for (const c of frac.replace(/0+$/, "")) {
    op.t = push(op.t, c.charCodeAt(0) - 48);
    op.w++;
  }
  return op;
}

/** holds reports whether check c holds for op. The operand n is the number itself:
 * a number with a non-zero fraction digit is in no range. */
function holds(c: PluralCheck, op: Operands): boolean {
  const [operand, mod, not, bounds] = c;
  let x: bigint;
  switch (operand) {
    case "n":
      if (op.f !== 0n) {
        return not === 1;
      }
      x = op.i;
      break;
    case "i": x = op.i; break;
    case "f": x = op.f; break;
    case "t": x = op.t; break;
    case "v": x = BigInt(op.v); break;
    default: x = BigInt(op.w); break;
  }
  if (mod !== 0) {
    x %= BigInt(mod);
  }
  for (let k = 0; k + 1 < bounds.length; k += 2) {
    if (BigInt(bounds[k]) <= x && x <= BigInt(bounds[k + 1])) {
      return not !== 1;
    }
  }
  return not === 1;
}

/** selectCategory returns the category rules give the number op, as the Go runtime's
 * tables do. */
function selectCategory(rules: PluralCheck[] | undefined, op: Operands): string {
  if (rules === undefined) {
    return "other";
  }
  for (let k = 0; k < rules.length; k++) {
    if (!holds(rules[k], op)) {
      while (k < rules.length && rules[k][4] < 0) {
        k++;
      }
      continue;
    }
    if (rules[k][4] >= 0) {
      return categories[rules[k][4]];
    }
  }
  return "other";
}

/** The kind of a value as the Go runtime holds it, from its type and its parameter's. */
function kindOf(v: ParamValue, kind: string): string {
  if (v instanceof Date) {
    return "time";
  }
  switch (typeof v) {
    case "string":
      return kind === "time" || kind === "duration" ? kind : "string";
    case "boolean":
      return "bool";
    case "bigint":
      return "int";
    case "number":
      if (kind === "duration") {
        return "duration";
      }
      return kind === "float" || !Number.isInteger(v) ? "float" : "int";
  }
  return "";
}

/** formatFixed writes a number as Go's strconv.FormatFloat(f, 'f', -1, 64) does: the
 * shortest digits that read back the same, without an exponent. */
function formatFixed(f: number): string {
  if (Number.isNaN(f)) {
    return "NaN";
  }
  if (!Number.isFinite(f)) {
    return f > 0 ? "+Inf" : "-Inf";
  }
  if (f === 0) {
    return Object.is(f, -0) ? "-0" : "0";
  }
  const sign = f < 0 ? "-" : "";
  const [mant, e] = Math.abs(f).toExponential().split("e");
  const digits = mant.replace(".", "");
  const exp = Number(e);
  if (exp >= digits.length - 1) {
    return sign + digits + "0".repeat(exp - digits.length + 1);
  }
  if (exp >= 0) {
    return sign + digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
  }
  return sign + "0." + "0".repeat(-exp - 1) + digits;
}

/** decimalLess writes the decimal s less off > 0, keeping s's fraction digits. */
function decimalLess(s: string, off: bigint): string {
  const m = /^([-+]?)([0-9]+)(?:\.([0-9]+))?$/.exec(s) as RegExpExecArray;
  const frac = m[3] ?? "";
  const scale = 10n ** BigInt(frac.length);
  let n = BigInt(m[2] + frac) * (m[1] === "-" ? -1n : 1n) - off * scale;
  const neg = n < 0n;
  if (neg) {
    n = -n;
  }
  const whole = (n / scale).toString();
  return (neg ? "-" : "") + whole + (m[3] === undefined ? "" : "." + (n % scale).toString().padStart(frac.length, "0"));
}

/** roundDecimal writes the decimal s rounded half to even to an integer. */
function roundDecimal(s: string): string {
  const m = /^([-+]?)([0-9]+)(?:\.([0-9]+))?$/.exec(s) as RegExpExecArray;
  const ip = m[2].replace(/^0+/, "");
  const fp = m[3] ?? "";
  const odd = ip !== "" && Number(ip[ip.length - 1]) % 2 === 1;
  const up = fp.length > 0 && (fp[0] > "5" || (fp[0] === "5" && (/[1-9]/.test(fp.slice(1)) || odd)));
  const r = BigInt("0" + ip) + (up ? 1n : 0n);
  return (m[1] === "-" && r !== 0n ? "-" : "") + r.toString();
}

function roundToEven(f: number): number {
  if (!Number.isFinite(f)) {
    return f;
  }
  const r = Math.round(f);
  return Math.abs(f % 1) === 0.5 ? 2 * Math.round(f / 2) : r;
}

/** numberASCII writes v less off as a number in ASCII, as the Go runtime's
 * appendASCII does; undefined when v is not a number. */
function numberASCII(v: ParamValue, kind: string, off: bigint): string | undefined {
  switch (kindOf(v, kind)) {
    case "int":
      return (BigInt(v as number | bigint) - off).toString();
    case "float":
      return formatFixed((v as number) - Number(off));
    case "string":
      if (parseOperands(v as string) !== undefined) {
        return off !== 0n ? decimalLess(v as string, off) : (v as string);
      }
  }
  return undefined;
}

/** formatNumber writes v less off as a number in the locale's forms, as the Go
 * runtime writes # and {n, number}; a value that is not a number is written as its
 * text. */
function formatNumber(v: ParamValue, kind: string, off: bigint, f: Formats | undefined): string {
  const s = numberASCII(v, kind, off);
  return s === undefined ? formatValue(v, kind) : localizeNumber(f, s);
}

/** formatInteger writes v rounded half to even, as {n, number, integer}. */
function formatInteger(v: ParamValue, kind: string, f: Formats | undefined): string {
  switch (kindOf(v, kind)) {
    case "int":
      return localizeNumber(f, BigInt(v as number | bigint).toString());
    case "float": {
      // Go writes the rounded float's exact decimal expansion ('f' with no digits).
      const r = roundToEven(v as number);
      return localizeNumber(f, Number.isFinite(r) ? BigInt(r).toString() : formatFixed(r));
    }
    case "string":
      if (parseOperands(v as string) !== undefined) {
        return localizeNumber(f, roundDecimal(v as string));
      }
  }
  return formatValue(v, kind);
}

/** equalsExact reports whether v is a number equal to the integer n (an =n arm). */
function equalsExact(v: ParamValue, kind: string, n: bigint): boolean {
  switch (kindOf(v, kind)) {
    case "int":
      return BigInt(v as number | bigint) === n;
    case "float":
      return v === Number(n);
    case "string": {
      const op = parseOperands(v as string);
      if (op === undefined || /[1-9]/.test((v as string).split(".")[1] ?? "") || op.i >= 1000000000000000n) {
        return false;
      }
      const neg = (v as string)[0] === "-";
      if (n < 0n) {
        return neg && op.i === -n;
      }
      return (!neg || op.i === 0n) && op.i === n;
    }
  }
  return false;
}

/** numberOperands returns the operands of v less off, or undefined when v is not a
 * number. */
function numberOperands(v: ParamValue, kind: string, off: bigint): Operands | undefined {
  switch (kindOf(v, kind)) {
    case "int":
      return intOperands(BigInt(v as number | bigint) - off);
    case "string":
    case "float":
      return parseOperands(numberASCII(v, kind, off) ?? "");
  }
  return undefined;
}

/** selectKey returns the arm key a select's value chooses by: its text for strings,
 * integers and booleans, else none. */
function selectKey(v: ParamValue, kind: string): string {
  switch (kindOf(v, kind)) {
    case "string":
      return v as string;
    case "int":
      return BigInt(v as number | bigint).toString();
    case "bool":
      return v ? "true" : "false";
  }
  return "";
}

function pickArm(n: Extract<MessageNode, { arms: unknown }>, v: ParamValue, kind: string, locale: string): MessageNode[] {
  const other = (n.arms.find(([k]) => k === "other") ?? ["", []])[1];
  if (n.t === "select") {
    const key = selectKey(v, kind);
    return (n.arms.find(([k]) => key !== "" && k === key) ?? ["", other])[1];
  }
  for (const [k, m] of n.arms) {
    if (k[0] === "=" && equalsExact(v, kind, BigInt(k.slice(1)))) {
      return m;
    }
  }
  const op = numberOperands(v, kind, BigInt(n.o ?? "0"));
  if (op === undefined) {
    return other;
  }
  const rules = catalog.plurals?.[locale];
  const cat = selectCategory(n.t === "plural" ? rules?.c : rules?.o, op);
  return (n.arms.find(([k]) => k === cat) ?? ["", other])[1];
}

function renderNodes(nodes: MessageNode[], locale: string, params: Record<string, ParamValue>, kinds: Map<string, string>, num?: [ParamValue, string, bigint]): string {
  let out = "";
  for (const n of nodes) {
    if (typeof n === "string") {
      out += n;
      continue;
    }
    if (n.t === "#") {
      out += num === undefined ? "" : formatNumber(num[0], num[1], num[2], catalog.formats?.[locale]);
      continue;
    }
    const v = params[n.a];
    const kind = kinds.get(n.a) ?? "string";
    if (v === undefined || v === null) {
      out += "{" + n.a + "?}";
      continue;
    }
    switch (n.t) {
      case "arg":
        out += formatValue(v, kind);
        break;
      case "number":
        out += n.s === "integer" ? formatInteger(v, kind, catalog.formats?.[locale]) : formatNumber(v, kind, 0n, catalog.formats?.[locale]);
        break;
      case "date":
      case "time":
        out += kindOf(v, kind) === "time" ? formatDate(v as Date | string, n.t, n.s ?? "", catalog.formats?.[locale]) : formatValue(v, kind);
        break;
      case "duration":
        out += kindOf(v, kind) === "duration" && typeof v === "number" ? formatWords(v, catalog.formats?.[locale]) : formatValue(v, kind);
        break;
      case "select":
        out += renderNodes(pickArm(n, v, kind, locale), locale, params, kinds);
        break;
      default:
        out += renderNodes(pickArm(n, v, kind, locale), locale, params, kinds, [v, kind, BigInt(n.o ?? "0")]);
    }
  }
  return out;
}

function renderMessage(t: Message, params: Record<string, ParamValue>, kinds: Map<string, string>): string {
  return renderNodes(t.m, t.l, params, kinds);
}

/** messageRefs returns the parameter names nodes refer to, arms included. */
function messageRefs(nodes: MessageNode[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (typeof n === "string" || n.t === "#") {
      continue;
    }
    out.push(n.a);
    if ("arms" in n) {
      for (const [, m] of n.arms) {
        out.push(...messageRefs(m));
      }
    }
  }
  return out;
}

