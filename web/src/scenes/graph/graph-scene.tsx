// PLACEHOLDER scene, replaced by its real implementation.
export function GraphScene() {
  return <h1>GraphScene</h1>;
}
