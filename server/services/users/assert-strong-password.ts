import { AppError } from "../../api/app-error";
import { checkPasswordStrength, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../auth/password-policy";

export function assertStrongPassword(password: string, email?: string): void {
  const [problem] = checkPasswordStrength(password, email);
  if (problem) throw new AppError("BAD_REQUEST", `password.${problem}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
}
