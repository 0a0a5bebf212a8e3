import { judgeAgreementRoute } from "@/lib/studies/judge-routes";

export const GET = judgeAgreementRoute.handle;
