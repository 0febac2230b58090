import { AppError } from "../../api/app-error";

/**
 * The demo organization is shared by every visitor: they may look and press "Sync now", but not add, change or
 * delete connections (which would break the demo for others, or point the server at arbitrary URLs).
 */
export function assertConnectionsEditable(isDemo: boolean): void {
  if (isDemo) throw new AppError("FORBIDDEN", "connections.errors.demoReadOnly");
}
