import type { Metadata } from "next";
import localFont from "next/font/local";
import { QueryProvider } from "@/components/data/query-provider";
import "./globals.css";

// Served from the app itself: no external font host, so it works on air-gapped networks.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

// Every page is rendered per request: the CSP nonce, the session and the demo banner are all per request.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "ClinReview", template: "%s · ClinReview" },
  description: "Clinician review of medical instruction data and blinded model comparisons",
  robots: { index: false, follow: false },
  // Served from public/: browsers ask for /favicon.ico on every page, and offline hospitals have no CDN.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
  },
  manifest: "/manifest.webmanifest",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
