import type { PrismaClient } from "@/lib/generated/prisma/client";

/** A client to run on: the app's db() by default; tests pass their own to act as another instance. */
export type TQueueClient = PrismaClient;

export type TClaim = { assignmentId: string; itemId: string; resumed: boolean; leaseExpiresAt: Date };

export type TQueueProgress = {
  items: number;
  slots: number;
  claimedSlots: number;
  completedSlots: number;
  completeItems: number;
  perUser: { userId: string; submitted: number; leased: number }[];
};
