// PLACEHOLDER scene, replaced by its real implementation.
export function ActionsScene() {
  return <h1>ActionsScene</h1>;
}
