// Policies the demo bot gets wrong, per help-center article: what a reviewer
// says the answer claimed, and what the article really says. The notes of the
// "hallucinated policy" mode quote them (see demo-note-texts.ts).
export type PolicySlip = { claim: string; truth: string };

export const POLICY_SLIPS: Record<string, readonly PolicySlip[]> = {
  "kb-refund-policy": [
    { claim: "refunds arrive within 24 hours", truth: "refunds take 5–10 business days to reach the original payment method" },
    { claim: "every plan has a 30-day money-back guarantee", truth: "only annual plans cancelled within 14 days are refunded in full" },
    { claim: "unused annual months are paid back in cash", truth: "after 14 days unused months come back as account credit, not cash" },
    { claim: "usage overages can be refunded on request", truth: "overages are not refundable once the billing period has closed" },
  ],
  "kb-duplicate-charges": [
    { claim: "a second charge is always a bank hold that goes away by itself", truth: "holds clear within 3 business days, but two settled charges are a real duplicate we refund" },
    { claim: "the customer has to ask their bank to reverse the duplicate", truth: "we refund a settled duplicate ourselves" },
  ],
  "kb-proration": [
    { claim: "a downgrade is refunded pro rata for the rest of the month", truth: "a downgrade applies at the end of the period with no partial refund" },
    { claim: "an upgrade only starts at the next billing period", truth: "upgrades apply immediately with a prorated charge" },
  ],
  "kb-plan-comparison": [
    { claim: "Team includes SAML SSO", truth: "SAML SSO starts at Business" },
    { claim: "Business comes with a 99.99% uptime SLA", truth: "the Business SLA is 99.9%" },
    { claim: "Business is $25 per seat", truth: "Business is $29 per seat per month" },
  ],
  "kb-cancel-subscription": [
    { claim: "cancelling deletes the workspace right away", truth: "the workspace stays active until the end of the paid period, then goes read-only" },
    { claim: "any admin can cancel the subscription", truth: "only the account owner can cancel" },
    { claim: "cancelling also revokes all API keys", truth: "API keys keep working until they are revoked separately" },
  ],
  "kb-data-retention": [
    { claim: "data is kept for 90 days after cancellation", truth: "the workspace is read-only for 30 days, then deleted within a further 60" },
    { claim: "invoices are deleted together with the workspace", truth: "invoices are kept for 10 years" },
  ],
  "kb-tax-ids": [
    { claim: "a VAT ID can be added to any past invoice", truth: "only invoices from the last 90 days can be reissued with the tax ID" },
  ],
  "kb-invoices-download": [
    { claim: "invoices older than 12 months are gone for good", truth: "invoices older than 24 months can be requested from support" },
  ],
  "kb-billing-contacts": [
    { claim: "billing contacts need a paid seat", truth: "billing contacts don't need a seat" },
    { claim: "you can add up to ten billing contacts", truth: "the limit is five billing contacts" },
  ],
  "kb-password-reset": [
    { claim: "the reset link stays valid for 24 hours", truth: "the link is valid for 60 minutes and works once" },
    { claim: "SSO users can reset their password by email", truth: "with SSO the password lives in the identity provider and no reset email is sent" },
  ],
  "kb-sso-saml-okta": [
    { claim: "SAML SSO is available on the Team plan", truth: "SSO is a Business and Enterprise feature" },
  ],
  "kb-sso-troubleshooting": [
    { claim: "up to 30 minutes of clock skew is tolerated", truth: "more than 5 minutes of skew rejects the assertion" },
    { claim: "a trailing slash in the Audience URI doesn't matter", truth: "the Audience URI must match exactly, no trailing slash" },
  ],
  "kb-sso-enforcement": [
    { claim: "enforcing SSO revokes everyone's API keys", truth: "data, API keys and project access are unchanged" },
    { claim: "there is no way to keep a break-glass login", truth: "up to two owner accounts can be exempted" },
  ],
  "kb-2fa-recovery": [
    { claim: "support can switch off 2FA over chat", truth: "an owner resets it, or support runs identity verification (1–2 business days)" },
    { claim: "recovery codes can be used again", truth: "each recovery code works once" },
  ],
  "kb-invite-members": [
    { claim: "invitations expire after 30 days", truth: "invitations expire after 7 days" },
    { claim: "viewers take a paid seat", truth: "viewers are free on Team and Business" },
  ],
  "kb-roles-permissions": [
    { claim: "admins can change billing", truth: "only owners manage billing" },
  ],
  "kb-api-rate-limits": [
    { claim: "Team gets 1,000 requests per minute", truth: "Team is 600 requests per minute" },
    { claim: "bursts up to five times the limit are fine", truth: "bursts go up to twice the limit" },
    { claim: "rate limits are per API key", truth: "limits apply per organization" },
  ],
  "kb-handling-429": [
    { claim: "the SDKs retry forever", truth: "the SDKs retry up to 5 times" },
  ],
  "kb-status-page": [
    { claim: "incident updates come every 2 hours", truth: "updates are posted at least every 30 minutes" },
    { claim: "every incident gets a postmortem within 24 hours", truth: "major incidents get a public postmortem within 5 business days" },
  ],
  "kb-sla-credits": [
    { claim: "SLA credits are applied automatically", truth: "the owner has to request credits within 30 days" },
    { claim: "the outage earns a 50% credit", truth: "credits are 10% of the monthly fee (25% below 99.0%)" },
  ],
  "kb-data-export": [
    { claim: "the export link is valid for 30 days", truth: "the download link is valid for 7 days" },
  ],
  "kb-api-keys": [
    { claim: "revoking a key takes effect instantly everywhere", truth: "revocation takes up to 60 seconds across regions" },
    { claim: "keys can't be limited to one project", truth: "keys can be scoped to projects and to read-only access" },
  ],
  "kb-webhooks-delivery": [
    { claim: "failed webhooks are retried for 72 hours", truth: "retries go on for up to 24 hours" },
    { claim: "deliveries can be replayed for 90 days", truth: "deliveries from the last 14 days can be replayed" },
    { claim: "an endpoint is disabled after one day of failures", truth: "it is disabled after 3 days of failed deliveries" },
  ],
  "kb-webhook-signatures": [
    { claim: "the signature is an MD5 of the body", truth: "it is an HMAC-SHA256 of the timestamp and the raw body" },
    { claim: "timestamps up to an hour old are fine", truth: "requests older than 5 minutes should be rejected" },
  ],
};
