/** moneySchema's pattern (money.test.ts checks both agree), without zod in the page. */
const AMOUNT = /^\d{1,10}(\.\d{1,2})?$/;

/**
 * What a broker types in a money field ("450 000,50", "450000.5 $", "") as the API's decimal
 * string ("450000.50"), null for an empty field, or undefined when it is not an amount.
 * Amounts stay strings end to end: no float ever rounds a price.
 */
export function parseMoneyInput(input: string): string | null | undefined {
  const compact = input.replace(/[\s\u00a0\u202f$]/g, "").replace(",", ".");
  if (compact === "") return null;
  if (!AMOUNT.test(compact)) return undefined;
  const [units, cents = ""] = compact.split(".");
  return `${BigInt(units!).toString()}.${cents.padEnd(2, "0")}`;
}
