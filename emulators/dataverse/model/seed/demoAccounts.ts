/**
 * Demo accounts with one or two contacts each. Addresses come from the catalogue's countries, with postal codes in
 * each country's format; every 13th account spells its country out instead of the ISO alpha-2 code the connector
 * needs (dataverse.md §4.2), so a few deals fail that check.
 */
import type { IdGenerator } from "../../../shared/ids";
import type { OrganizationSession } from "../session";
import { companyNames, demoCountries, firstNames, jobTitles, lastNames, nonIsoCountries } from "./demoCatalogue";
import type { SeededRandom } from "./seededRandom";

/** An account with what its opportunities need from it. */
export interface DemoAccount {
  readonly id: string;
  readonly name: string;
  readonly currencyId: string;
  readonly currencyCode: string;
  readonly contactIds: readonly string[];
}

const accountCount = 40;
const streets = ["Main Street", "Harbour Road", "Market Square", "Park Avenue"] as const;

/** Creates the accounts and their contacts as `seller`; `currencyIds` maps ISO codes to currency rows. */
export function seedAccounts(
  seller: OrganizationSession,
  random: SeededRandom,
  ids: IdGenerator,
  currencyIds: Readonly<Record<string, string>>,
): DemoAccount[] {
  return companyNames.slice(0, accountCount).map((name, index) => {
    const place = index % 13 === 12 ? random.pick(nonIsoCountries) : random.pick(demoCountries);
    const accountId = seller.create("account", {
      accountid: ids(),
      name,
      accountnumber: `ACC-${String(1001 + index)}`,
      address1_line1: `${random.integer(1, 250)} ${random.pick(streets)}`,
      address1_city: place.city,
      address1_stateorprovince: place.stateOrProvince,
      address1_postalcode: random.pick(place.postalCodes),
      address1_country: place.country,
      numberofemployees: random.integer(20, 50_000),
    }).id;
    const domain = `${asciiLetters(name)}.example`;
    const contactIds = Array.from({ length: random.integer(1, 2) }, () => {
      const firstname = random.pick(firstNames);
      const lastname = random.pick(lastNames);
      return seller.create("contact", {
        contactid: ids(),
        firstname,
        lastname,
        emailaddress1: `${asciiLetters(firstname)}.${asciiLetters(lastname)}@${domain}`,
        telephone1: `+1 555 01${String(random.integer(10, 99))}`,
        jobtitle: random.pick(jobTitles),
        "parentcustomerid_account@odata.bind": `/accounts(${accountId})`,
      }).id;
    });
    const currencyId = currencyIds[place.currency] ?? "";
    return { id: accountId, name, currencyId, currencyCode: place.currency, contactIds };
  });
}

/** "García" → "garcia", "Margie's Travel" → "margiestravel". */
function asciiLetters(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}
