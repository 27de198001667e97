import type { Metadata } from "next";
import { SandboxWorkbench } from "@/components/sandbox/sandbox-workbench";
import { sandboxStatus } from "@/lib/judge/sandbox/mode";

export const metadata: Metadata = { title: "Sandbox" };
export const dynamic = "force-dynamic";

export default function SandboxPage() {
  return <SandboxWorkbench status={sandboxStatus()} />;
}
