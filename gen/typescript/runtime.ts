// ---- errcat runtime: renders messages exactly as the Go runtime does ----

/** A template: literal text at even indexes, parameter names at odd ones; or a
 * message with plurals, selects or formats, rendered by renderMessage. */
type Template = string[] | Message;

interface Texts {
  title?: Template;
  message?: Template;
}

interface Definition {
  status: number;
  params: [name: string, kind: string][];
  texts: Record<string, Texts>;
  variants?: Variant[];
}

interface Variant extends Definition {
  key: string;
}

interface CatalogData {
  name: string;
  defaultLocale: string;
  locales: string[];
  codes: Record<string, Definition>;
  plurals?: Record<string, PluralRules>;
}

/** A parameter value as the server sends it in an envelope's params. */
export type ParamValue = string | number | bigint | boolean | Date | null | undefined;

function sameTag(a: string, b: string): boolean {
  return a.replace(/_/g, "-").toLowerCase() === b.replace(/_/g, "-").toLowerCase();
}

/** matchLocale returns the catalog locale that tag falls back to: tag, then tag without
 * its last subtag, and so on, then the default locale. */
export function matchLocale(tag: string | undefined): string {
  let t = tag ?? "";
  while (t !== "") {
    const found = catalog.locales.find((l) => sameTag(l, t));
    if (found !== undefined) {
      return found;
    }
    const i = Math.max(t.lastIndexOf("-"), t.lastIndexOf("_"));
    if (i < 0) {
      break;
    }
    t = t.slice(0, i);
  }
  return catalog.defaultLocale;
}

function present(v: ParamValue): boolean {
  return v !== undefined && v !== null && v !== "";
}

function satisfied(t: Template | undefined, params: Record<string, ParamValue>): boolean {
  if (t === undefined) {
    return false;
  }
  if (!Array.isArray(t)) {
    return messageRefs(t.m).every((name) => present(params[name]));
  }
  for (let i = 1; i < t.length; i += 2) {
    if (!present(params[t[i]])) {
      return false;
    }
  }
  return true;
}

/** formatFloat writes a number as Go's strconv.FormatFloat(f, 'g', -1, 64) does. */
function formatFloat(f: number): string {
  if (Number.isNaN(f)) {
    return "NaN";
  }
  if (!Number.isFinite(f)) {
    return f > 0 ? "+Inf" : "-Inf";
  }
  if (f === 0) {
    return Object.is(f, -0) ? "-0" : "0";
  }
  // Go uses %e for shortest output when the exponent is < -4 or >= 6 (its eprec).
  const [mant, e] = f.toExponential().split("e");
  const exp = Number(e);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? "-" : "+";
    const abs = Math.abs(exp);
    return mant + "e" + sign + (abs < 10 ? "0" : "") + String(abs);
  }
  return String(f);
}

/**
 * formatDuration writes nanoseconds as the Go runtime does: hours, minutes and seconds
 * with the units that are zero left out ("72h", "1h30m"), below a second in ms, µs or ns.
 */
function formatDuration(ns: number): string {
  if (ns === 0) {
    return "0s";
  }
  const neg = ns < 0;
  let u = BigInt(Math.abs(Math.trunc(ns)));
  let out: string;
  if (u < 1000000000n) {
    let unit: string;
    let div: bigint;
    if (u < 1000n) {
      return (neg ? "-" : "") + String(u) + "ns";
    } else if (u < 1000000n) {
      unit = "µs";
      div = 1000n;
    } else {
      unit = "ms";
      div = 1000000n;
    }
    out = fraction(u, div) + unit;
  } else {
    const h = u / 3600000000000n;
    u -= h * 3600000000000n;
    const m = u / 60000000000n;
    u -= m * 60000000000n;
    out = (h > 0n ? String(h) + "h" : "") + (m > 0n ? String(m) + "m" : "") + (u > 0n ? fraction(u, 1000000000n) + "s" : "");
  }
  return (neg ? "-" : "") + out;
}

function fraction(v: bigint, div: bigint): string {
  const whole = v / div;
  let frac = (v % div).toString().padStart(div.toString().length - 1, "0").replace(/0+$/, "");
  return String(whole) + (frac === "" ? "" : "." + frac);
}

/** formatTime writes an instant in RFC 3339 as Go's time.RFC3339Nano does, in UTC. */
function formatTime(d: Date): string {
  return d.toISOString().replace(/\.?0+Z$/, "Z");
}

function formatValue(v: ParamValue, kind: string): string {
  if (v instanceof Date) {
    return formatTime(v);
  }
  switch (typeof v) {
    case "string":
      return v;
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      return v.toString();
    case "number":
      if (kind === "duration") {
        return formatDuration(v);
      }
      if (kind === "float") {
        return formatFloat(v);
      }
      return Number.isInteger(v) ? String(v) : formatFloat(v);
  }
  return "";
}

