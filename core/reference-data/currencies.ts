/**
 * Active ISO 4217 currency codes in which a deal can be valued (156 of them). Withdrawn codes (HRK, ANG, SLL,
 * ZWL, CUC), fund codes and special drawing rights are left out: Partner Center wants "an ISO 4217 code" for
 * details.currency (shared/reference/partner-center.md §1.3).
 */
export const iso4217CurrencyCodes: ReadonlySet<string> = new Set(
  [
    "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD",
    "CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP",
    "GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD",
    "KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN",
    "NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP",
    "SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES",
    "VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG",
  ]
    .join(" ")
    .split(" "),
);
