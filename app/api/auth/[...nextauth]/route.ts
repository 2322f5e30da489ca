import { withBodyLimit } from "@/server/api/http/body-limit";
import { handlers } from "@/server/auth/auth";

/** The sign-in form is an email, a password and a CSRF token: anything near this size is not one. */
const AUTH_MAX_BODY_BYTES = 64 * 1024;

export const { GET } = handlers;
export const POST = withBodyLimit(handlers.POST, AUTH_MAX_BODY_BYTES);
