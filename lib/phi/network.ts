import { groupMatches } from "./regex";
import type { PhiCandidate } from "./types";

// A scheme or "www." makes any address a URL; bare domains need a path so "e.g." and "3.5" stay out.
const URL_WITH_SCHEME = /\b(?:https?|ftp):\/\/[^\s<>"'()[\]]+[^\s<>"'()[\].,;:!?]/gi;
const URL_WWW = /(?<![\w@./-])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s<>"'()[\]]*[^\s<>"'()[\].,;:!?])?/gi;
const URL_BARE_WITH_PATH =
  /(?<![\w@./:-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|uk|io|info|health|nhs\.uk)\/[^\s<>"'()[\]]*[^\s<>"'()[\].,;:!?]/gi;

// Dotted quads with every octet 0–255; "v1.2.3.4" and longer dotted runs (OIDs) are not addresses.
const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(String.raw`(?<![\w.]|[vV]\s?)${OCTET}(?:\.${OCTET}){3}(?![\w]|\.\d)`, "g");
// IPv6 with at least three groups and one letter-or-colon compression, so clock times stay out.
const IPV6 = /(?<![\w:])(?:[0-9a-f]{1,4}:){2,7}(?::|(?::[0-9a-f]{1,4}){1,6}|[0-9a-f]{1,4})(?![\w:])/gi;

// A bare domain with a common top-level domain: "clinic.example.com" (e-mails win their overlap).
const URL_BARE_DOMAIN =
  /(?<![\w@./:-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|io|info|health|co\.uk|org\.uk|nhs\.uk|ac\.uk)(?![\w@-]|\.\w)/gi;

export function detectNetwork(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const pattern of [URL_WITH_SCHEME, URL_WWW, URL_BARE_WITH_PATH, URL_BARE_DOMAIN]) {
    for (const { start, end } of groupMatches(pattern, text)) {
      found.push({ kind: "url", start, end, confidence: "high", priority: 98 });
    }
  }
  for (const { start, end } of groupMatches(IPV4, text)) {
    // "version 10.2.1.4" and "build 1.0.0.12" are software versions.
    if (/\b(?:version|ver\.?|v|build|release)\s*$/i.test(text.slice(Math.max(0, start - 12), start)))
      continue;
    found.push({ kind: "ip_address", start, end, confidence: "high", priority: 92 });
  }
  for (const { start, end, value } of groupMatches(IPV6, text)) {
    // Require hex letters or a "::" so that "10:30:45" (a time) is not an address.
    if (!/[a-f]|::/i.test(value) || value.split(":").length < 4) continue;
    found.push({ kind: "ip_address", start, end, confidence: "high", priority: 92 });
  }
  return found;
}
