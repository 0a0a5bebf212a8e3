// Run by `npm start` in demo mode (with the react-server condition, as app server code expects).
import { seedDemo } from "../lib/demo/seed-demo";
import { db } from "../lib/db/prisma";

seedDemo()
  .then(async ({ created }) => {
    if (created) console.log(`Created ${created} demo accounts.`);
    await db().$disconnect();
  })
  .catch((err: unknown) => {
    console.error("Demo seeding failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  });
