import { describe, expect, it } from "vitest";
import { isPlausibleSsn, isValidNhsNumber } from "./national-id";

describe("isValidNhsNumber", () => {
  it("accepts a number whose Modulus 11 check digit matches", () => {
    // 9·10 + 4·9 + 3·8 + 4·7 + 7·6 + 6·5 + 5·4 + 9·3 + 1·2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
    expect(isValidNhsNumber("9434765919")).toBe(true);
    expect(isValidNhsNumber("943 476 5919")).toBe(true);
    expect(isValidNhsNumber("943-476-5919")).toBe(true);
  });

  it("maps a remainder of 0 to check digit 0", () => {
    // 2·10 + 1·2 = 22; 22 mod 11 = 0; 11 − 0 = 11, which is written as 0.
    expect(isValidNhsNumber("2000000010")).toBe(true);
    expect(isValidNhsNumber("2000000011")).toBe(false);
  });

  it("rejects wrong check digits, check value 10 and wrong lengths", () => {
    expect(isValidNhsNumber("9434765918")).toBe(false);
    // 1·10 + 0·9 + ... + 0·3 + 1·2 = 12 -> check 11 - 1 = 10 -> never issued.
    expect(isValidNhsNumber("1000000010")).toBe(false);
    expect(isValidNhsNumber("943476591")).toBe(false);
    expect(isValidNhsNumber("94347659190")).toBe(false);
  });
});

describe("isPlausibleSsn", () => {
  it("accepts issued-looking numbers and rejects never-issued ranges", () => {
    expect(isPlausibleSsn("123-45-6789")).toBe(true);
    expect(isPlausibleSsn("000-12-3456")).toBe(false);
    expect(isPlausibleSsn("666-12-3456")).toBe(false);
    expect(isPlausibleSsn("900-12-3456")).toBe(false);
    expect(isPlausibleSsn("123-00-4567")).toBe(false);
    expect(isPlausibleSsn("123-45-0000")).toBe(false);
    expect(isPlausibleSsn("12345678")).toBe(false);
  });
});
