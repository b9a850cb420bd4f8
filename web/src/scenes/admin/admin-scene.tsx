// PLACEHOLDER scene, replaced by its real implementation.
export function AdminScene() {
  return <h1>AdminScene</h1>;
}
