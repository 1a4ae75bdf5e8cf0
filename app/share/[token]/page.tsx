import { Workspace } from "@/components/workspace/Workspace";

/** A project opened read-only by its share token. */
export default async function SharedProject({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <Workspace shareToken={token} />;
}