function render(t: Template, params: Record<string, ParamValue>, kinds: Map<string, string>): string {
  if (!Array.isArray(t)) {
    return renderMessage(t, params, kinds);
  }
  let out = "";
  for (let i = 0; i < t.length; i++) {
    if (i % 2 === 0) {
      out += t[i];
      continue;
    }
    const v = params[t[i]];
    out += v === undefined || v === null ? "{" + t[i] + "?}" : formatValue(v, kinds.get(t[i]) ?? "string");
  }
  return out;
}

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
  | { t: "number" | "date" | "time"; a: string; s?: string }
  | { t: "plural" | "selectordinal" | "select"; a: string; o?: string; arms: [string, MessageNode[]][] };

/** Plural rules as lists of checks: [operation, category (-1 to join the next check),
 * the numbers below 100 in the check's set as 25 hex digits, 0 to 99 bit by bit]. The
 * tables are the Go runtime's, CLDR's rules of the version it ships. */
interface PluralRules {
  c: [number, number, string][];
  o: [number, number, string][];
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

/** formatNumber writes v less off as a number, as the Go runtime writes # and
 * {n, number}; a value that is not a number is written as its text. */
function formatNumber(v: ParamValue, kind: string, off: bigint): string {
  switch (kindOf(v, kind)) {
    case "int":
      return (BigInt(v as number | bigint) - off).toString();
    case "float":
      return formatFixed((v as number) - Number(off));
    case "string":
      if (off !== 0n && parseOperands(v as string) !== undefined) {
        return decimalLess(v as string, off);
      }
  }
  return formatValue(v, kind);
}

/** formatInteger writes v rounded half to even, as {n, number, integer}. */
function formatInteger(v: ParamValue, kind: string): string {
  switch (kindOf(v, kind)) {
    case "int":
      return BigInt(v as number | bigint).toString();
    case "float": {
      // Go writes the rounded float's exact decimal expansion ('f' with no digits).
      const r = roundToEven(v as number);
      return Number.isFinite(r) ? BigInt(r).toString() : formatFixed(r);
    }
    case "string":
      if (parseOperands(v as string) !== undefined) {
        return roundDecimal(v as string);
      }
  }
  return formatValue(v, kind);
}

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** formatDate writes a time as the Go runtime's date and time formats do, in the
 * time's own zone: a Date in UTC, an RFC 3339 string in the offset it states. */
function formatDate(v: Date | string, type: string, style: string): string {
  let y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string;
  if (v instanceof Date) {
    [y, mo, d, h, mi, s, zone] = [v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate(), v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds(), "UTC"];
  } else {
    const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/.exec(v);
    if (m === null) {
      return v;
    }
    [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
    zone = m[8] === undefined ? "UTC" : m[8] + m[9] + m[10];
  }
  const p2 = (n: number) => String(n).padStart(2, "0");
  const month = months[mo - 1];
  if (type === "date") {
    switch (style) {
      case "short":
        return String(y).padStart(4, "0") + "-" + p2(mo) + "-" + p2(d);
      case "long":
        return month + " " + d + ", " + y;
      case "full":
        return weekdays[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()] + ", " + month + " " + d + ", " + y;
    }
    return month.slice(0, 3) + " " + d + ", " + y;
  }
  switch (style) {
    case "short":
      return p2(h) + ":" + p2(mi);
    case "long":
    case "full":
      return p2(h) + ":" + p2(mi) + ":" + p2(s) + " " + zone;
  }
  return p2(h) + ":" + p2(mi) + ":" + p2(s);
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
      return parseOperands(formatNumber(v, kind, off));
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
      out += num === undefined ? "" : formatNumber(num[0], num[1], num[2]);
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
        out += n.s === "integer" ? formatInteger(v, kind) : formatNumber(v, kind, 0n);
        break;
      case "date":
      case "time":
        out += kindOf(v, kind) === "time" ? formatDate(v as Date | string, n.t, n.s ?? "") : formatValue(v, kind);
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

/** shown returns the definition whose texts describe code raised with params: the
 * code's own when its message has every value, else the first variant whose message
 * has, else the code's own. */
function shown(def: Definition, params: Record<string, ParamValue>): Definition {
  const own = def.texts[catalog.defaultLocale].message;
  if (def.variants === undefined || satisfied(own, params)) {
    return def;
  }
  return def.variants.find((v) => satisfied(v.texts[catalog.defaultLocale].message, params)) ?? def;
}

function texts(code: string | number, params: Record<string, ParamValue>, locale?: string) {
  const def = catalog.codes[String(code)];
  if (def === undefined) {
    throw new Error("errcat: unknown code " + String(code) + " in catalog " + catalog.name);
  }
  const d = shown(def, params);
  if (d !== def) {
    // A variant chosen for a missing value sees only its code's parameters, by name.
    const own: Record<string, ParamValue> = {};
    for (const [name] of def.params) {
      own[name] = params[name];
    }
    params = own;
  }
  const local = d.texts[matchLocale(locale)] ?? {};
  const fallback = d.texts[catalog.defaultLocale];
  const kinds = new Map<string, string>(def.params);
  for (const [name, kind] of d.params) {
    kinds.set(name, kind);
  }
  return { local, fallback, kinds, params };
}

/** message returns the message of code rendered with params in locale (falling back
 * along the locale chain to the catalog's default locale), as the Go runtime renders
 * it: a missing parameter shows as {name?}, or selects the variant written for it. */
export function message<C extends Code>(code: C, params: Params[C], locale?: string): string {
  const { local, fallback, kinds, params: p } = texts(code, params as Record<string, ParamValue>, locale);
  return render(local.message ?? fallback.message ?? [], p, kinds);
}

/** title returns the title of code rendered in locale; a code without a title gives
 * its message. */
export function title<C extends Code>(code: C, params: Params[C], locale?: string): string {
  const { local, fallback, kinds, params: p } = texts(code, params as Record<string, ParamValue>, locale);
  const t = local.title ?? fallback.title;
  return t === undefined ? message(code, params, locale) : render(t, p, kinds);
}

/** isCode reports whether x is a code of the catalog. */
export function isCode(x: unknown): x is Code {
  return typeof x === (numericCodes ? "number" : "string") && Object.prototype.hasOwnProperty.call(catalog.codes, String(x));
}

// ---- envelopes: the bodies errcat's HTTP layer writes ----

/** RFC 9457 problem details with errcat's extension members. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: Code;
  params?: Record<string, ParamValue>;
  errors?: { pointer: string; code: Code; detail: string }[];
}

/** The {code, message, data} envelope. */
export interface SimpleBody {
  code: Code;
  message: string;
  data: unknown;
}

/** The bulk envelope: one message per error or field error. */
export interface BulkBody {
  response_status: {
    status_code?: number;
    status: "failed";
    messages: { status_code: Code; type: "failed"; message?: string; field?: string }[];
  };
}

/** Google's AIP-193 error shape. */
export interface GoogleBody {
  error: {
    code: number;
    message: string;
    status: string;
    details?: ({ "@type": string } & Record<string, unknown>)[];
  };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** isProblemBody reports whether x is a problem+json body of this catalog. */
export function isProblemBody(x: unknown): x is ProblemBody {
  return isObject(x) && typeof x.type === "string" && typeof x.title === "string" && typeof x.status === "number" && isCode(x.code);
}

/** isSimpleBody reports whether x is a {code, message, data} body of this catalog. */
export function isSimpleBody(x: unknown): x is SimpleBody {
  return isObject(x) && isCode(x.code) && typeof x.message === "string" && "data" in x;
}

/** isBulkBody reports whether x is a bulk body whose messages carry this catalog's codes. */
export function isBulkBody(x: unknown): x is BulkBody {
  if (!isObject(x) || !isObject(x.response_status)) {
    return false;
  }
  const rs = x.response_status;
  return rs.status === "failed" && Array.isArray(rs.messages) && rs.messages.every((m) => isObject(m) && isCode(m.status_code) && m.type === "failed");
}

/** isGoogleBody reports whether x is an AIP-193 error body. */
export function isGoogleBody(x: unknown): x is GoogleBody {
  return isObject(x) && isObject(x.error) && typeof x.error.code === "number" && typeof x.error.message === "string" && typeof x.error.status === "string";
}

/** codesOf returns the catalog codes an error body of any envelope carries. */
export function codesOf(x: unknown): Code[] {
  if (isProblemBody(x)) {
    return [x.code, ...(x.errors ?? []).map((e) => e.code)];
  }
  if (isSimpleBody(x)) {
    return [x.code];
  }
  if (isBulkBody(x)) {
    return x.response_status.messages.map((m) => m.status_code);
  }
  if (isGoogleBody(x)) {
    const info = (x.error.details ?? []).find((d) => d["@type"] === "type.googleapis.com/google.rpc.ErrorInfo");
    const reason = info?.reason;
    const code = numericCodes ? Number(reason) : reason;
    return isCode(code) ? [code] : [];
  }
  return [];
}
