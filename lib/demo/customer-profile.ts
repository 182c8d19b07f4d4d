import type { Random } from "./random";

// The customer behind a demo session. Its fields fill the {placeholders} of the
// scripted conversation, so follow-ups and tool calls agree with each other.
export type Customer = {
  userId: string;
  name: string;
  email: string;
  company: string;
  domain: string;
  orgId: string;
  plan: Plan;
  seats: string;
  amount: string;
  rateLimit: string;
  region: string;
  order: string;
  invoice: string;
  chargeDate: string;
  incident: string;
  ticket: string;
};

type Plan = "Starter" | "Team" | "Business" | "Enterprise";

const FIRST_NAMES = [
  "Amara", "Ben", "Carla", "Dmitri", "Elif", "Felix", "Grace", "Hiro", "Ines", "Jonas", "Kavya", "Liam",
  "Maya", "Nico", "Olu", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen", "Yara",
];
const LAST_NAMES = [
  "Adeyemi", "Berger", "Castro", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad", "Ivanova", "Jensen",
  "Kim", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov", "Rossi", "Schmidt", "Tanaka", "Varga",
];
const COMPANIES: readonly (readonly [string, string])[] = [
  ["Northwind Labs", "northwind.io"], ["Bluefin Analytics", "bluefin.ai"], ["Helio Health", "heliohealth.com"],
  ["Tandem Freight", "tandemfreight.com"], ["Quarry & Co", "quarry.co"], ["Lumen Studios", "lumenstudios.tv"],
  ["Pinecrest Bank", "pinecrest.bank"], ["Orbital Retail", "orbitalretail.com"], ["Mosaic Learning", "mosaic.edu"],
  ["Kestrel Robotics", "kestrel.dev"], ["Fernway Travel", "fernway.travel"], ["Sable Security", "sablesec.com"],
];
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"];

const PLAN_WEIGHTS: readonly (readonly [Plan, number])[] = [
  ["Starter", 3], ["Team", 5], ["Business", 3], ["Enterprise", 1],
];
const SEAT_PRICE: Record<Plan, number> = { Starter: 0, Team: 12, Business: 29, Enterprise: 45 };
const RATE_LIMIT: Record<Plan, string> = { Starter: "60", Team: "600", Business: "3,000", Enterprise: "10,000" };

const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// Formatted by hand rather than with Intl, so output never depends on the ICU build.
const usd = (value: number) => `$${value.toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ",")}`;
const shortDate = (date: Date) => `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;

/** Who the customer is; stays the same when they come back for another session. */
export function createCustomerIdentity(random: Random) {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const [company, domain] = random.pick(COMPANIES);
  const plan = random.weighted(PLAN_WEIGHTS);
  return {
    userId: `user_${random.hex(12)}`,
    name: first,
    email: `${first}.${last}@${domain}`.toLowerCase(),
    company,
    domain,
    orgId: `org_${random.hex(10)}`,
    plan,
    seats: String(plan === "Starter" ? 1 : random.int(3, plan === "Enterprise" ? 400 : 60)),
    region: random.pick(REGIONS),
  };
}

export type CustomerIdentity = ReturnType<typeof createCustomerIdentity>;

/** The identity plus the order, invoice, incident and ticket numbers of one session. */
export function customerForSession(random: Random, identity: CustomerIdentity, sessionStart: Date): Customer {
  const monthly = identity.plan === "Starter" ? 19 : SEAT_PRICE[identity.plan] * Number(identity.seats);
  const chargeDate = new Date(sessionStart.getTime() - random.int(1, 12) * DAY_MS);
  return {
    ...identity,
    amount: usd(monthly),
    rateLimit: RATE_LIMIT[identity.plan],
    order: `ORD-${random.int(100000, 999999)}`,
    invoice: `INV-${chargeDate.getUTCFullYear()}-${String(random.int(1, 99999)).padStart(5, "0")}`,
    chargeDate: shortDate(chargeDate),
    incident: `INC-${random.int(1000, 9999)}`,
    ticket: `TCK-${random.int(10000, 99999)}`,
  };
}

/** Replaces {field} with the customer's value; unknown names stay as they are. */
export function fillTemplate(text: string, customer: Customer): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in customer ? String(customer[key as keyof Customer]) : whole,
  );
}
