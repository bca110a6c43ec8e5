import { describe, expect, it } from "vitest";
import { MicrosoftHelpOption } from "../../../core";
import { buildPanelViewModel } from "../../../controls/CoSellPanel/model/viewModel";
import { safePartnerCenterUrl } from "../../../controls/CoSellPanel/model/referralLink";
import { aServiceStatus, anInputs, field, now, savedOpportunity, someData } from "../support/builders";
import { english } from "../support/strings";

const context = { now, t: english, timeZone: "UTC" };
const view = (inputs = anInputs(), data = someData()) => buildPanelViewModel(inputs, data, context);

describe("what the user may do with each field", () => {
  it("lets the seller edit the choices on an editable form", () => {
    const model = view();
    expect([model.sync.access, model.help.access, model.share.access, model.products.access]).toEqual([
      "editable",
      "editable",
      "editable",
      "editable",
    ]);
    expect(model.sync.label).toBe("Sync with Partner Center");
    expect(model.share).toMatchObject({ label: "Visible to Microsoft sellers", lockedNote: null });
  });

  it("makes everything read-only on a disabled form, and masks what field security hides", () => {
    const model = view(
      anInputs({ formDisabled: true, products: field<readonly string[]>([], { readable: false, editable: false }) }),
    );
    expect([model.sync.access, model.help.access, model.share.access]).toEqual(["readOnly", "readOnly", "readOnly"]);
    expect(model.products.access).toBe("masked");
  });

  it("follows field security per column", () => {
    const model = view(
      anInputs({
        syncWithPartnerCenter: field(true, { editable: false }),
        microsoftHelp: field<readonly number[]>([], { readable: false }),
      }),
    );
    expect(model.sync).toMatchObject({ access: "readOnly", checked: true });
    expect(model.help.access).toBe("masked");
  });

  it("won't let a deal saved as shared go back to private", () => {
    const whenOpened = view(anInputs({ shareWithMicrosoft: field(true), sharedWhenOpened: true }));
    expect(whenOpened.share).toMatchObject({ checked: true, access: "readOnly", lockedNote: english("ShareLocked") });
    // Saved as shared after the form opened: the saved row says so.
    const savedSince = view(
      anInputs({ shareWithMicrosoft: field(true) }),
      someData({ snapshot: { state: "loaded", value: savedOpportunity({ csb_sharewithmicrosoft: true }) } }),
    );
    expect(savedSince.share.access).toBe("readOnly");
    // Turned on but not saved yet: the seller may still change their mind.
    expect(view(anInputs({ shareWithMicrosoft: field(true) })).share.access).toBe("editable");
    // Hidden stays hidden.
    const hidden = view(anInputs({ shareWithMicrosoft: field(true, { readable: false }), sharedWhenOpened: true }));
    expect(hidden.share).toMatchObject({ access: "masked", lockedNote: null });
  });

  it("lists the help options from the column's metadata with the chosen ones ticked", () => {
    const model = view(
      anInputs({ microsoftHelp: field<readonly number[]>([MicrosoftHelpOption.QuotesOrLicensing, 7]) }),
    );
    expect(model.help.options.filter((option) => option.checked).map((option) => option.label)).toEqual([
      "Quotes or licensing",
    ]);
    expect(model.help.options).toHaveLength(4);
  });

  it("names the chosen products from the catalogue, and shows an id the catalogue doesn't know as it is", () => {
    const model = view(anInputs({ products: field<readonly string[]>(["sol-15974-mqf", "SOL-99999-ZZZ"]) }));
    expect(model.products.tags).toEqual([
      { id: "sol-15974-mqf", name: "Contoso Supply Chain Accelerator" },
      { id: "SOL-99999-ZZZ", name: "SOL-99999-ZZZ" },
    ]);
  });

  it("stacks into one column below 480 px, and keeps two columns when the width is unknown", () => {
    expect(view(anInputs({ allocatedWidth: 375 })).narrow).toBe(true);
    expect(view(anInputs({ allocatedWidth: 480 })).narrow).toBe(false);
    expect(view(anInputs({ allocatedWidth: -1 })).narrow).toBe(false);
  });
});

describe("the referral's read-only values", () => {
  const link = "https://partner.microsoft.com/dashboard/referrals/v2/cosell/5a5e8d95";

  it("links to Partner Center only for an https address on partner.microsoft.com", () => {
    expect(safePartnerCenterUrl(link)).toBe(link);
    expect(safePartnerCenterUrl(`  ${link}  `)).toBe(link);
    for (const unsafe of [
      "http://partner.microsoft.com/x",
      "https://partner.microsoft.com.evil.example/x",
      "https://evil.example/partner.microsoft.com",
      "javascript:alert(1)",
      "https://user:secret@partner.microsoft.com/x",
      "https://partner.microsoft.com:8443/x",
      "not a url",
      "",
      null,
    ]) {
      expect(safePartnerCenterUrl(unsafe), String(unsafe)).toBeNull();
    }
  });

  it("shows an unsafe link as plain text, a safe one as a link, and the service's newer link first", () => {
    const unsafe = view(
      anInputs({ referralLink: field<string | null>("https://evil.example/") }),
      someData({ service: { kind: "notConfigured" } }),
    );
    expect(unsafe.referralLink).toMatchObject({ text: "https://evil.example/", href: null, masked: false });
    const fresher = view(
      anInputs({ referralLink: field<string | null>(null) }),
      someData({ service: { kind: "loaded", status: aServiceStatus({ referralLink: link, referralId: "5a5e8d95" }) } }),
    );
    expect(fresher.referralLink).toMatchObject({ text: link, href: link, label: "Referral Link" });
    expect(fresher.referralId).toMatchObject({ text: "5a5e8d95", label: "Referral Identifier" });
  });

  it("masks hidden values and says when there is none yet", () => {
    const model = view(
      anInputs({
        referralLink: field<string | null>(link, { readable: false }),
        microsoftCrmId: field<string | null>("  "),
      }),
      someData({ service: { kind: "notConfigured" } }),
    );
    expect(model.referralLink).toMatchObject({ text: "***", href: null, masked: true });
    expect(model.microsoftCrmId).toMatchObject({ text: english("EmptyValue"), masked: false });
  });
});
