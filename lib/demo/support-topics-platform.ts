import type { SupportTopic } from "./support-topic";

export const PLATFORM_TOPICS: readonly SupportTopic[] = [
  {
    id: "rate-limits",
    queue: "platform",
    subject: "API rate limit increase for {company}",
    turns: [
      {
        ask: ["We keep getting 429 Too Many Requests from the API since this morning.", "Our sync job fails with HTTP 429. What's going on?"],
        answer: "A 429 means your organization went over its API rate limit. On the {plan} plan that's {rateLimit} requests per minute, with short bursts up to twice that. Each response tells you where you stand in the X-RateLimit-Remaining and X-RateLimit-Reset headers.",
        articles: ["kb-api-rate-limits", "kb-handling-429"],
      },
      {
        ask: ["How should our client handle it? Right now it just retries immediately.", "What's the right retry strategy?"],
        answer: "Retrying immediately makes it worse. Wait for the number of seconds in the Retry-After header, then back off exponentially with jitter. Our official SDKs do this automatically, and the bulk endpoints count as one request per 100 items, which usually keeps batch jobs well under the limit.",
        articles: ["kb-handling-429"],
      },
      {
        ask: ["We're migrating 2 million records this weekend. Can we get a temporary increase?"],
        answer: "Yes, one-off migrations can get a temporary increase. I opened ticket {ticket} with the platform team with your dates; they'll reply to {email} with the approved limit, usually within one business day.",
        articles: ["kb-api-rate-limits"],
        tool: "create_ticket",
      },
    ],
  },
  {
    id: "outage",
    queue: "platform",
    subject: "Dashboard errors in {region}",
    turns: [
      {
        ask: ["Is the dashboard down? We're getting 502 errors in {region}.", "Nothing loads for us, just 502 Bad Gateway. Is there an outage?"],
        answer: "Yes — there's an active incident ({incident}) in {region}: elevated 502 errors on the dashboard while the team mitigates a load balancer issue. The API itself is not affected. Updates are posted at status.acme.cloud at least every 30 minutes.",
        articles: ["kb-status-page"],
        tool: "check_service_status",
      },
      {
        ask: ["Is our data safe?", "Are we losing any data during this?"],
        answer: "This incident affects the dashboard's front end in {region} only; stored data and API writes are not affected. Nothing you submitted via the API is lost.",
        articles: ["kb-status-page"],
      },
      {
        ask: ["How can we get notified about incidents like this automatically?"],
        answer: "Subscribe at status.acme.cloud — you can get incident updates by email, SMS, Slack or webhook, per region. Major incidents also get a public postmortem within 5 business days.",
        articles: ["kb-status-page"],
      },
      {
        ask: ["We're on {plan}. Do we get SLA credits for this?"],
        answer: "Business and Enterprise plans include a 99.9% monthly uptime SLA. If this month's uptime ends below it, the account owner can request a credit of 10% of the monthly fee (25% below 99.0%) within 30 days; it's applied to your next invoice.",
        articles: ["kb-sla-credits"],
      },
    ],
  },
  {
    id: "data-export",
    queue: "platform",
    subject: "Data export stuck for {company}",
    turns: [
      {
        ask: ["How do I export all of our project data?", "We need a full export of our workspace. How?"],
        answer: "An owner can start an export from Settings → Data → Export. You'll receive an email with a download link (valid for 7 days) to a ZIP of JSON and CSV files covering all projects, files and metadata.",
        articles: ["kb-data-export"],
      },
      {
        ask: ["The export has been stuck on \"Preparing\" for over an hour."],
        answer: "Large workspaces can take several hours, so an hour isn't unusual yet. If it's still in Preparing after 6 hours, cancel it and start it again; if that fails too, I can open a ticket for the platform team.",
        articles: ["kb-data-export"],
      },
      {
        ask: ["Is there an API so we can schedule exports every night?"],
        answer: "Yes — the Exports API supports scheduled exports straight to your own S3 bucket. Create an API key scoped to read-only access for the job.",
        articles: ["kb-data-export", "kb-api-keys"],
      },
    ],
  },
  {
    id: "api-keys",
    queue: "platform",
    subject: "API key question from {company}",
    turns: [
      {
        ask: ["How do I rotate an API key without downtime?", "One of our keys was pasted into a public repo. How do I replace it safely?"],
        answer: "Create a new key under Settings → API keys, deploy it everywhere the old one is used, and then revoke the old key. Revocation takes effect within 60 seconds in all regions.",
        articles: ["kb-api-keys"],
      },
      {
        ask: ["Can a key be limited to just one project?"],
        answer: "Yes. When creating a key you can scope it to specific projects and to read-only or read-write access.",
        articles: ["kb-api-keys"],
      },
      {
        ask: ["I revoked the old key but a request with it still went through a few seconds later."],
        answer: "That's expected for up to 60 seconds: keys are cached briefly at the edge, so revocation takes up to a minute to reach every region. After that, requests with the old key are rejected.",
        articles: ["kb-api-keys"],
      },
    ],
  },
  {
    id: "webhooks",
    queue: "platform",
    subject: "Webhook deliveries failing for {company}",
    turns: [
      {
        ask: ["Our webhooks stopped arriving since yesterday.", "We haven't received any webhook events for a day. Why?"],
        answer: "Webhooks are retried for up to 24 hours, and an endpoint that fails every delivery for 3 days is disabled automatically. Open the webhook's Deliveries tab to see recent attempts and their status codes — timeouts over 10 seconds count as failures.",
        articles: ["kb-webhooks-delivery"],
      },
      {
        ask: ["The Deliveries tab shows 401s. We recently added signature checks."],
        answer: "Then your endpoint is probably rejecting valid requests. The Acme-Signature header is an HMAC-SHA256 of the timestamp and the raw body; compute it over the raw bytes before parsing JSON and compare in constant time. Parsing and re-serializing the body first is the most common cause of mismatches.",
        articles: ["kb-webhook-signatures"],
      },
      {
        ask: ["Fixed it. Can we get the events we missed?"],
        answer: "Yes — any delivery from the last 14 days can be replayed from the Deliveries tab, one by one or all failed deliveries at once.",
        articles: ["kb-webhooks-delivery"],
      },
    ],
  },
];
