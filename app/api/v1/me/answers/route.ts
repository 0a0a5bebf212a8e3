import { myAnswersRoute } from "@/lib/my-answers/my-answers-route";

export const GET = myAnswersRoute.handle;
