/**
 * ISO 3166-1 alpha-2 country codes that are officially assigned (249 of them): exceptionally reserved,
 * transitional and user-assigned codes such as UK, EU or XK are not valid country codes for Partner Center, which wants
 * "ISO 3166 2-letter country code" (shared/reference/partner-center.md §1.3).
 *
 * Written the way the standard's own code table is laid out, one row per first letter: the letter, then the second
 * letters of the codes that start with it ("A DEF" is AD, AE and AF). Half the size of a list of codes, which matters
 * to the form's script, which carries this set.
 */
const codesByFirstLetter = [
  "A DEFGILMOQRSTUWXZ",
  "B ABDEFGHIJLMNOQRSTVWYZ",
  "C ACDFGHIKLMNORUVWXYZ",
  "D EJKMOZ",
  "E CEGHRST",
  "F IJKMOR",
  "G ABDEFGHILMNPQRSTUWY",
  "H KMNRTU",
  "I DELMNOQRST",
  "J EMOP",
  "K EGHIMNPRWYZ",
  "L ABCIKRSTUVY",
  "M ACDEFGHKLMNOPQRSTUVWXYZ",
  "N ACEFGILOPRUZ",
  "O M",
  "P AEFGHKLMNRSTWY",
  "Q A",
  "R EOSUW",
  "S ABCDEGHIJKLMNORSTVXYZ",
  "T CDFGHJKLMNORTVWZ",
  "U AGMSYZ",
  "V ACEGINU",
  "W FS",
  "Y ET",
  "Z AMW",
];

function codesOf(rows: readonly string[]): Set<string> {
  const codes = new Set<string>();
  for (const row of rows) {
    for (let index = 2; index < row.length; index += 1) codes.add(row.charAt(0) + row.charAt(index));
  }
  return codes;
}

export const iso3166Alpha2Codes: ReadonlySet<string> = codesOf(codesByFirstLetter);
