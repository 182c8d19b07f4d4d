import type { SupportTopic } from "./support-topic";

export const ACCOUNT_TOPICS: readonly SupportTopic[] = [
  {
    id: "password-reset",
    queue: "account",
    subject: "Password reset email not received by {email}",
    turns: [
      {
        ask: ["I requested a password reset but never got the email.", "Password reset email isn't arriving for {email}. Help?"],
        answer: "Reset emails come from no-reply@mail.acme.cloud. Please check your spam or quarantine folder first — corporate filters sometimes hold these messages for 10–30 minutes. Also note that each new request invalidates the previous link, so use the most recent email.",
        articles: ["kb-email-deliverability", "kb-password-reset"],
      },
      {
        ask: ["It's been 40 minutes and still nothing. Spam folder is empty too.", "Still nothing, and I checked spam."],
        answer: "Thanks for checking. Could your organization sign in with SSO? In that case passwords are managed by your identity provider and we don't send reset emails at all. If not, I can open a ticket so support can check our email provider's delivery logs for {email}.",
        articles: ["kb-password-reset", "kb-email-deliverability"],
      },
      {
        ask: ["Oh — we do use Okta. So I should reset it there?"],
        answer: "Exactly. With SSO your Acme Cloud sign-in goes through Okta, so reset your password in Okta (or ask your IT team) and then use Sign in with SSO on our login page.",
        articles: ["kb-password-reset", "kb-sso-enforcement"],
      },
      {
        ask: ["Found the email after all, but the link says it has expired."],
        answer: "Reset links are valid for 60 minutes and only for the newest request. Please request one more reset and use that link within the hour.",
        articles: ["kb-password-reset"],
      },
    ],
  },
  {
    id: "sso-setup",
    queue: "account",
    subject: "SAML SSO setup for {company}",
    turns: [
      {
        ask: ["How do I set up SAML SSO with Okta?", "We want to connect Okta to Acme Cloud. What are the steps?"],
        answer: "Create a SAML 2.0 app in Okta with the Single sign-on URL https://auth.acme.cloud/saml/acs and the Audience URI https://auth.acme.cloud/saml/metadata/{orgId}, and map the email attribute to user.email. Then paste Okta's metadata URL under Settings → Security → SSO and run the connection test before enabling it.",
        articles: ["kb-sso-saml-okta"],
      },
      {
        ask: ["The test fails with \"Invalid audience\". What did I do wrong?"],
        answer: "That error means the Audience URI in Okta doesn't exactly match our SP Entity ID. It must be https://auth.acme.cloud/saml/metadata/{orgId} — same org id and no trailing slash. Update it in Okta and run the test again.",
        articles: ["kb-sso-troubleshooting", "kb-sso-saml-okta"],
      },
      {
        ask: ["It works now. Can we force everyone to use SSO?"],
        answer: "Yes: an owner can turn on Require SSO under Settings → Security. Members then have to sign in through Okta; their data, API keys and project access stay the same. I'd recommend exempting one or two break-glass owner accounts in case Okta is ever unavailable.",
        articles: ["kb-sso-enforcement"],
      },
      {
        ask: ["What happens to people's existing passwords?"],
        answer: "Once Require SSO is on, passwords simply stop working for everyone except the exempted break-glass owners. Nothing else about their accounts changes.",
        articles: ["kb-sso-enforcement"],
      },
    ],
  },
  {
    id: "lost-2fa",
    queue: "account",
    subject: "2FA recovery for {email}",
    turns: [
      {
        ask: ["I lost my phone and can't get past two-factor authentication.", "New phone, authenticator app is gone. How do I log in?"],
        answer: "You can sign in with one of the ten recovery codes you saved when you turned on two-factor authentication; each code works once. After signing in, set up 2FA again on your new phone.",
        articles: ["kb-2fa-recovery"],
      },
      {
        ask: ["I never saved the recovery codes.", "I don't have those codes anywhere."],
        answer: "No problem. Another owner of your workspace can reset your 2FA from Settings → Members. If you're the only owner, support needs to verify your identity first.",
        articles: ["kb-2fa-recovery", "kb-roles-permissions"],
      },
      {
        ask: ["I'm the only owner. How long does verification take?"],
        answer: "Identity verification usually takes 1–2 business days. I've opened ticket {ticket} to start it; watch {email} for the next steps from our team.",
        articles: ["kb-2fa-recovery"],
        tool: "create_ticket",
      },
    ],
  },
  {
    id: "team-invites",
    queue: "account",
    subject: "Invitation issue at {company}",
    turns: [
      {
        ask: ["How do I add my teammates to our workspace?", "How do I invite people?"],
        answer: "Owners and admins can invite people from Settings → Members → Invite. Each person gets an email invitation to join {company}'s workspace.",
        articles: ["kb-invite-members"],
      },
      {
        ask: ["A colleague says her invite link doesn't work anymore."],
        answer: "Invitations expire after 7 days. Open Settings → Members, find her pending invitation and choose Resend — she'll get a fresh link.",
        articles: ["kb-invite-members"],
      },
      {
        ask: ["Does someone who only needs to look at dashboards cost a seat?"],
        answer: "Give them the Viewer role: viewers have read-only access and are free on Team and Business. Members and admins use paid seats.",
        articles: ["kb-roles-permissions", "kb-invite-members"],
      },
    ],
  },
];
