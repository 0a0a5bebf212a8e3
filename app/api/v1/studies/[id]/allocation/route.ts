import { studyAllocationRoute } from "@/lib/studies/study-routes";

export const PUT = studyAllocationRoute.handle;
