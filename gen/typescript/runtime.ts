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
  formats?: Record<string, Formats>;
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
