// Sites: headquarters and posts as separate nodes, store-and-forward over NATS JetStream.
export { hubConfig, hubPermissions, leafConfig, type SiteCredentials } from "./nats-config.ts";
export { startLocalNetwork, NATS_SERVER, type LocalNetwork, type LocalSite } from "./local-network.ts";
export { queueSiteCopies, type CopyPayload } from "./queue-site-copies.ts";
export { applyReceipts, helloFor, type Receipt, type ReceiptItem } from "./receipts.ts";
export { loadSitePlan, saveSitePlan } from "./site-plan-store.ts";
export { siteSettingsFromEnv, type SiteSettings } from "./site-settings.ts";
export { startSiteNode, type SiteNode, type SiteNodeOptions } from "./site-node.ts";
export { storeArrivals } from "./store-arrivals.ts";
