import { setStudyRatersRoute } from "@/lib/studies/raters-route";

export const PUT = setStudyRatersRoute.handle;
