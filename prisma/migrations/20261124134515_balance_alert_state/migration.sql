-- CreateTable
CREATE TABLE "BalanceAlertState" (
    "connectionId" TEXT NOT NULL,
    "episode" INTEGER NOT NULL DEFAULT 1,
    "low" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BalanceAlertState_pkey" PRIMARY KEY ("connectionId")
);

-- AddForeignKey
ALTER TABLE "BalanceAlertState" ADD CONSTRAINT "BalanceAlertState_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CloudConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
