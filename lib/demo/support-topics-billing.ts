import type { SupportTopic } from "./support-topic";

export const BILLING_TOPICS: readonly SupportTopic[] = [
  {
    id: "duplicate-charge",
    queue: "billing",
    subject: "Duplicate charge on order {order}",
    turns: [
      {
        ask: [
          "I was charged twice for our {plan} plan this month (order {order}). Can I get a refund for the second charge?",
          "My card shows two payments of {amount} from Acme Cloud on {chargeDate}. Order number is {order}. Why?",
        ],
        answer: "I looked up order {order}: there are two settled charges of {amount} on {chargeDate}, so this is a real duplicate and not a temporary bank hold. The second charge qualifies for a full refund under our refund policy. It will go back to the card you paid with.",
        articles: ["kb-duplicate-charges", "kb-refund-policy"],
        tool: "lookup_order",
      },
      {
        ask: ["How long until the money is back on my card?", "When will I see the refund?"],
        answer: "Refunds to the original payment method usually appear within 5–10 business days; the exact timing depends on your bank. You'll get an email receipt for the refund as soon as it's issued on our side.",
        articles: ["kb-refund-policy"],
      },
      {
        ask: [
          "Can you make sure someone from finance actually processes it? I don't want this to get lost.",
          "Please open a ticket for this so I have a reference number.",
        ],
        answer: "Done — I opened ticket {ticket} with our billing team for the duplicate charge on order {order}. They'll confirm by email to {email} once the refund is issued, normally within one business day.",
        articles: ["kb-refund-policy", "kb-billing-contacts"],
        tool: "create_ticket",
      },
      {
        ask: ["Will this show up as a credit note on our next invoice?"],
        answer: "No, a refund to your card is separate from your invoices, so your next invoice will be the normal amount. The refund receipt is attached to invoice {invoice} in Billing → Invoices for your records.",
        articles: ["kb-invoices-download", "kb-refund-policy"],
      },
    ],
  },
  {
    id: "invoices",
    queue: "billing",
    subject: "Invoice changes for {company}",
    turns: [
      {
        ask: ["Where can I download our invoices?", "Our accountant needs PDFs of all invoices for this year. Where do I find them?"],
        answer: "Owners and billing admins can download every invoice as a PDF from Billing → Invoices. Each one lists the plan, seats, usage and taxes for its period, and receipts are attached once a payment succeeds.",
        articles: ["kb-invoices-download"],
      },
      {
        ask: ["We forgot to add our VAT number. Can it be added to past invoices?", "Can you put our VAT ID on invoice {invoice}?"],
        answer: "Add the VAT ID under Billing → Company details and it will appear on all new invoices. Issued invoices can't be edited, but support can reissue invoices from the last 90 days with the VAT ID — invoice {invoice} is within that window, so I can request that for you.",
        articles: ["kb-tax-ids"],
      },
      {
        ask: ["Can the invoices go to finance@{domain} instead of me?"],
        answer: "Yes. Under Billing → Contacts you can add up to five billing contacts, such as finance@{domain}. They'll receive invoices, receipts and failed-payment notices, and they don't need an Acme Cloud seat.",
        articles: ["kb-billing-contacts"],
      },
    ],
  },
  {
    id: "plan-upgrade",
    queue: "billing",
    subject: "Plan change question from {company}",
    turns: [
      {
        ask: ["What's the difference between Team and Business?", "Is Business worth it for a team of {seats}, or should we stay on Team?"],
        answer: "Business adds SAML SSO and SCIM provisioning, raises the API limit from 600 to 3,000 requests per minute, and includes a 99.9% uptime SLA with priority support. It's $29 per seat per month compared with $12 on Team.",
        articles: ["kb-plan-comparison"],
      },
      {
        ask: ["If we upgrade in the middle of the month, how is that billed?", "Do we pay the full month if we switch today?"],
        answer: "Upgrades take effect immediately and you're charged a prorated amount for the rest of the current billing period. From the next invoice on you pay the Business price for your {seats} seats.",
        articles: ["kb-proration"],
      },
      {
        ask: ["And if it doesn't work out, can we go back down later?"],
        answer: "Yes, you can downgrade at any time. A downgrade takes effect at the end of the current billing period, so you keep Business features until then; there's no partial refund for the rest of that period.",
        articles: ["kb-proration", "kb-plan-comparison"],
      },
      {
        ask: ["Do viewers count as seats on Business?"],
        answer: "No — viewers are free on Team and Business. Only members and admins use paid seats.",
        articles: ["kb-invite-members", "kb-plan-comparison"],
      },
    ],
  },
  {
    id: "cancel-subscription",
    queue: "billing",
    subject: "Cancellation request from {company}",
    turns: [
      {
        ask: ["How do I cancel our subscription?", "We're moving to another vendor. How do we cancel?"],
        answer: "The account owner can cancel under Billing → Plan → Cancel subscription. Your workspace stays fully active until the end of the paid period and then becomes read-only.",
        articles: ["kb-cancel-subscription"],
      },
      {
        ask: ["What happens to our data after that?", "Will our projects be deleted right away?"],
        answer: "Nothing is deleted right away. The workspace is read-only for 30 days so you can export everything; after that, data is scheduled for deletion and removed from backups within another 60 days. Invoices are kept for 10 years for accounting.",
        articles: ["kb-data-retention", "kb-data-export"],
      },
      {
        ask: ["We paid annually in advance. Can we get the unused months refunded?"],
        answer: "Annual plans are refunded in full only when cancelled within 14 days of purchase. After that, unused months are returned as account credit rather than cash. If you think your situation is an exception, I can open a ticket for the billing team.",
        articles: ["kb-refund-policy", "kb-cancel-subscription"],
      },
    ],
  },
];
