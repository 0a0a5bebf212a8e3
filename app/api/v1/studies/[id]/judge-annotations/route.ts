import { importJudgeRoute } from "@/lib/studies/judge-routes";

export const POST = importJudgeRoute.handle;
