// The session column shows from 1280 px up; below, the session goes under the
// root span. In a module of its own: a constant exported from a "use client"
// file reaches a server component as a client reference, not as the string.
export const sessionColumn = "hidden xl:table-cell";
