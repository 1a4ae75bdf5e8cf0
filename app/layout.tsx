import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { TrpcProvider } from "@/components/trpc/TrpcProvider";

export const metadata: Metadata = {
  title: "Siting Atlas",
  description: "Open decision tool for siting hyperscale AI data centers",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TrpcProvider>{children}</TrpcProvider>
      </body>
    </html>
  );
}
