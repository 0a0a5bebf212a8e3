import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

type TCtx = { params: Promise<{ nextauth: string[] }> };

const handler = (req: Request, ctx: TCtx) =>
  NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;

export { handler as GET, handler as POST };
