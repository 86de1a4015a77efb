// ---- numbers, dates and durations in a locale's forms, from the Go runtime's CLDR tables ----

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
  c: PluralCheck[];
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
