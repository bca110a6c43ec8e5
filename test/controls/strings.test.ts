import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stringKeys } from "../../controls/CoSellPanel/model/stringKeys";
import { fillPlaceholders, translatorOf } from "../../controls/CoSellPanel/model/strings";
import { readResx } from "./support/strings";

const manifest = readFileSync(new URL("../../controls/CoSellPanel/ControlManifest.Input.xml", import.meta.url), "utf8");
const manifestKeys = [...manifest.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)].map((match) => match[1]);
/** Same in both languages: product names, arrows, symbols. */
const untranslated = new Set(["Audit_toPartnerCenter", "Audit_toDataverse", "Audit_service"]);

describe("the resx files", () => {
  const english = readResx(1033);
  const russian = readResx(1049);

  it("hold every key the panel and its manifest use, and nothing else, in English and Russian", () => {
    const wanted = new Set<string>([...stringKeys, ...manifestKeys.filter((key) => key !== undefined)]);
    expect([...english.keys()].sort()).toEqual([...wanted].sort());
    expect([...russian.keys()].sort()).toEqual([...wanted].sort());
  });

  it("translate every text into Russian, keeping the placeholders", () => {
    for (const [key, text] of english) {
      const translated = russian.get(key) ?? "";
      expect(translated.trim(), key).not.toBe("");
      if (!untranslated.has(key)) expect(translated, key).not.toBe(text);
      expect(translated.match(/\{\d\}/g)?.sort() ?? [], key).toEqual(text.match(/\{\d\}/g)?.sort() ?? []);
    }
    expect(russian.get("ShareDialog_Title")).toBe("Открыть сделку продавцам Microsoft?");
  });

  it("name the elements the host contract names", () => {
    expect(english.get("SyncWithPartnerCenter_Display")).toBe("Sync with Partner Center");
    expect(english.get("MicrosoftHelp_Display")).toBe("How can Microsoft help?");
    expect(english.get("ShareWithMicrosoft_Display")).toBe("Visible to Microsoft sellers");
    expect(english.get("ShareDialog_Title")).toBe("Share with Microsoft sellers?");
    expect(english.get("ShareDialog_Text")).toContain("can't be undone");
    expect(english.get("Products_Display")).toBe("Products");
    expect(english.get("DealType_Label")).toBe("Deal type");
    expect(english.get("Problems_Label")).toBe("Fix before saving");
    expect(english.get("AuditTrail_Label")).toBe("Audit trail");
    expect(english.get("SyncNow_Button")).toBe("Sync now");
  });
});

describe("the validation problems", () => {
  /** problem_<code> of the web resources' resx, whose English test/webresources/strings.test.ts ties to core's. */
  function webResourceProblems(lcid: 1033 | 1049): Map<string, string> {
    const resx = readFileSync(new URL(`../../webresources/strings/opportunity.${lcid}.resx`, import.meta.url), "utf8");
    const entries = [...resx.matchAll(/<data name="problem_(\w+)" xml:space="preserve">\s*<value>([^<]*)<\/value>/g)];
    return new Map(entries.map((match) => [match[1] ?? "", match[2] ?? ""]));
  }

  it("read as the form's notifications read, in both languages, so a seller sees one wording", () => {
    for (const lcid of [1033, 1049] as const) {
      const panel = readResx(lcid);
      const expected = webResourceProblems(lcid);
      expect(expected.size).toBeGreaterThan(10);
      for (const [code, text] of expected) expect(panel.get(`Problem_${code}`), `${lcid} ${code}`).toBe(text);
    }
  });
});

describe("translatorOf", () => {
  it("fills placeholders and falls back to the key for a text the host doesn't have", () => {
    const t = translatorOf((key) => (key === "Status_LastSynced" ? "Last synced {0}" : ""));
    expect(t("Status_LastSynced", "today")).toBe("Last synced today");
    expect(t("Status_Synced")).toBe("Status_Synced");
    expect(fillPlaceholders("{1} before {0}, {2} stays", ["a", 2])).toBe("2 before a, {2} stays");
  });
});
