// Points the app's own env module at this run's database before any test imports a service.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-secret-integration-secret-0123";
process.env.LOG_LEVEL ??= "silent";
