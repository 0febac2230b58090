-- CreateTable
CREATE TABLE "SyncLease" (
    "connectionId" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "syncRunId" TEXT,
    "acquiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncLease_pkey" PRIMARY KEY ("connectionId")
);

-- CreateTable
CREATE TABLE "SyncArtifact" (
    "syncRunId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncArtifact_pkey" PRIMARY KEY ("syncRunId","key")
);

-- AddForeignKey
ALTER TABLE "SyncLease" ADD CONSTRAINT "SyncLease_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CloudConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncArtifact" ADD CONSTRAINT "SyncArtifact_syncRunId_fkey" FOREIGN KEY ("syncRunId") REFERENCES "SyncRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
