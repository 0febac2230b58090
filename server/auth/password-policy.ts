/** Password rules shown to the user before they submit; each failure is an i18n key. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "tooShort" | "tooLong" | "needsLetter" | "needsDigit" | "containsEmail";

export function checkPasswordStrength(password: string, email?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push("tooShort");
  if (password.length > PASSWORD_MAX_LENGTH) problems.push("tooLong");
  if (!/\p{L}/u.test(password)) problems.push("needsLetter");
  if (!/\d/.test(password)) problems.push("needsDigit");
  const localPart = email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 3 && password.toLowerCase().includes(localPart)) problems.push("containsEmail");
  return problems;
}
