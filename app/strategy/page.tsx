import { StrategyWorkspace } from "@/components/strategy/StrategyWorkspace";

export default function StrategyPage() {
  return <StrategyWorkspace />;
}
