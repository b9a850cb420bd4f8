// Users: their roles, clearance and accesses, as zod schemas for input and the shape the API shows.
import { z } from "zod";
import { CLASSIFICATIONS, type Classification } from "../../core/index.ts";
import { ROLES, type Role } from "../../core/roles.ts";
import { EVERYTHING } from "../access/reader.ts";
import { passwordWeakness } from "./password-strength.ts";

// The roles are the domain's, shared with the web app; users and the services that check them take them from here.
export { hasRole, ROLES, type Role } from "../../core/roles.ts";

/** A user as services and the API see them. Never carries the password hash. */
export type User = {
  id: string;
  username: string;
  clearance: Classification;
  /** Caveat accesses: `NOFORN` for nationals. */
  accesses: string[];
  /** Named distribution lists that open NODIS/EXDIS/LIMDIS cables: `NODIS-KOSOVO`. */
  lists: string[];
  roles: Role[];
  /** Home post station: `STATE`, `PARIS`; null when none. */
  post: string | null;
  /** Offices the user works in: `EUR/SCE`. */
  offices: string[];
  /** Whether the user can sign in with a password (token-only users cannot). */
  hasPassword: boolean;
  /** Where notifications are mailed when SMTP is configured; null for none. */
  email: string | null;
  createdAt: string;
  updatedAt: string;
};

// `*` is the system reader's see-everything marker: held by a user it would open every caveat, list or office.
const upperList = z.array(
  z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine((s) => s !== EVERYTHING, `'${EVERYTHING}' is reserved for the system; name each access, list or office`)
    .transform((s) => s.toUpperCase()),
);

/** Usernames: lower case letters, digits, `.`, `_`, `-`; 2 to 64 characters; compared case-insensitively. */
export const UsernameSchema = z
  .string()
  .trim()
  .transform((s) => s.toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, "2-64 letters, digits, '.', '_' or '-'"));

/**
 * Passwords: 8 to 1024 characters (long passphrases welcome, unbounded input is not), and not guessable: common
 * and breached passwords are refused with zxcvbn's advice (see password-strength.ts).
 */
export const PasswordSchema = z
  .string()
  .min(8, "at least 8 characters")
  .max(1024)
  .superRefine((password, ctx) => {
    // The length rule already failed: one message is enough, and zxcvbn on 1 MB of input is not cheap.
    if (password.length < 8 || password.length > 1024) return;
    const weakness = passwordWeakness(password);
    if (weakness) ctx.addIssue({ code: "custom", message: weakness });
  });

/**
 * An e-mail address for notifications, or null for none: trimmed, an empty one is none, at most 254 characters.
 * @example EmailSchema.parse(" dana@state.example ") // "dana@state.example"
 */
export const EmailSchema = z
  .string()
  .trim()
  .transform((s) => (s === "" ? null : s))
  .pipe(z.email("an e-mail address such as name@example.org").max(254, "at most 254 characters").nullable())
  .nullable()
  .transform((s) => s ?? null);

/** What can be set on a user, when creating or changing one. */
export const UserFieldsSchema = z.object({
  clearance: z
    .string()
    .transform((s) => s.trim().toUpperCase().replace(/\s+/g, " "))
    .pipe(z.enum(CLASSIFICATIONS)),
  accesses: upperList,
  lists: upperList,
  roles: z.array(z.enum(ROLES)),
  /** A post by PLAD or station; stored as its station. */
  post: z.string().trim().min(1).nullable(),
  offices: upperList,
  email: EmailSchema,
});
export type UserFields = z.input<typeof UserFieldsSchema>;

/** A new user: a name, fields (defaults: UNCLASSIFIED reader, no accesses) and an optional password. */
export const NewUserSchema = UserFieldsSchema.partial().extend({
  username: UsernameSchema,
  password: PasswordSchema.nullable().optional(),
});
export type NewUser = z.input<typeof NewUserSchema>;
