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

/** Plural rules as lists of checks: [operation, category (-1 to join the next check),
 * the numbers below 100 in the check's set as 25 hex digits, 0 to 99 bit by bit]. The
 * tables are the Go runtime's, CLDR's rules of the version it ships. */
interface PluralRules {
  c: [number, number, string][];
  o: [number, number, string][];
}

/** A locale's CLDR data, the Go runtime's tables (package cldr): n is the decimal
 * separator, group separator, minus sign, the ten digits, the primary and secondary
 * grouping sizes and the minimum grouping digits; mo the abbreviated then wide month
 * names; d the abbreviated, wide and stand-alone wide weekday names from Sunday; ap
 * AM and PM; er BC and AD; p the date patterns short to full, then the time patterns;
 * z the GMT format, the GMT zero format, the hour format's positive prefix and
 * suffix, its negative ones and its separator; ph whether the hour format pads hours;
 * bp the flexible day period of each hour; u the duration unit patterns (day, hour,
 * minute, second, millisecond, microsecond, nanosecond, each by plural category,
 * "" for none); li the list patterns for two items, start, middle and end; c the
 * cardinal plural rules of the locale the data is of. */
interface Formats {
  n: [string, string, string, string, number, number, number];
  mo: string[];
  d: string[];
  ap: string[];
  er: string[];
  p: string[];
  z: string[];
  ph: boolean;
  bp?: string[];
  u: string[];
  li: string[];
  c: [number, number, string][];
}

const categories = ["other", "zero", "one", "two", "few", "many"];

/** The operands of a number as plural rules read them: integer digits, fraction
 * digits as an integer, and how many fraction digits are visible. */
interface Operands {
  i: bigint;
  f: bigint;
  v: number;
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
  return { i: n, f: 0n, v: 0 };
}

/** parseOperands reads a decimal ("-1.50"): an optional sign, digits, and optionally a
 * point and digits; undefined for anything else. */
function parseOperands(s: string): Operands | undefined {
  const m = /^[-+]?([0-9]+)(?:\.([0-9]+))?$/.exec(s);
  if (m === null) {
    return undefined;
  }
  const op: Operands = { i: 0n, f: 0n, v: 0 };
  for (const c of m[1]) {
    op.i = push(op.i, c.charCodeAt(0) - 48);
  }
  for (const c of m[2] ?? "") {
    op.f = push(op.f, c.charCodeAt(0) - 48);
    op.v++;
  }
  return op;
}

function inSet(set: string, n: number): boolean {
  return ((parseInt(set[n >> 2], 16) >> (n & 3)) & 1) === 1;
}

/** selectCategory returns the category rules give the number op, as the Go runtime's
 * tables do. */
