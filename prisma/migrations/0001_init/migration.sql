-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CustomerStatus" AS ENUM ('active', 'provisioning', 'suspended', 'deactivated');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('active', 'pending', 'inactive');

-- CreateEnum
CREATE TYPE "AdminRole" AS ENUM ('partner_full_admin', 'partner_admin', 'partner_readonly_admin', 'customer_full_admin');

-- CreateEnum
CREATE TYPE "ImportBehaviour" AS ENUM ('add_services_only', 'add_and_remove_services');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('previewed', 'queued', 'running', 'completed', 'failed', 'discarded');

-- CreateTable
CREATE TABLE "Partner" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "partnerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "nameLower" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "status" "CustomerStatus" NOT NULL DEFAULT 'active',
    "domain" TEXT NOT NULL,
    "street" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "postalCode" TEXT NOT NULL DEFAULT '',
    "country" TEXT NOT NULL DEFAULT 'SE',
    "userCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerPackageQuota" (
    "customerId" UUID NOT NULL,
    "package" TEXT NOT NULL,
    "maxUsers" INTEGER NOT NULL,

    CONSTRAINT "CustomerPackageQuota_pkey" PRIMARY KEY ("customerId","package")
);

-- CreateTable
CREATE TABLE "Location" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "customerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "postalCode" TEXT NOT NULL DEFAULT '',
    "country" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "customerId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "emailLower" TEXT NOT NULL,
    "firstName" TEXT NOT NULL DEFAULT '',
    "lastName" TEXT NOT NULL DEFAULT '',
    "displayName" TEXT NOT NULL DEFAULT '',
    "package" TEXT NOT NULL,
    "phoneNumber" TEXT,
    "extension" TEXT,
    "locationId" UUID,
    "preferredWebexSite" TEXT,
    "basicMessaging" BOOLEAN NOT NULL DEFAULT false,
    "basicSpaceMeetings" BOOLEAN NOT NULL DEFAULT false,
    "callOnWebex" BOOLEAN NOT NULL DEFAULT false,
    "status" "UserStatus" NOT NULL DEFAULT 'active',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Admin" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "AdminRole" NOT NULL,
    "partnerId" UUID,
    "customerId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Admin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminCustomerAssignment" (
    "adminId" UUID NOT NULL,
    "customerId" UUID NOT NULL,

    CONSTRAINT "AdminCustomerAssignment_pkey" PRIMARY KEY ("adminId","customerId")
);

-- CreateTable
CREATE TABLE "Session" (
    "tokenHash" TEXT NOT NULL,
    "adminId" UUID NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "customerId" UUID NOT NULL,
    "actorId" UUID,
    "actorEmail" TEXT NOT NULL,
    "userId" UUID,
    "userEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "importId" UUID,
    "rowNumber" INTEGER,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Import" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "customerId" UUID NOT NULL,
    "createdById" UUID,
    "createdByEmail" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "behaviour" "ImportBehaviour" NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'previewed',
    "applyValidRowsOnly" BOOLEAN NOT NULL DEFAULT false,
    "headers" JSONB NOT NULL,
    "delimiter" TEXT NOT NULL DEFAULT ',',
    "totalRows" INTEGER NOT NULL,
    "counts" JSONB NOT NULL,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "heartbeatAt" TIMESTAMPTZ(3),
    "failureReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "importId" UUID NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "messages" JSONB NOT NULL,
    "cells" JSONB NOT NULL,
    "applied" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("importId","rowNumber")
);

-- CreateIndex
CREATE INDEX "Customer_partnerId_nameLower_id_idx" ON "Customer"("partnerId", "nameLower", "id");

-- CreateIndex
CREATE INDEX "Customer_partnerId_createdAt_id_idx" ON "Customer"("partnerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Customer_partnerId_userCount_id_idx" ON "Customer"("partnerId", "userCount", "id");

-- CreateIndex
CREATE INDEX "Customer_partnerId_status_nameLower_id_idx" ON "Customer"("partnerId", "status", "nameLower", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_partnerId_externalId_key" ON "Customer"("partnerId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Location_customerId_name_key" ON "Location"("customerId", "name");

-- CreateIndex
CREATE INDEX "User_customerId_lastName_firstName_id_idx" ON "User"("customerId", "lastName", "firstName", "id");

-- CreateIndex
CREATE INDEX "User_customerId_package_idx" ON "User"("customerId", "package");

-- CreateIndex
CREATE INDEX "User_customerId_status_idx" ON "User"("customerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "User_customerId_emailLower_key" ON "User"("customerId", "emailLower");

-- CreateIndex
CREATE UNIQUE INDEX "User_customerId_phoneNumber_key" ON "User"("customerId", "phoneNumber");

-- CreateIndex
CREATE UNIQUE INDEX "User_locationId_extension_key" ON "User"("locationId", "extension");

-- CreateIndex
CREATE UNIQUE INDEX "Admin_email_key" ON "Admin"("email");

-- CreateIndex
CREATE INDEX "AdminCustomerAssignment_customerId_idx" ON "AdminCustomerAssignment"("customerId");

-- CreateIndex
CREATE INDEX "Session_adminId_idx" ON "Session"("adminId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditEvent_customerId_createdAt_id_idx" ON "AuditEvent"("customerId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "AuditEvent_customerId_userId_createdAt_idx" ON "AuditEvent"("customerId", "userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Import_customerId_createdAt_idx" ON "Import"("customerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Import_status_idx" ON "Import"("status");

-- CreateIndex
CREATE INDEX "ImportRow_importId_outcome_rowNumber_idx" ON "ImportRow"("importId", "outcome", "rowNumber");

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerPackageQuota" ADD CONSTRAINT "CustomerPackageQuota_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Location" ADD CONSTRAINT "Location_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Admin" ADD CONSTRAINT "Admin_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Admin" ADD CONSTRAINT "Admin_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminCustomerAssignment" ADD CONSTRAINT "AdminCustomerAssignment_adminId_fkey" FOREIGN KEY ("adminId") REFERENCES "Admin"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdminCustomerAssignment" ADD CONSTRAINT "AdminCustomerAssignment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_adminId_fkey" FOREIGN KEY ("adminId") REFERENCES "Admin"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Import" ADD CONSTRAINT "Import_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: at most one import per customer may be queued or running (spec §6). Prisma's
-- schema language cannot express a partial unique index, so it lives only here.
CREATE UNIQUE INDEX "Import_one_active_per_customer" ON "Import"("customerId") WHERE "status" IN ('queued', 'running');
