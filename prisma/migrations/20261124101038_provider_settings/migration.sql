-- CreateTable
CREATE TABLE "ProviderSetting" (
    "providerId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "displayOrder" INTEGER NOT NULL,
    "defaultSyncIntervalMinutes" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "ProviderSetting_pkey" PRIMARY KEY ("providerId")
);
