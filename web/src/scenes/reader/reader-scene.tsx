// PLACEHOLDER scene, replaced by its real implementation.
export function ReaderScene() {
  return <h1>ReaderScene</h1>;
}
