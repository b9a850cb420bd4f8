// PLACEHOLDER scene, replaced by its real implementation.
export function InboxScene() {
  return <h1>InboxScene</h1>;
}
