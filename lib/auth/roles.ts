// Role names, importable from client components (no server code here).
export const roles = ["ADMIN", "LEAD", "REVIEWER", "VIEWER"] as const;
