// The users service: accounts, their access attributes and roles, one verb per file.
export * from "./user-schema.ts";
export { findUser, requireUser, userById } from "./find-user.ts";
export { listUsers } from "./list-users.ts";
export { createUser } from "./create-user.ts";
export { updateUser } from "./update-user.ts";
export { setPassword } from "./set-password.ts";
export { removeUser } from "./remove-user.ts";
export { hashPassword, verifyPassword } from "./password-hash.ts";
export { readerOf } from "./reader-of.ts";
export { setOwnEmail } from "./set-own-email.ts";
