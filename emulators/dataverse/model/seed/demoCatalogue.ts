/**
 * Invented but plausible demo data: Microsoft's fictitious company names, addresses with postal codes in each
 * country's format, people, and deal topics. A few accounts spell their country out ("United States") instead of
 * the ISO 3166 alpha-2 code the connector needs (dataverse.md §4.2), so validation has something to catch.
 */

export interface DemoCountry {
  /** What address1_country holds: an ISO alpha-2 code, or a spelled-out name for the deliberately bad ones. */
  readonly country: string;
  readonly currency: "USD" | "EUR" | "GBP" | "JPY";
  readonly city: string;
  readonly stateOrProvince: string | null;
  readonly postalCodes: readonly string[];
}

export const demoCountries: readonly DemoCountry[] = [
  { country: "US", currency: "USD", city: "Redmond", stateOrProvince: "WA", postalCodes: ["98052", "98053"] },
  { country: "US", currency: "USD", city: "Chicago", stateOrProvince: "IL", postalCodes: ["60601", "60611"] },
  { country: "US", currency: "USD", city: "Austin", stateOrProvince: "TX", postalCodes: ["73301", "78701"] },
  { country: "CA", currency: "USD", city: "Toronto", stateOrProvince: "ON", postalCodes: ["M5V 2T6", "M4W 1A8"] },
  { country: "GB", currency: "GBP", city: "London", stateOrProvince: null, postalCodes: ["SW1A 1AA", "EC2V 7HH"] },
  { country: "GB", currency: "GBP", city: "Manchester", stateOrProvince: null, postalCodes: ["M1 1AE", "M2 5DB"] },
  { country: "IE", currency: "EUR", city: "Dublin", stateOrProvince: null, postalCodes: ["D02 X285", "D04 T2C9"] },
  { country: "DE", currency: "EUR", city: "Berlin", stateOrProvince: "BE", postalCodes: ["10115", "10785"] },
  { country: "DE", currency: "EUR", city: "München", stateOrProvince: "BY", postalCodes: ["80331", "80807"] },
  { country: "FR", currency: "EUR", city: "Paris", stateOrProvince: null, postalCodes: ["75008", "75015"] },
  { country: "NL", currency: "EUR", city: "Amsterdam", stateOrProvince: "NH", postalCodes: ["1012 AB", "1082 MD"] },
  { country: "ES", currency: "EUR", city: "Madrid", stateOrProvince: "M", postalCodes: ["28013", "28046"] },
  { country: "IT", currency: "EUR", city: "Milano", stateOrProvince: "MI", postalCodes: ["20121", "20124"] },
  { country: "SE", currency: "EUR", city: "Stockholm", stateOrProvince: null, postalCodes: ["111 22", "114 55"] },
  { country: "JP", currency: "JPY", city: "Tokyo", stateOrProvince: "Tokyo", postalCodes: ["100-0005", "105-0011"] },
  { country: "AU", currency: "USD", city: "Sydney", stateOrProvince: "NSW", postalCodes: ["2000", "2060"] },
];

/** Accounts whose country is spelled out: not ISO alpha-2, so the connector must refuse them. */
export const nonIsoCountries: readonly DemoCountry[] = [
  { country: "United States", currency: "USD", city: "Seattle", stateOrProvince: "WA", postalCodes: ["98101"] },
  { country: "Germany", currency: "EUR", city: "Hamburg", stateOrProvince: "HH", postalCodes: ["20095"] },
  { country: "UK", currency: "GBP", city: "Leeds", stateOrProvince: null, postalCodes: ["LS1 4AP"] },
];