function selectCategory(rules: [number, number, string][] | undefined, op: Operands): string {
  if (rules === undefined) {
    return "other";
  }
  const n100 = Number(op.i % 100n);
  const f100 = Number(op.f % 100n);
  const nSmall = op.i < 100n;
  const fSmall = op.f < 100n;
  const vSmall = op.v < 100;
  const fZero = op.f === 0n;
  for (let k = 0; k < rules.length; k++) {
    const [opID, cat, set] = rules[k];
    let skip = false;
    switch (opID) {
      case 0: skip = !nSmall || !inSet(set, n100); break;
      case 2: skip = nSmall && inSet(set, n100); break;
      case 1: skip = !inSet(set, n100); break;
      case 3: skip = inSet(set, n100); break;
      case 4: skip = !fZero || !nSmall || !inSet(set, n100); break;
      case 6: skip = fZero && nSmall && inSet(set, n100); break;
      case 5: skip = !fZero || !inSet(set, n100); break;
      case 7: skip = fZero && inSet(set, n100); break;
      case 8: skip = !fSmall || !inSet(set, f100); break;
      case 10: skip = fSmall && inSet(set, f100); break;
      case 9: skip = !inSet(set, f100); break;
      case 11: skip = inSet(set, f100); break;
      case 12: skip = vSmall && !inSet(set, op.v % 100); break;
      case 14: skip = vSmall && inSet(set, op.v % 100); break;
      case 16: skip = !fZero; break;
      case 18: skip = fZero; break;
      case 20: skip = !fZero || op.i === 0n || op.i % 1000000n !== 0n; break;
      case 28: skip = op.i === 0n || op.i >= 1000n || op.i % 100n !== 0n; break;
      case 24: skip = (!fZero || !nSmall || !inSet(set, n100)) && op.i !== 800n; break;
    }
    if (skip) {
      while (k < rules.length && rules[k][1] < 0) {
        k++;
      }
      continue;
    }
    if (cat >= 0) {
      return categories[cat];
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

/** cut splits s at the first sep: what is before it and after it, or s and
 * undefined when s has none. */
function cut(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + sep.length)];
}

/** localDigits writes the ASCII digits s in the locale's digits. */
function localDigits(f: Formats, s: string): string {
  if (f.n[3] === "0123456789") {
    return s;
  }
  const d = Array.from(f.n[3]);
  let out = "";
  for (const c of s) {
    out += d[c.charCodeAt(0) - 48];
  }
  return out;
}

/** localizeNumber writes the ASCII decimal s as the locale writes numbers, as the Go
 * runtime's cldr.AppendNumber does: other text is kept as it is. */
function localizeNumber(f: Formats | undefined, s: string): string {
  const m = /^([-+]?)([0-9]+)(?:\.([0-9]+))?$/.exec(s);
  if (f === undefined || m === null) {
    return s;
  }
  const ip = m[2].replace(/^0+(?=[0-9])/, "");
  const [primarySize, secondarySize, minGroup] = [f.n[4], f.n[5], f.n[6]];
  let primary = ip.length;
  let secondary = 0;
  if (primarySize > 0 && ip.length >= primarySize + minGroup) {
    [primary, secondary] = [primarySize, secondarySize];
  }
  const head = ip.length - primary;
  let first = head;
  if (secondary > 0 && head > 0) {
    first = head % secondary === 0 ? secondary : head % secondary;
  }
  let out = (m[1] === "-" ? f.n[2] : "") + localDigits(f, ip.slice(0, first));
  for (let i = first; i < head; i += secondary) {
    out += f.n[1] + localDigits(f, ip.slice(i, i + secondary));
  }
  if (head > 0) {
    out += f.n[1];
  }
  out += localDigits(f, ip.slice(head));
  if (m[3] !== undefined) {
    out += f.n[0] + localDigits(f, m[3]);
  }
  return out;
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

const styles = ["short", "medium", "long", "full"];

/** pad writes the non-negative n in the locale's digits, at least width of them. */
function pad(f: Formats, n: number, width: number): string {
  return localDigits(f, String(n).padStart(width, "0"));
}

/** formatZone writes the UTC offset off (seconds) in the locale's GMT format, long
 * ("GMT+01:00") or short ("GMT+1"). */
function formatZone(f: Formats, off: number, long: boolean): string {
  if (Math.trunc(off / 60) === 0) {
    return f.z[1];
  }
  let [pre, suf] = [f.z[2], f.z[3]];
  if (off < 0) {
    [pre, suf, off] = [f.z[4], f.z[5], -off];
  }
  const [before, after] = cut(f.z[0], "{0}");
  const h = Math.trunc(off / 3600);
  const m = Math.trunc(off / 60) % 60;
  let out = before + pre + pad(f, h, long && f.ph ? 2 : 1);
  if (long || m !== 0) {
    out += f.z[6] + pad(f, m, 2);
  }
  return out + suf + (after ?? "");
}

/** formatPattern writes a time's fields as the CLDR date pattern p does, as the Go
 * runtime's cldr package does: letters are fields, text in apostrophes is literal,
 * "''" is an apostrophe. */
function formatPattern(f: Formats, p: string, y: number, mo: number, d: number, h: number, mi: number, s: number, off: number): string {
  const day = new Date(0);
  day.setUTCFullYear(y, mo - 1, d);
  const wd = day.getUTCDay();
  let era = 1;
  if (y <= 0) {
    [era, y] = [0, 1 - y];
  }
  let out = "";
  for (let i = 0; i < p.length; ) {
    const c = p[i];
    if (c === "'" && p[i + 1] === "'") {
      out += "'";
      i += 2;
    } else if (c === "'") {
      const j = p.indexOf("'", i + 1);
      if (j < 0) {
        return out + p.slice(i + 1);
      }
      out += p.slice(i + 1, j);
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j < p.length && p[j] === c) {
        j++;
      }
      const n = j - i;
      i = j;
      switch (c) {
        case "G":
          out += f.er[era];
          break;
        case "y":
          out += n === 2 ? pad(f, y % 100, 2) : pad(f, y, n);
          break;
        case "M":
          out += n <= 2 ? pad(f, mo, n) : n === 3 ? f.mo[mo - 1] : f.mo[12 + mo - 1];
          break;
        case "d":
          out += pad(f, d, n);
          break;
        case "E":
          out += n === 4 ? f.d[7 + wd] : f.d[wd];
          break;
        case "c":
          out += f.d[14 + wd];
          break;
        case "B":
          out += f.bp !== undefined ? f.bp[h] : f.ap[Math.trunc(h / 12)];
          break;
        case "a":
          out += f.ap[Math.trunc(h / 12)];
          break;
        case "h":
          out += pad(f, h % 12 === 0 ? 12 : h % 12, n);
          break;
        case "H":
          out += pad(f, h, n);
          break;
        case "m":
          out += pad(f, mi, n);
          break;
        case "s":
          out += pad(f, s, n);
          break;
        case "z":
          out += formatZone(f, off, n === 4);
          break;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** formatDate writes a time as the Go runtime's date and time formats do, in the
 * time's own zone: a Date in UTC, an RFC 3339 string in the offset it states. */
function formatDate(v: Date | string, type: string, style: string, f: Formats | undefined): string {
  let y: number, mo: number, d: number, h: number, mi: number, s: number, off: number;
  if (v instanceof Date) {
    [y, mo, d, h, mi, s, off] = [v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate(), v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds(), 0];
  } else {
    const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/.exec(v);
    if (m === null) {
      return v;
    }
    [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
    off = m[8] === undefined ? 0 : (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 3600 + Number(m[10]) * 60);
  }
  if (f === undefined) {
    return formatValue(v, "time");
  }
  const i = styles.indexOf(style);
  return formatPattern(f, f.p[(type === "time" ? 4 : 0) + (i < 0 ? 1 : i)], y, mo, d, h, mi, s, off);
}

/** unitPattern returns the pattern of unit for the number op, as the Go runtime's
 * cldr package picks it: its plural category's, else "other"'s. */
function unitPattern(f: Formats, unit: number, op: Operands): string {
  const cat = categories.indexOf(selectCategory(f.c, op));
  return f.u[unit * 6 + cat] || f.u[unit * 6];
}

/** formatWords writes a duration of ns nanoseconds in words, as the Go runtime's
 * {d, duration} does: days, hours, minutes and seconds, or the one unit under a
 * second, in the locale's unit patterns joined by its unit list patterns. */
function formatWords(ns: number, f: Formats | undefined): string {
  if (f === undefined) {
    return formatDuration(ns);
  }
  const neg = ns < 0;
  let u = BigInt(Math.abs(Math.trunc(ns)));
  // [unit, whole, fraction digits]
  const amounts: [number, bigint, string][] = [];
  const of = (unit: number, v: bigint, size: bigint): [number, bigint, string] => [
    unit,
    v / size,
    (v % size).toString().padStart(size.toString().length - 1, "0").replace(/0+$/, ""),
  ];
  if (u === 0n) {
    amounts.push([3, 0n, ""]);
  } else if (u < 1000n) {
    amounts.push([6, u, ""]);
  } else if (u < 1000000n) {
    amounts.push(of(5, u, 1000n));
  } else if (u < 1000000000n) {
    amounts.push(of(4, u, 1000000n));
  } else {
    for (const [unit, size] of [[0, 86400000000000n], [1, 3600000000000n], [2, 60000000000n]] as [number, bigint][]) {
      const w = u / size;
      if (w > 0n) {
        amounts.push([unit, w, ""]);
        u -= w * size;
      }
    }
    if (u > 0n) {
      amounts.push(of(3, u, 1000000000n));
    }
  }
  const items = amounts.map(([unit, whole, frac], i) => {
    const op = intOperands(whole);
    if (frac !== "") {
      [op.f, op.v] = [BigInt(frac), frac.length];
    }
    let [before, after] = cut(unitPattern(f, unit, op), "{0}");
    if (after === undefined && neg && i === 0) {
      [before, after] = cut(f.u[unit * 6], "{0}");
    }
    if (after === undefined) {
      return before;
    }
    return before + localizeNumber(f, (neg && i === 0 ? "-" : "") + whole.toString() + (frac === "" ? "" : "." + frac)) + after;
  });
  const join = (p: string, a: string, b: string): string => {
    const [pre, rest] = cut(p, "{0}");
    const [mid, suf] = cut(rest ?? "", "{1}");
    return pre + a + mid + b + (suf ?? "");
  };
  if (items.length === 1) {
    return items[0];
  }
  if (items.length === 2) {
    return join(f.li[0], items[0], items[1]);
  }
  let out = join(f.li[3], items[items.length - 2], items[items.length - 1]);
  for (let i = items.length - 3; i > 0; i--) {
    out = join(f.li[2], items[i], out);
  }
  return join(f.li[1], items[0], out);
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

