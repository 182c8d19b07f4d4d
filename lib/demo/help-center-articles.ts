// The imaginary Acme Cloud help center that the demo support bot retrieves from.
// One chunk per article keeps document ids stable and readable.

export type HelpArticle = {
  id: string;
  category: "billing" | "account" | "platform";
  title: string;
  content: string;
};

const article = (id: string, category: HelpArticle["category"], title: string, content: string): HelpArticle => ({
  id,
  category,
  title,
  content,
});

export const HELP_ARTICLES: readonly HelpArticle[] = [
  article("kb-refund-policy", "billing", "Refund policy",
    "Acme Cloud refunds duplicate or mistaken charges in full. Refunds go back to the original payment method and usually appear within 5–10 business days, depending on your bank. Annual plans cancelled within 14 days of purchase are refunded in full; after that, unused months are returned as account credit rather than cash. Usage-based overages are not refundable once the billing period has closed."),
  article("kb-duplicate-charges", "billing", "Why do I see two charges?",
    "A second charge for the same amount is most often a temporary authorization hold placed by your bank when a card is updated or a payment is retried; holds disappear on their own within 3 business days. If both charges show as settled on your statement, open Billing → Payments, find the order and choose Report a problem, or ask support with the order number so we can refund the duplicate."),
  article("kb-invoices-download", "billing", "Downloading invoices and receipts",
    "Owners and billing admins can download every invoice as PDF from Billing → Invoices. Each invoice lists the plan, seat count, usage charges and taxes for its period. Receipts are generated when a payment succeeds and are attached to the invoice. Invoices older than 24 months can be requested from support."),
  article("kb-tax-ids", "billing", "Adding a VAT or tax ID",
    "Add your VAT, GST or other tax ID under Billing → Company details. New invoices will show the tax ID and, for EU reverse-charge customers, zero VAT. Already issued invoices cannot be edited, but support can reissue invoices from the last 90 days with the tax ID added."),
  article("kb-billing-contacts", "billing", "Billing contacts and invoice emails",
    "By default invoices are emailed to the account owner. Under Billing → Contacts you can add up to five billing contacts, such as a shared finance mailbox; each receives invoices, receipts and failed-payment notices. Billing contacts do not need an Acme Cloud seat."),
  article("kb-plan-comparison", "billing", "Comparing plans",
    "Starter ($19/month) includes 3 projects, 60 API requests per minute and community support. Team ($12 per seat/month) adds unlimited projects, 600 requests per minute, audit logs for 30 days and email support. Business ($29 per seat/month) adds SAML SSO, SCIM provisioning, 3,000 requests per minute, a 99.9% uptime SLA and priority support. Enterprise adds custom limits, data residency and a named account manager."),
  article("kb-proration", "billing", "How upgrades and downgrades are billed",
    "Upgrades take effect immediately. You are charged a prorated amount for the rest of the current billing period, and the next invoice is at the new price. Downgrades take effect at the end of the current period, so you keep the higher plan's features until then; there is no partial refund for the remainder of a period on a downgrade."),
  article("kb-cancel-subscription", "billing", "Cancelling your subscription",
    "The account owner can cancel under Billing → Plan → Cancel subscription. Your workspace stays active until the end of the paid period and then moves to read-only. You can reactivate at any time before data is deleted. Cancelling does not delete API keys; revoke them separately if you want access to stop immediately."),
  article("kb-data-retention", "billing", "What happens to your data after cancellation",
    "After a subscription ends, the workspace is read-only for 30 days, during which you can export everything. After 30 days projects, files and logs are scheduled for deletion and are permanently removed from backups within a further 60 days. Invoices are kept for 10 years to meet accounting obligations."),
  article("kb-password-reset", "account", "Resetting your password",
    "Choose Forgot password on the sign-in page and enter your work email. The reset link is valid for 60 minutes and can be used once; requesting a new link invalidates older ones. If your organization signs in with SSO, passwords are managed by your identity provider and the reset email is not sent."),
  article("kb-email-deliverability", "account", "Not receiving emails from Acme Cloud",
    "Our emails come from no-reply@mail.acme.cloud. Check spam and quarantine folders, and ask your IT team to allow-list the sending domain. Corporate filters sometimes hold messages for 10–30 minutes. If nothing arrives after an hour, support can confirm delivery status from our email provider's logs."),
  article("kb-sso-saml-okta", "account", "Configuring SAML SSO with Okta",
    "In Okta, create a SAML 2.0 app. Set the Single sign-on URL to https://auth.acme.cloud/saml/acs and the Audience URI (SP Entity ID) to https://auth.acme.cloud/saml/metadata/<your-org-id>. Map the email attribute to user.email. Then paste Okta's metadata URL under Settings → Security → SSO in Acme Cloud and test the connection before enabling it."),
  article("kb-sso-troubleshooting", "account", "Troubleshooting SSO errors",
    "\"Invalid audience\" means the Audience URI in your identity provider does not exactly match the SP Entity ID shown in Acme Cloud, including the org id and no trailing slash. \"Signature validation failed\" usually means the signing certificate was rotated in the identity provider; re-import the metadata. Clock skew of more than 5 minutes also causes rejected assertions."),
  article("kb-sso-enforcement", "account", "Enforcing SSO for your organization",
    "Once SSO works, an owner can turn on Require SSO. Members then have to sign in through your identity provider; their passwords stop working, but their data, API keys and project access are unchanged. You can exempt up to two break-glass owner accounts so that you are not locked out if the identity provider is down."),
  article("kb-2fa-recovery", "account", "Recovering access when you lose your 2FA device",
    "Sign in with one of the ten recovery codes you saved when you enabled two-factor authentication; each code works once. Without recovery codes, an owner of your workspace can reset your 2FA from Members. If you are the only owner, contact support to start identity verification, which usually takes 1–2 business days."),
  article("kb-invite-members", "account", "Inviting teammates and managing seats",
    "Owners and admins invite people from Settings → Members → Invite. Invitations expire after 7 days and can be resent. Members and admins use a paid seat; viewers are free on Team and Business plans. Removing a member frees the seat from the next billing period."),
  article("kb-roles-permissions", "account", "Roles and permissions",
    "Owners manage billing, security and members. Admins manage projects and members but not billing. Members create and edit resources in projects they belong to. Viewers have read-only access. Custom roles are available on Enterprise."),
  article("kb-api-rate-limits", "platform", "API rate limits",
    "Rate limits apply per organization: 60 requests per minute on Starter, 600 on Team and 3,000 on Business, with short bursts of up to twice the limit. Requests over the limit get HTTP 429. Every response carries X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers. Enterprise customers and one-off migrations can request a temporary increase through support."),
  article("kb-handling-429", "platform", "Handling 429 Too Many Requests",
    "When you receive a 429, wait for the number of seconds in the Retry-After header before retrying, then back off exponentially with jitter. Our official SDKs do this automatically with up to 5 retries. Spreading batch jobs over time and using the bulk endpoints, which count as one request per 100 items, keeps most workloads under the limit."),
  article("kb-status-page", "platform", "Service status and incident notifications",
    "Live service status for each region is published at status.acme.cloud. You can subscribe to incident updates by email, SMS, Slack or webhook. During an incident we post an update at least every 30 minutes until it is resolved, followed by a public postmortem within 5 business days for major incidents."),
  article("kb-sla-credits", "platform", "Uptime SLA and service credits",
    "Business and Enterprise plans include a 99.9% monthly uptime SLA. If uptime falls below it, you are eligible for a service credit of 10% of the monthly fee (25% below 99.0%). Credits must be requested within 30 days of the incident by the account owner and are applied to the next invoice."),
  article("kb-data-export", "platform", "Exporting your data",
    "Owners can export a workspace from Settings → Data → Export. The export contains all projects, files and metadata as a ZIP of JSON and CSV files and is emailed as a download link valid for 7 days. Large workspaces can take up to several hours; an export that stays in Preparing for more than 6 hours can be cancelled and restarted. The Exports API supports scheduled exports to your own S3 bucket."),
  article("kb-api-keys", "platform", "Creating and rotating API keys",
    "Create API keys under Settings → API keys. Keys can be scoped to specific projects and to read-only or read-write access. To rotate without downtime, create the new key, deploy it, and then revoke the old one. Revocation takes effect within 60 seconds across all regions because keys are cached briefly at the edge."),
  article("kb-webhooks-delivery", "platform", "Webhook delivery and retries",
    "Webhooks are delivered with a 10-second timeout and retried with exponential backoff for up to 24 hours. An endpoint that fails every delivery for 3 days is disabled automatically and the owner is emailed. The Deliveries tab of each webhook shows recent attempts with status codes, and any delivery from the last 14 days can be replayed."),
  article("kb-webhook-signatures", "platform", "Verifying webhook signatures",
    "Each webhook request carries an Acme-Signature header: an HMAC-SHA256 of the timestamp and the raw request body, keyed with your endpoint's signing secret. Compute the HMAC over the raw body before parsing JSON, compare in constant time, and reject requests whose timestamp is more than 5 minutes old to prevent replays."),
];

export const HELP_ARTICLE_BY_ID = new Map(HELP_ARTICLES.map((entry) => [entry.id, entry]));

export function helpArticleUrl(entry: HelpArticle): string {
  return `https://help.acme.cloud/articles/${entry.id.replace(/^kb-/, "")}`;
}
