"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button
      variant="secondary"
      className="px-3 py-1"
      onClick={() => void signOut({ callbackUrl: "/signin" })}
    >
      Sign out
    </Button>
  );
}
