-- CreateTable
CREATE TABLE "UnrecognizedResourceSighting" (
    "id" TEXT NOT NULL,
    "unrecognizedResourceId" TEXT NOT NULL,
    "syncRunId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,
    "monthlyCost" DECIMAL(18,2),
    "currency" CHAR(3),

    CONSTRAINT "UnrecognizedResourceSighting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnrecognizedResourceSighting_unrecognizedResourceId_seenAt_idx" ON "UnrecognizedResourceSighting"("unrecognizedResourceId", "seenAt");

-- CreateIndex
CREATE UNIQUE INDEX "UnrecognizedResourceSighting_unrecognizedResourceId_syncRun_key" ON "UnrecognizedResourceSighting"("unrecognizedResourceId", "syncRunId");

-- CreateIndex
CREATE INDEX "UnrecognizedResource_providerId_inferredType_idx" ON "UnrecognizedResource"("providerId", "inferredType");

-- AddForeignKey
ALTER TABLE "UnrecognizedResourceSighting" ADD CONSTRAINT "UnrecognizedResourceSighting_unrecognizedResourceId_fkey" FOREIGN KEY ("unrecognizedResourceId") REFERENCES "UnrecognizedResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rows found before this table existed keep their counter; their history starts with the last run that saw them.
INSERT INTO "UnrecognizedResourceSighting" ("id", "unrecognizedResourceId", "syncRunId", "seenAt", "monthlyCost", "currency")
SELECT 'backfill_' || "id", "id", COALESCE("rawBilling"->>'syncRunId', 'unknown'), "lastSeenAt", "monthlyCost", "currency"
FROM "UnrecognizedResource";
