// PLACEHOLDER scene, replaced by its real implementation.
export function ComposerScene() {
  return <h1>ComposerScene</h1>;
}
