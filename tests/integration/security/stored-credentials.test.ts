import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { decryptCredentials, encryptCredentials } from "@/server/security/credentials-cipher";
import { createUserWithOrganization } from "../helpers/test-callers";

describe("provider credentials at rest", () => {
  it("are stored encrypted, never as plaintext, and decrypt back", async () => {
    const { organization } = await createUserWithOrganization();
    const secret = { username: "service-user", password: "Sup3r-Secret-Pa$$", accountId: "123456" };
    const { encrypted, keyId } = encryptCredentials(secret);
    const connection = await db.cloudConnection.create({
      data: { organizationId: organization.id, providerId: "selectel", name: "prod", encryptedCredentials: encrypted, credentialsKeyId: keyId },
    });
    const [raw] = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(c)::text AS row FROM "CloudConnection" c WHERE id = ${connection.id}`;
    expect(raw!.row).not.toContain("Sup3r-Secret-Pa$$");
    expect(raw!.row).not.toContain("service-user");
    expect(raw!.row).toContain(`v1:${keyId}:`);
    expect(decryptCredentials(connection.encryptedCredentials)).toEqual(secret);
  });
});
