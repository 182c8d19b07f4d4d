import { fillTemplate, type Customer } from "./customer-profile";
import type { Random } from "./random";
import type { SupportTopic, ToolName } from "./support-topic";

type JsonSchema = {
  type: "object";
  properties: Record<string, { type: string; description?: string; enum?: string[] }>;
  required: string[];
};

type ToolDefinition = { description: string; parameters: JsonSchema };

// What the demo assistant can call; the same definitions go to the model in `llm.tools`.
export const TOOL_DEFINITIONS: Record<ToolName, ToolDefinition> = {
  lookup_order: {
    description: "Look up an order and its payments in the billing system.",
    parameters: {
      type: "object",
      properties: { order_id: { type: "string", description: "Order number, e.g. ORD-123456" } },
      required: ["order_id"],
    },
  },
  check_service_status: {
    description: "Current status and open incidents of an Acme Cloud service in a region.",
    parameters: {
      type: "object",
      properties: {
        service: { type: "string", enum: ["dashboard", "api", "webhooks", "exports"] },
        region: { type: "string" },
      },
      required: ["service", "region"],
    },
  },
  create_ticket: {
    description: "Open a ticket for the human support team.",
    parameters: {
      type: "object",
      properties: {
        subject: { type: "string" },
        queue: { type: "string", enum: ["billing", "account", "platform"] },
        priority: { type: "string", enum: ["low", "normal", "high"] },
        customer_email: { type: "string" },
      },
      required: ["subject", "queue", "customer_email"],
    },
  },
};

export type ToolCall = {
  name: ToolName;
  callId: string;
  args: Record<string, unknown>;
  result: Record<string, unknown>;
};

/** The arguments the model passes and what the tool answers, consistent with the customer. */
export function callDemoTool(
  random: Random,
  name: ToolName,
  customer: Customer,
  topic: SupportTopic,
  at: Date,
): ToolCall {
  const callId = `call_${random.hex(24)}`;
  switch (name) {
    case "lookup_order": {
      const charge = () => ({ id: `ch_${random.hex(14)}`, amount: customer.amount, status: "succeeded" });
      return {
        name,
        callId,
        args: { order_id: customer.order },
        result: {
          order_id: customer.order,
          customer_email: customer.email,
          plan: customer.plan,
          seats: Number(customer.seats),
          invoice: customer.invoice,
          charges: [
            { ...charge(), created: customer.chargeDate },
            { ...charge(), created: customer.chargeDate },
          ],
        },
      };
    }
    case "check_service_status":
      return {
        name,
        callId,
        args: { service: "dashboard", region: customer.region },
        result: {
          service: "dashboard",
          region: customer.region,
          status: "degraded",
          incident: {
            id: customer.incident,
            started_at: new Date(at.getTime() - random.int(5, 90) * 60_000).toISOString(),
            summary: "Elevated 502 errors on the dashboard load balancer; mitigation in progress.",
          },
          other_services: { api: "operational", webhooks: "operational", exports: "operational" },
        },
      };
    case "create_ticket": {
      const priority = topic.queue === "platform" ? "high" : "normal";
      return {
        name,
        callId,
        args: {
          subject: fillTemplate(topic.subject, customer),
          queue: topic.queue,
          priority,
          customer_email: customer.email,
        },
        result: {
          ticket_id: customer.ticket,
          status: "open",
          queue: topic.queue,
          priority,
          first_response_eta_hours: 24,
        },
      };
    }
  }
}
