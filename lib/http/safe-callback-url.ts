/** Only same-site paths: an attacker-supplied callbackUrl must not redirect off the app. */
export function safeCallbackUrl(value: string | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