export const companyNames: readonly string[] = [
  "Contoso Pharmaceuticals",
  "Fabrikam Residences",
  "Northwind Traders",
  "Adventure Works Cycles",
  "Litware Inc.",
  "Tailspin Toys",
  "Wide World Importers",
  "Woodgrove Bank",
  "Proseware Inc.",
  "Alpine Ski House",
  "Coho Winery",
  "Fourth Coffee",
  "Lamna Healthcare",
  "Relecloud",
  "Trey Research",
  "VanArsdel Ltd.",
  "Wingtip Toys",
  "Humongous Insurance",
  "Blue Yonder Airlines",
  "Margie's Travel",
  "Graphic Design Institute",
  "School of Fine Art",
  "Consolidated Messenger",
  "Southridge Video",
  "A. Datum Corporation",
  "Bellows College",
  "Best For You Organics",
  "First Up Consultants",
  "Lucerne Publishing",
  "City Power & Light",
  "Nod Publishers",
  "Northwind Health",
  "The Phone Company",
  "Tasmanian Traders",
  "Munson's Pickles and Preserves",
  "Liberty's Delightful Sweets",
  "Fabrikam Fiber",
  "Contoso Energy",
  "Woodgrove Logistics",
  "Adatum Robotics",
];

export const firstNames: readonly string[] = [
  "Ana",
  "Ben",
  "Chiara",
  "Dmitri",
  "Elif",
  "Farah",
  "Gustavo",
  "Hana",
  "Ines",
  "Jonas",
  "Kenji",
  "Lena",
  "Mateo",
  "Nadia",
  "Oskar",
  "Priya",
  "Quentin",
  "Rosa",
  "Sven",
  "Tomoko",
  "Umar",
  "Valentina",
  "Wei",
  "Yara",
  "Zoe",
];

export const lastNames: readonly string[] = [
  "Silva",
  "Okafor",
  "Rossi",
  "Petrov",
  "Yilmaz",
  "Haddad",
  "Pereira",
  "Sato",
  "García",
  "Becker",
  "Tanaka",
  "Novak",
  "López",
  "Khan",
  "Lindqvist",
  "Iyer",
  "Moreau",
  "Fernández",
  "Johansson",
  "Suzuki",
  "Ali",
  "Bianchi",
  "Chen",
  "Costa",
  "Murphy",
];

export const jobTitles: readonly string[] = [
  "Chief Information Officer",
  "IT Director",
  "Head of Data",
  "Procurement Manager",
  "VP Operations",
  "Cloud Architect",
  "Security Lead",
  "Finance Director",
];

export const dealTopics: readonly string[] = [
  "Azure migration",
  "Data platform modernisation",
  "Copilot rollout",
  "Zero-trust security",
  "Dynamics 365 Sales",
  "Analytics with Fabric",
  "SAP on Azure",
  "Contact centre renewal",
  "Warehouse automation",
  "Teams Phone",
  "Backup and disaster recovery",
  "Customer portal",
  "AI document processing",
  "Supply chain visibility",
];

/** Microsoft's default pipeline phase names, by sales stage. */
export const stepNames: readonly string[] = ["1-Qualify", "2-Develop", "3-Propose", "4-Close"];

export const solutionNames: readonly string[] = [
  "Contoso Cloud Migration Factory",
  "Contoso Secure Workplace",
  "Contoso Data Estate Modernization",
  "Contoso AI Copilot Accelerator",
  "Contoso Frontline Operations",
];

/** Currencies of the demo organization; USD is the base currency (exchange rate 1). */
export const demoCurrencies = [
  { isocurrencycode: "USD", currencyname: "US Dollar", currencysymbol: "$", exchangerate: 1, currencyprecision: 2 },
  { isocurrencycode: "EUR", currencyname: "Euro", currencysymbol: "€", exchangerate: 0.92, currencyprecision: 2 },
  {
    isocurrencycode: "GBP",
    currencyname: "Pound Sterling",
    currencysymbol: "£",
    exchangerate: 0.79,
    currencyprecision: 2,
  },
  {
    isocurrencycode: "JPY",
    currencyname: "Japanese Yen",
    currencysymbol: "¥",
    exchangerate: 151.5,
    currencyprecision: 0,
  },
] as const;
