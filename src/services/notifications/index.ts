// The notifications service: what users are told of (clearances asked and decided, releases, NIACT alerts that
// reached nobody, saved-search matches), kept in one store for the app's list, sent live, and mailed where
// configured. Each user sees only their own, and only what they may see now.
export * from "./notification.ts";
export { notify, type NewNotification, type NotifiedAbout, type NotifyDeps } from "./notify.ts";
export { listNotifications } from "./list-notifications.ts";
export { markNotificationsRead } from "./mark-notifications-read.ts";
export { mailNotification, notificationMail, type Mailer, type NotificationMail } from "./notification-mail.ts";
export { notificationText } from "./notification-text.ts";
