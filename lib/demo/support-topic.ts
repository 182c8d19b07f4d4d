// The shape of a scripted support conversation. Texts may hold {placeholders}
// that are filled from the customer of the session (see customer-profile.ts).

export type ToolName = "lookup_order" | "check_service_status" | "create_ticket";

export type SupportTurn = {
  /** Ways the customer phrases this message; one is picked per turn. */
  ask: readonly string[];
  answer: string;
  /** Help-center articles that answer the message, best first. */
  articles: readonly string[];
  /** A tool the assistant calls before answering. */
  tool?: ToolName;
};

export type SupportTopic = {
  id: string;
  queue: "billing" | "account" | "platform";
  /** Ticket subject when the assistant escalates. */
  subject: string;
  /** Follow-ups in the order a customer would ask them. */
  turns: readonly SupportTurn[];
};
