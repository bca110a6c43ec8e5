import { describe, expect, it } from "vitest";
import {
  durationParser,
  httpsUrlParser,
  integerParser,
  isLoopbackHost,
  listParser,
  parseBoolean,
  parseDatabaseUrl,
  parseGuid,
  parseHostWithPort,
  parseOrigin,
  type Parsed,
} from "../../../server/config";

function valueOf<T>(parsed: Parsed<T>): T | undefined {
  return parsed.ok ? parsed.value : undefined;
}

function reasonOf(parsed: Parsed<unknown>): string | undefined {
  return parsed.ok ? undefined : parsed.reason;
}

describe("value parsers", () => {
  it("reads booleans from true/false, 1/0 and yes/no in any case, and nothing else", () => {
    expect(["true", "TRUE", "1", "yes", "Yes"].map((text) => valueOf(parseBoolean(text)))).toEqual(Array(5).fill(true));
    expect(["false", "0", "no", "NO"].map((text) => valueOf(parseBoolean(text)))).toEqual(Array(4).fill(false));
    expect(["on", "y", "2", "truthy"].map((text) => parseBoolean(text).ok)).toEqual(Array(4).fill(false));
  });

  it("reads integers written with digits only, inside the range", () => {
    const parse = integerParser(1, 10);

    expect(valueOf(parse("1"))).toBe(1);
    expect(valueOf(parse("10"))).toBe(10);
    expect(["0", "11"].map((text) => reasonOf(parse(text)))).toEqual(["must be from 1 to 10", "must be from 1 to 10"]);
    for (const text of ["-1", "+1", "1e1", "0x5", "5.0", "five"]) {
      expect(reasonOf(parse(text))).toBe("must be a whole number written with digits only, from 1 to 10");
    }
  });

  it("reads GUIDs without braces, in lower case", () => {
    expect(valueOf(parseGuid("0A0A0A0A-0000-4000-8000-00000000D001"))).toBe("0a0a0a0a-0000-4000-8000-00000000d001");
    for (const text of ["0a0a0a0a00004000800000000000d001", "{0a0a0a0a-0000-4000-8000-00000000d001}", "contoso.com"]) {
      expect(parseGuid(text).ok).toBe(false);
    }
  });

  it("reads durations in the bare unit or with a unit, within the range", () => {
    const parse = durationParser("m", 60_000, 86_400_000);

    expect(["15", "90s", "2h", "1440", "30 min", "60000ms"].map((text) => valueOf(parse(text)))).toEqual([
      900_000, 90_000, 7_200_000, 86_400_000, 1_800_000, 60_000,
    ]);
    expect(reasonOf(parse("30s"))).toBe("must be from 1 min to 24 h");
    expect(reasonOf(parse("1441"))).toBe("must be from 1 min to 24 h");
    expect(reasonOf(parse("1.5h"))).toBe(
      "must be a whole number of minutes, or a whole number with a unit: ms, s, m or h",
    );
  });

  it("reads comma lists, ignoring blanks and repeats, and names the bad item by position", () => {
    const parse = listParser(parseHostWithPort);

    expect(valueOf(parse(" a.example, ,B.example:8443,a.example "))).toEqual(["a.example", "b.example:8443"]);
    expect(valueOf(parse("127.0.0.1:7071,[::1]:7071,localhost"))).toEqual([
      "127.0.0.1:7071",
      "[::1]:7071",
      "localhost",
    ]);
    expect(reasonOf(parse("[not-ipv6]:7071"))).toBe("item 1 must be a host name, optionally with :port");
    expect(reasonOf(parse(" , "))).toBe("must list at least one item, separated by commas");
    expect(reasonOf(parse("a.example, b.example:99999"))).toBe("item 2 has a port outside 1 to 65535");
  });

  it("accepts https URLs and plain http only on loopback hosts", () => {
    const parse = httpsUrlParser({ shape: "path" });

    expect(valueOf(parse("https://api.contoso.example/v1/"))).toBe("https://api.contoso.example/v1");
    expect(valueOf(parse("http://localhost:3978/"))).toBe("http://localhost:3978");
    expect(["localhost", "dev.localhost", "127.0.0.1", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["localhost.contoso.example", "127.0.0.2", "10.0.0.1", "0.0.0.0"].some(isLoopbackHost)).toBe(false);
    expect(parse("http://10.0.0.1/").ok).toBe(false);
    expect(parse("https://api.contoso.example/v1?x=1").ok).toBe(false);
    expect(valueOf(httpsUrlParser({ shape: "path", allowQuery: true })("https://a.example/?x=1"))).toBe(
      "https://a.example/?x=1",
    );
  });

  it("reads origins as browsers send them", () => {
    expect(valueOf(parseOrigin("https://Contoso.crm.dynamics.com:443/"))).toBe("https://contoso.crm.dynamics.com");
    expect(valueOf(parseOrigin("http://localhost:8181"))).toBe("http://localhost:8181");
    expect(parseOrigin("https://contoso.crm.dynamics.com/main.aspx").ok).toBe(false);
  });

  it("reads PostgreSQL URLs, keeping the whole URL secret and only the location in the clear", () => {
    const parsed = parseDatabaseUrl("postgresql://u:p4ss@db.internal:5433/cosell?sslmode=require");
    const socket = parseDatabaseUrl("postgres:///cosell?host=/var/run/postgresql");

    expect(parsed.ok && parsed.value.location).toBe("db.internal:5433/cosell");
    expect(parsed.ok && String(parsed.value.url)).toBe("[secret]");
    expect(socket.ok && socket.value.location).toBe("/var/run/postgresql/cosell");
    expect(reasonOf(parseDatabaseUrl("postgres:///cosell"))).toBe("must name the database host after the //");
  });
});
