import { describe, expect, it } from "vitest";
import { checkPasswordStrength } from "@/server/auth/password-policy";

describe("password strength rules", () => {
  it.each([
    ["short1", ["tooShort"]],
    ["abcdefghijk", ["needsDigit"]],
    ["12345678901", ["needsLetter"]],
    ["пароль-надёжный-7", []],
    ["x".repeat(129) + "1", ["tooLong"]],
  ])("%s → %j", (password, problems) => {
    expect(checkPasswordStrength(password)).toEqual(problems);
  });

  it("refuses passwords built from the email's name", () => {
    expect(checkPasswordStrength("ivanov-2025-x", "Ivanov@corp.ru")).toEqual(["containsEmail"]);
    expect(checkPasswordStrength("ivanov-2025-x", "petrov@corp.ru")).toEqual([]);
  });
});
