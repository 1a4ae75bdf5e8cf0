import { Workspace } from "@/components/workspace/Workspace";

export default function Home() {
  return <Workspace />;
}
