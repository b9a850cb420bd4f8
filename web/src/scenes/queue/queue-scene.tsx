// PLACEHOLDER scene, replaced by its real implementation.
export function QueueScene() {
  return <h1>QueueScene</h1>;
}
