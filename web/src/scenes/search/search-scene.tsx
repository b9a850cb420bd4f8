// PLACEHOLDER scene, replaced by its real implementation.
export function SearchScene() {
  return <h1>SearchScene</h1>;
}
