// What the global setup hands to the tests (vitest's provide/inject), typed for both sides.
declare module "vitest" {
  export interface ProvidedContext {
    /** The folder holding this run's build of the web app. */
    webRoot: string;
  }
}

export {};
